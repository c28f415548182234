import { readFile, rm } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';

/**
 * Two jafs windows on one JAFS_HOME share one embedded server: its data folder takes one owner
 * (the server's lock), so the process that started it writes where it listens, and a second
 * process sends its requests there instead of failing on the lock.
 */
interface OwnerRecord {
  pid: number;
  url: string;
}

/** Records that this process serves JAFS_HOME's embedded server at `url` (mode 0600). */
export async function announceOwner(file: string, url: string): Promise<void> {
  const { default: writeFileAtomic } = await import('write-file-atomic');
  const record: OwnerRecord = { pid: process.pid, url };
  await writeFileAtomic(file, `${JSON.stringify(record)}\n`, { mode: 0o600 });
}

/** Removes the record if this process wrote it (a later owner's record stays). */
export async function withdrawOwner(file: string): Promise<void> {
  const record = await readRecord(file);
  if (record?.pid === process.pid) await rm(file, { force: true });
}

/** The URL of the embedded server another live jafs process runs, if one says so. */
export async function findOwner(file: string): Promise<string | undefined> {
  const record = await readRecord(file);
  if (!record || record.pid === process.pid || !isAlive(record.pid)) return undefined;
  return record.url;
}

/**
 * Listens on this process's reserved loopback port and passes every connection on to `url`, so
 * the public share links this process prints (they name its own port) reach the shared server.
 */
export function forwardTo(port: number, url: string): Promise<Server> {
  const target = new URL(url);
  return new Promise((done, fail) => {
    const server = createServer((socket) => {
      const upstream = connect(Number(target.port), target.hostname);
      socket.pipe(upstream).pipe(socket);
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      server.unref();
      done(server);
    });
  });
}

async function readRecord(file: string): Promise<OwnerRecord | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<OwnerRecord>;
    if (typeof parsed.pid !== 'number' || typeof parsed.url !== 'string') return undefined;
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(parsed.url)) return undefined;
    return { pid: parsed.pid, url: parsed.url };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
