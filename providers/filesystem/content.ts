import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { partialFileName } from '../../src/core/partial-name.js';
import { rename, stat, truncate, unlink, utimes } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import type { ContentSource, ProviderContext } from '../../src/provider/types.js';
import { ContentMismatchError } from '../../src/provider/errors.js';

/** Read and write in 1 MiB chunks: 64 KiB ones made the fs calls the cost of large copies. */
const CHUNK_BYTES = 1 << 20;

/** A file's bytes as a content source that can be opened again at any offset. */
export async function fileSource(fullName: string): Promise<ContentSource> {
  const stats = await stat(fullName);
  return {
    size: stats.size,
    lastWriteTime: stats.mtime,
    createdTime: stats.birthtime,
    localFile: fullName,
    open: async (offset = 0, signal?: AbortSignal) =>
      createReadStream(fullName, { start: offset, signal, highWaterMark: chunkFor(stats.size) }),
  };
}

/**
 * A read stream allocates a whole chunk for every read, the last (empty) one included: 1 MiB
 * chunks for a 4 KiB file made garbage collection the cost of copying many small files. A
 * small file gets a chunk just over its size (one read, then the end).
 */
function chunkFor(size: number): number {
  return Math.max(16 * 1024, Math.min(CHUNK_BYTES, size + 1));
}

/**
 * Replaces a file's content with `source` without ever leaving a partial file under its name:
 * the bytes go to a temporary file beside it, are checked against the source's MD5 when it
 * gave one, get the source's modification time, and only then take the target's name.
 */
export async function writeFileAtomically(
  fullName: string,
  source: ContentSource,
  ctx: ProviderContext,
): Promise<void> {
  const temporary = path.join(path.dirname(fullName), partialFileName(path.basename(fullName)));
  const hash = createHash('md5');
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });

  let output: WriteStream | undefined;
  try {
    const input = await source.open(0, ctx.signal);
    output = createWriteStream(temporary, { highWaterMark: CHUNK_BYTES });
    await pipeline(input, hashing, output, { signal: ctx.signal });

    const md5 = hash.digest('hex');
    if (source.md5 && source.md5.toLowerCase() !== md5) {
      throw new ContentMismatchError(fullName, source.md5.toLowerCase(), md5);
    }

    if (source.lastWriteTime) await utimes(temporary, new Date(), source.lastWriteTime);
    await rename(temporary, fullName);
  } catch (error) {
    // pipeline can settle before the file stream has closed (cancelled while the file was still
    // opening): the unlink would then race the open and could lose, leaving the temporary file.
    if (output) await closed(output);
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** Resolves once `stream` has closed its file (destroying it first if it is still open). */
function closed(stream: WriteStream): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((done) => {
    stream.once('close', () => done());
    stream.destroy();
  });
}

/** Clear-Content: the file stays, its content goes. */
export async function clearFile(fullName: string): Promise<void> {
  await truncate(fullName, 0);
}
