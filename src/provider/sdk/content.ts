import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ContentSource } from '../types.js';
import type { NodeContent } from './nodes.js';

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

/** Reads a whole source as UTF-8 text (for nodes that keep small values, like variables). */
export async function readAllText(source: ContentSource, signal?: AbortSignal): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await source.open(0, signal)) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
