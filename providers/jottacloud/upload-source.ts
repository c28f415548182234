import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ContentSource } from '../../src/provider/types.js';
import type { UploadSource } from './client.js';

/**
 * Files up to this size go up in one request, read into memory first so their MD5 is known
 * before the upload starts (rclone buffers up to 10 MiB for the same reason). With eight
 * transfers at once that holds at most 32 MiB.
 */
export const SMALL_FILE_BYTES = 4 * 1024 * 1024;

/** Whether a source of `size` bytes is read into memory and sent in one request. */
export function isSmall(size: number | undefined): size is number {
  return size !== undefined && size <= SMALL_FILE_BYTES;
}

/**
 * The whole of a small source, or undefined when it turns out larger than a small file (it grew
 * since it was listed); reading stops there and the caller streams it instead.
 */
export async function readSmall(
  source: ContentSource,
  signal: AbortSignal,
): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = await source.open(0, signal);
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      size += bytes.length;
      if (size > SMALL_FILE_BYTES) return undefined;
      chunks.push(bytes);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks, size);
}

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
    localFile: source.localFile,
    onLocalRead: source.onLocalRead,
    open: (offset, openSignal) => source.open(offset, openSignal ?? signal),
  };
}
