import type { Readable } from 'node:stream';

import { ProtocolError } from './errors.js';
import { parseJfsTime } from './time.js';

/**
 * One entry of `mode=liststream` (§3.9, §8.10). Only completed, live files are listed. Paths
 * are device-relative like everywhere in the client (`/Jotta/Archive/docs`).
 */
export type StreamEntry =
  | { kind: 'folder'; path: string }
  | {
      kind: 'file';
      /** Parent folder. */
      path: string;
      name: string;
      md5?: string;
      size?: number;
      modified?: Date;
      created?: Date;
    };

const ELEMENT = /<(folder|file|stats)>([\s\S]*?)<\/\1>/y;
const NEXT_ELEMENT = /<(?:folder|file|stats)>/g;

/**
 * Reads the compact liststream XML incrementally (B34): entries are yielded as their elements
 * complete, so memory stays bounded by the longest element, not the tree. The closing `<stats>`
 * counts are checked as rclone does; a mismatch or a missing `<stats>` means the listing was
 * cut short and raises a ProtocolError instead of returning a partial tree silently.
 */
export async function* parseListStream(
  body: Readable,
  device: string,
  path: string,
): AsyncGenerator<StreamEntry> {
  const decoder = new TextDecoder('utf-8');
  const seenFolders = new Set<string>();
  let counted = { folders: 0, files: 0 };
  let stats: { folders: number; files: number } | undefined;
  let buffer = '';

  for await (const chunk of body) {
    buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk as Buffer, { stream: true });
    let consumed = 0;

    for (;;) {
      NEXT_ELEMENT.lastIndex = consumed;
      const start = NEXT_ELEMENT.exec(buffer);
      if (!start) break;
      ELEMENT.lastIndex = start.index;
      const match = ELEMENT.exec(buffer);
      if (!match) {
        consumed = start.index;
        break;
      }
      consumed = ELEMENT.lastIndex;

      const [, tag, inner] = match;
      if (tag === 'stats') {
        stats = { folders: Number(field(inner, 'folders')), files: Number(field(inner, 'files')) };
        continue;
      }
      const entry = toEntry(tag, inner, device);
      counted = countEntry(entry, seenFolders, counted);
      yield entry;
    }
    buffer = buffer.slice(consumed);
  }

  if (!stats || stats.files !== counted.files || stats.folders !== counted.folders) {
    throw new ProtocolError(
      `The listing of ${path} was cut short (got ${counted.folders} folders and ` +
        `${counted.files} files, expected ${stats ? `${stats.folders} and ${stats.files}` : 'more'}). ` +
        'Try again.',
      { path },
    );
  }
}

function toEntry(tag: string, inner: string, device: string): StreamEntry {
  const path = `/${device}${field(inner, 'path') ?? ''}`;
  if (tag === 'folder') return { kind: 'folder', path };

  const size = field(inner, 'size');
  return {
    kind: 'file',
    path,
    name: field(inner, 'filename') ?? '',
    md5: field(inner, 'md5')?.toLowerCase() || undefined,
    size: size ? Number(size) : undefined,
    modified: parseJfsTime(field(inner, 'modified')),
    created: parseJfsTime(field(inner, 'created')),
  };
}

/** rclone's rule: every folder element counts, and every file parent not seen before. */
function countEntry(
  entry: StreamEntry,
  seen: Set<string>,
  counted: { folders: number; files: number },
) {
  if (entry.kind === 'folder') {
    seen.add(entry.path);
    return { ...counted, folders: counted.folders + 1 };
  }
  if (seen.has(entry.path)) return { ...counted, files: counted.files + 1 };
  seen.add(entry.path);
  return { folders: counted.folders + 1, files: counted.files + 1 };
}

function field(inner: string, name: string): string | undefined {
  const match = new RegExp(`<${name}(?: [^>]*)?>([\\s\\S]*?)</${name}>`).exec(inner);
  return match ? decodeEntities(match[1]) : undefined;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[entity] ?? '';
  });
}
