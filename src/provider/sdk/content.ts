import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ContentSource } from '../types.js';
import type { NodeContent } from './nodes.js';
import { ContentMismatchError } from '../errors.js';

/** Text or bytes as a ContentSource that can be opened any number of times, at any offset. */
export function contentSource(content: NodeContent, lastWriteTime?: Date): ContentSource {
  if (typeof content !== 'string' && !(content instanceof Uint8Array)) return content;

  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return {
    size: bytes.length,
    md5: createHash('md5').update(bytes).digest('hex'),
    lastWriteTime,
    open: async (offset = 0, signal) => Readable.from([bytes.subarray(offset)], { signal }),
  };
}

/**
 * Reads a whole source into memory (for nodes that keep small values), checking it against the
 * size and MD5 the source announced: a ContentMismatchError instead of storing wrong bytes.
 */
export async function readAllBytes(
  source: ContentSource,
  name: string,
  signal?: AbortSignal,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await source.open(0, signal)) {
    signal?.throwIfAborted();
    chunks.push(Buffer.from(chunk));
  }

  const bytes = Buffer.concat(chunks);
  const actual = createHash('md5').update(bytes).digest('hex');
  if (source.md5 !== undefined && source.md5 !== actual) {
    throw new ContentMismatchError(name, source.md5, actual);
  }
  if (source.size !== undefined && source.size !== bytes.length) {
    throw new ContentMismatchError(name, `${source.size} bytes`, `${bytes.length} bytes`);
  }
  return bytes;
}

/** Reads a whole source as UTF-8 text, checked as readAllBytes does. */
export async function readAllText(
  source: ContentSource,
  name: string,
  signal?: AbortSignal,
): Promise<string> {
  return (await readAllBytes(source, name, signal)).toString('utf8');
}
