import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Transform, type Readable, type TransformCallback } from 'node:stream';

import { OperationCanceledError } from '../core/errors.js';

/** MD5 of the empty string: the hash of every zero-byte file (B06). */
export const EMPTY_MD5 = 'd41d8cd98f00b204e9800998ecf8427e';

/** Hashes a stream chunk by chunk (bounded memory, B02) and resolves with hex MD5 and length. */
export async function md5OfStream(
  stream: Readable,
  signal?: AbortSignal,
): Promise<{ md5: string; size: number }> {
  const hash = createHash('md5');
  let size = 0;
  const onAbort = () => stream.destroy(new OperationCanceledError());
  signal?.addEventListener('abort', onAbort, { once: true });

  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      hash.update(buffer);
      size += buffer.length;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (signal?.aborted) throw new OperationCanceledError();
  return { md5: hash.digest('hex'), size };
}

/**
 * Bytes per read of a local file: big enough that the fs calls cost little next to hashing
 * and sending, small enough to keep the process's memory flat.
 */
export const FILE_CHUNK_BYTES = 1 << 20;

/**
 * Hashes a local file with two reused buffers: the next chunk is read while the current one is
 * hashed, and no chunk becomes garbage (1 MiB stream chunks left ~64 MB of dead buffers for
 * the garbage collector on every large upload).
 */
export async function md5OfFile(
  path: string,
  signal?: AbortSignal,
  onBytes?: (bytesRead: number) => void,
): Promise<{ md5: string; size: number }> {
  const hash = createHash('md5');
  const buffers = [
    Buffer.allocUnsafeSlow(FILE_CHUNK_BYTES),
    Buffer.allocUnsafeSlow(FILE_CHUNK_BYTES),
  ];
  const handle = await open(path, 'r');
  let size = 0;

  try {
    let reading = handle.read(buffers[0], 0, FILE_CHUNK_BYTES, 0);
    for (let turn = 0; ; turn++) {
      const { bytesRead, buffer } = await reading;
      if (bytesRead === 0) break;
      // Checked while no read is pending, so the handle closes with nothing in flight.
      if (signal?.aborted) throw new OperationCanceledError();

      size += bytesRead;
      reading = handle.read(buffers[(turn + 1) % 2], 0, FILE_CHUNK_BYTES, size);
      hash.update(buffer.subarray(0, bytesRead));
      onBytes?.(size);
    }
  } finally {
    await handle.close();
  }
  return { md5: hash.digest('hex'), size };
}

/** Passes bytes through unchanged while counting them and reporting progress. */
export class CountingStream extends Transform {
  bytes = 0;

  constructor(private readonly onChunk?: (bytes: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    this.onChunk?.(this.bytes);
    callback(null, chunk);
  }
}
