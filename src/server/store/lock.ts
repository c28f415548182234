import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { JafsError } from '../../core/errors.js';

/** Raised when another live server already owns the data folder. */
export class DataDirLockedError extends JafsError {
  constructor(dataDir: string, pid: number) {
    super(
      `The JFS server data folder ${dataDir} is in use by another server (process ${pid}). ` +
        'Stop that server or start this one with a different data folder.',
      {
        code: 'ESERVER_LOCKED',
        errorId: 'DataFolderInUse',
        category: 'ResourceBusy',
        targetObject: dataDir,
      },
    );
  }
}

/**
 * Takes the data folder's lock file (`server.lock`, holding the owner's pid). A lock left by a
 * process that no longer exists (kill -9) is taken over; one held by a live process — this one
 * included, for a second server in the same process — is refused.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const file = join(dataDir, 'server.lock');

  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => removeQuietly(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }

    const owner = Number.parseInt(readQuietly(file), 10);
    if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
      throw new DataDirLockedError(dataDir, owner);
    }
    removeQuietly(file);
  }
  throw new DataDirLockedError(dataDir, 0);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readQuietly(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone: nothing to release.
  }
}
