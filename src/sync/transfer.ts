import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { need } from '../provider/item-operations.js';
import { callProvider, contextFor, type OperationOptions } from '../provider/provider-call.js';
import type { ContentSource } from '../provider/types.js';
import type { TransferAction } from './types.js';

/**
 * Streams one file from the source provider's getContent to the destination provider's
 * setContent. The source's MD5, when the plan knows it, travels in the ContentSource: a
 * Jottacloud upload then allocates with it at once, and the server dedupes content it already
 * holds without the file being read even once. `onBytes` hears how far the current read got.
 */
export async function transferFile(
  action: TransferAction,
  options: OperationOptions,
  onBytes: (bytesOfFile: number) => void,
): Promise<void> {
  const { source, target } = action;
  const read = need(source.path.drive.provider, 'getContent', source.path);
  const write = need(target.drive.provider, 'setContent', target);
  const content = await callProvider('GetContent', source.path, () =>
    read(source.path.providerPath, contextFor(source.path.drive, options)),
  );

  const md5 = action.md5 ?? content.md5;
  const counted: ContentSource = {
    size: content.size ?? action.size,
    md5: md5?.toLowerCase(),
    lastWriteTime: content.lastWriteTime ?? source.item.lastWriteTime,
    createdTime: content.createdTime,
    open: async (offset = 0, signal?: AbortSignal) =>
      counting(await content.open(offset, signal), offset, onBytes),
  };

  // The bytes are reported as they are read; the provider's own upload events would be a second,
  // differently counted progress bar under the same command.
  const ctx = contextFor(target.drive, { ...options, progress: undefined });
  await callProvider('SyncItem', target, () => write(target.providerPath, counted, ctx));
}

/** Passes the stream through, reporting the position in the file as chunks go by. */
function counting(stream: Readable, offset: number, onBytes: (bytes: number) => void): Readable {
  let position = offset;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      position += chunk.length;
      onBytes(position);
      done(null, chunk);
    },
  });
  stream.on('error', (error) => counter.destroy(error));
  counter.on('close', () => stream.destroy());
  return stream.pipe(counter);
}
