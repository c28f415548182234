import { createHash } from 'node:crypto';
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
