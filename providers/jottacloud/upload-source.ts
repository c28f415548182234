import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ContentSource } from '../../src/provider/types.js';
import type { UploadSource } from './client.js';

/** An in-memory upload (New-Item -Value, Clear-Content): small by nature. */
export function bufferSource(bytes: Buffer, modified = new Date()): UploadSource {
  return {
    size: bytes.length,
    md5: createHash('md5').update(bytes).digest('hex'),
    modified,
    created: modified,
    open: async (offset) => Readable.from([bytes.subarray(offset)]),
  };
}

/** New-Item's -Value as bytes: text is written as UTF-8, lines joined by newlines. */
export function valueBytes(value: unknown): Buffer {
  if (value === undefined || value === null) return Buffer.alloc(0);
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value);
  if (Array.isArray(value)) return Buffer.from(value.map(String).join('\n'), 'utf8');
  return Buffer.from(String(value), 'utf8');
}

/**
 * The client's upload source for a provider ContentSource. The client needs the size up front;
 * when the source does not know it, one streaming pass counts the bytes (and hashes them, which
 * saves the client a pass), so nothing is held in memory.
 */
export async function toUploadSource(
  source: ContentSource,
  signal: AbortSignal,
): Promise<UploadSource> {
  let { size, md5 } = source;
  if (size === undefined) {
    const hash = createHash('md5');
    size = 0;
    for await (const chunk of await source.open(0, signal)) {
      const bytes = chunk as Buffer;
      hash.update(bytes);
      size += bytes.length;
    }
    md5 = hash.digest('hex');
  }

  return {
    size,
    md5,
    modified: source.lastWriteTime,
    created: source.createdTime,
    open: (offset, openSignal) => source.open(offset, openSignal ?? signal),
  };
}
