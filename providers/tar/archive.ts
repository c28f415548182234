import { open } from 'node:fs/promises';
import { JafsError } from '../../src/core/errors.js';

/** One folder of an archive, with what it holds by name. */
export interface TarFolder {
  name: string;
  lastWriteTime?: Date;
  folders: Map<string, TarFolder>;
  files: Map<string, TarFile>;
}

/** One regular file: where its bytes start in the archive, and how many there are. */
export interface TarFile {
  name: string;
  offset: number;
  size: number;
  lastWriteTime: Date;
}

/** The archive is not a tar file, or is cut short. */
export class TarFormatError extends JafsError {
  constructor(archive: string, reason: string) {
    super(`'${archive}' is not a readable tar archive: ${reason}.`, {
      code: 'ETAR_FORMAT',
      errorId: 'TarFormatError',
      category: 'InvalidData',
      targetObject: archive,
    });
  }
}

const BLOCK = 512;

/**
 * Reads the headers of a ustar/GNU/pax tar file (not compressed) into a folder tree, without
 * reading any file's content: each header is followed by the file's bytes, padded to 512.
 * Folders that only appear in file paths are created; links and devices are left out.
 */
export async function readTarIndex(archive: string, signal?: AbortSignal): Promise<TarFolder> {
  const root = folder('');
  const handle = await open(archive, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT' && error.code !== 'EISDIR') throw error;
    const reason = 'there is no archive file there (a relative path starts at the current folder)';
    throw new TarFormatError(archive, reason);
  });
  try {
    const { size: total } = await handle.stat();
    const header = Buffer.alloc(BLOCK);
    let position = 0;
    let longName: string | undefined;
    let paxPath: string | undefined;

    while (position + BLOCK <= total) {
      signal?.throwIfAborted();
      await handle.read(header, 0, BLOCK, position);
      if (header.every((byte) => byte === 0)) break;
      if (!validChecksum(header))
        throw new TarFormatError(archive, `bad header at byte ${position}`);

      const size = octal(header, 124, 12);
      const type = String.fromCharCode(header[156] || 48);
      const dataAt = position + BLOCK;
      position = dataAt + Math.ceil(size / BLOCK) * BLOCK;
      if (dataAt + size > total) throw new TarFormatError(archive, 'it ends inside a file');

      // GNU long names and pax headers describe the entry that follows them.
      if (type === 'L' || type === 'x') {
        const body = Buffer.alloc(size);
        await handle.read(body, 0, size, dataAt);
        if (type === 'L') longName = body.toString('utf8').replace(/\0.*$/s, '');
        else paxPath = paxField(body, 'path') ?? paxPath;
        continue;
      }

      const name = paxPath ?? longName ?? headerName(header);
      paxPath = longName = undefined;
      const segments = name.split('/').filter((part) => part !== '' && part !== '.');
      const lastWriteTime = new Date(octal(header, 136, 12) * 1000);
      if (segments.length === 0) continue;

      if (type === '5') {
        folderAt(root, segments).lastWriteTime = lastWriteTime;
      } else if (type === '0' || type === '7') {
        const parent = folderAt(root, segments.slice(0, -1));
        const file = segments.at(-1)!;
        parent.files.set(file, { name: file, offset: dataAt, size, lastWriteTime });
      }
    }
  } finally {
    await handle.close();
  }

  return root;
}

function folder(name: string): TarFolder {
  return { name, folders: new Map(), files: new Map() };
}

function folderAt(root: TarFolder, segments: readonly string[]): TarFolder {
  let current = root;
  for (const name of segments) {
    let next = current.folders.get(name);
    if (!next) current.folders.set(name, (next = folder(name)));
    current = next;
  }
  return current;
}

/** ustar splits long paths into a prefix (byte 345) and a name (byte 0). */
function headerName(header: Buffer): string {
  const name = text(header, 0, 100);
  const magic = text(header, 257, 6);
  const prefix = magic.startsWith('ustar') ? text(header, 345, 155) : '';
  return prefix ? `${prefix}/${name}` : name;
}

function text(header: Buffer, start: number, length: number): string {
  return header.toString('utf8', start, start + length).replace(/\0.*$/s, '');
}

/** Octal numbers, or GNU's base-256 form (high bit set) for sizes past 8 GiB. */
function octal(header: Buffer, start: number, length: number): number {
  if (header[start] & 0x80) {
    let value = 0;
    for (let i = start + 1; i < start + length; i += 1) value = value * 256 + header[i];
    return value;
  }
  const digits = text(header, start, length).trim();
  return digits === '' ? 0 : parseInt(digits, 8);
}

/** The header checksum counts its own field as eight spaces. */
function validChecksum(header: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i += 1) sum += i >= 148 && i < 156 ? 32 : header[i];
  return sum === octal(header, 148, 8);
}

/** A pax record list: `<length> <key>=<value>\n` repeated. */
function paxField(body: Buffer, key: string): string | undefined {
  for (const line of body.toString('utf8').split('\n')) {
    const record = line.slice(line.indexOf(' ') + 1);
    if (record.startsWith(`${key}=`)) return record.slice(key.length + 1);
  }
  return undefined;
}
