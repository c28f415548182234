import { Readable } from 'node:stream';
import type { ContentSource } from './types.js';
import type { ItemPath, ResolvedItem } from './item-path.js';
import { getItem } from './globber.js';
import { callProvider, contextFor, type OperationOptions } from './provider-call.js';
import { need } from './item-operations.js';
import { ProviderOperationError } from './errors.js';

/** Get-Content's choices. */
export interface ReadOptions extends OperationOptions {
  /** Only the first N lines (stops reading early). */
  totalCount?: number;
  /** Only the last N lines. */
  tail?: number;
  /** The whole content as one string, line breaks kept. */
  raw?: boolean;
}

/** The content of a leaf; a container is PowerShell's "it is a directory" error. */
export async function openContent(target: ResolvedItem, options: OperationOptions) {
  if (target.item.isContainer) {
    throw new ProviderOperationError(
      `Unable to get content because it is a directory: '${target.path.display}'. ` +
        "Please use 'Get-ChildItem' instead.",
      'GetContentReaderDirectoryError',
      target.path.display,
    );
  }

  const read = need(target.path.drive.provider, 'getContent', target.path);
  const ctx = contextFor(target.path.drive, options);
  return callProvider('GetContent', target.path, () => read(target.path.providerPath, ctx));
}

/**
 * The lines of a leaf as UTF-8 text, split on `\n` or `\r\n` (a final line break does not
 * start an empty line). With -Raw, one string. Reads as a stream and stops at -TotalCount.
 */
export async function* readLines(
  target: ResolvedItem,
  options: ReadOptions,
): AsyncIterable<string> {
  const content = await openContent(target, options);
  const stream = await callProvider('GetContent', target.path, () =>
    content.open(0, options.signal),
  );
  const decoder = new TextDecoder('utf-8');

  if (options.raw) {
    let text = '';
    for await (const chunk of stream) text += decoder.decode(chunk as Buffer, { stream: true });
    text += decoder.decode();
    yield text.startsWith('\uFEFF') ? text.slice(1) : text;
    return;
  }

  const limit =
    options.totalCount !== undefined && options.totalCount >= 0 ? options.totalCount : Infinity;
  const tail = options.tail !== undefined && options.tail >= 0 ? options.tail : undefined;
  const kept: string[] = [];
  let emitted = 0;
  let pending = '';
  let first = true;

  const take = function* (line: string) {
    if (first && line.startsWith('\uFEFF')) line = line.slice(1);
    first = false;
    if (tail === undefined) {
      emitted++;
      yield line;
    } else {
      kept.push(line);
      if (kept.length > tail) kept.shift();
    }
  };

  try {
    for await (const chunk of stream) {
      pending += decoder.decode(chunk as Buffer, { stream: true });
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (emitted >= limit) return;
        yield* take(line.endsWith('\r') ? line.slice(0, -1) : line);
      }

      if (emitted >= limit) return;
    }

    pending += decoder.decode();
    if (pending !== '' && emitted < limit) yield* take(pending.replace(/\r$/, ''));
    yield* kept;
  } finally {
    stream.destroy();
  }
}

/** A content source over bytes already in memory (Set-Content's values). */
export function bufferSource(bytes: Buffer, lastWriteTime?: Date): ContentSource {
  return {
    size: bytes.length,
    lastWriteTime,
    open: async (offset = 0) => Readable.from([bytes.subarray(offset)]),
  };
}

/**
 * Set-Content (`append` false) or Add-Content (`append` true) of text (as UTF-8) or of bytes
 * already encoded (-Encoding, -AsByteStream) to `path`.
 */
export async function writeText(
  path: ItemPath,
  text: string | Uint8Array,
  append: boolean,
  options: OperationOptions,
) {
  const provider = path.drive.provider;
  const write = need(provider, 'setContent', path);
  const existing = await getItem(path, options);
  if (existing?.isContainer) {
    throw new ProviderOperationError(
      `Unable to write content because it is a directory: '${path.display}'.`,
      'SetContentWriterDirectoryError',
      path.display,
    );
  }

  const added = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text);
  let source = bufferSource(added);
  if (append && existing && provider.getContent) {
    const before = await openContent({ path, item: existing }, options);
    source = appendedSource(before, added);
  }

  const ctx = contextFor(path.drive, options);
  const item = await callProvider('SetContent', path, () => write(path.providerPath, source, ctx));
  return { path, item };
}

/** The existing content followed by `added`, read as one stream. */
function appendedSource(before: ContentSource, added: Buffer): ContentSource {
  return {
    size: before.size === undefined ? undefined : before.size + added.length,
    async open(offset = 0, signal?: AbortSignal) {
      const head = await before.open(0, signal);
      async function* joined() {
        let position = 0;
        for await (const chunk of head) {
          const buffer = chunk as Buffer;
          const start = position;
          position += buffer.length;
          if (position > offset) yield buffer.subarray(Math.max(0, offset - start));
        }

        yield added.subarray(Math.max(0, offset - position));
      }

      return Readable.from(joined());
    },
  };
}

/** Clear-Content: the provider's clearContent, or an empty setContent. */
export async function clearContent(target: ResolvedItem, options: OperationOptions) {
  // Checked here, once for every provider, so that a folder is refused in the same words
  // everywhere (worded like Get-Content's and Set-Content's refusals).
  if (target.item.isContainer) {
    throw new ProviderOperationError(
      `Unable to clear content because it is a directory: '${target.path.display}'.`,
      'ClearContentDirectoryError',
      target.path.display,
    );
  }

  const provider = target.path.drive.provider;
  const ctx = contextFor(target.path.drive, options);
  if (provider.clearContent) {
    const clear = provider.clearContent.bind(provider);
    await callProvider('ClearContent', target.path, () => clear(target.path.providerPath, ctx));
    return;
  }

  const write = need(provider, 'setContent', target.path);
  await callProvider('ClearContent', target.path, () =>
    write(target.path.providerPath, bufferSource(Buffer.alloc(0)), ctx),
  );
}
