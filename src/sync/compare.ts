import { isAbortError } from '../core/errors.js';
import { md5Of } from '../provider/copy.js';
import { callProvider, contextFor, type OperationOptions } from '../provider/provider-call.js';
import type { ResolvedItem } from '../provider/item-path.js';
import type { ProviderItem } from '../provider/types.js';

/** The verdict on a file present on both sides. */
export interface Comparison {
  same: boolean;
  /** The source's MD5 when it is known now, so the upload need not read the file for it. */
  sourceMd5: string | undefined;
}

/**
 * Whether a destination file already holds the source's content. Different sizes decide at
 * once. With equal sizes the MD5s decide; a side whose store does not know its MD5 (a local
 * file) is hashed by streaming it. Only when neither store knows an MD5 (local to local) do
 * equal modification times (to the second) count as proof, as rclone does, so an unchanged tree
 * is not read twice on every run; differing times then fall back to hashing both sides.
 */
export async function compareFiles(
  source: ResolvedItem,
  destination: ResolvedItem,
  options: OperationOptions,
): Promise<Comparison> {
  const sourceSize = sizeOf(source.item);
  const sourceMd5 = source.item.md5;
  if (sourceSize === undefined || sourceSize !== sizeOf(destination.item)) {
    return { same: false, sourceMd5 };
  }

  const neitherKnown = sourceMd5 === undefined && destination.item.md5 === undefined;
  if (neitherKnown && sameSecond(source.item.lastWriteTime, destination.item.lastWriteTime)) {
    return { same: true, sourceMd5 };
  }

  const ours = sourceMd5 ?? (await hashItem(source, options));
  const theirs = destination.item.md5 ?? (await destinationMd5(destination, options));
  return { same: ours !== undefined && ours === theirs, sourceMd5: ours };
}

/**
 * A destination file that cannot be read (a Jottacloud file whose upload never completed) is
 * not the source's content: it is sent again, which repairs it. Ctrl+C still stops the run.
 */
async function destinationMd5(destination: ResolvedItem, options: OperationOptions) {
  try {
    return await hashItem(destination, options);
  } catch (error) {
    if (isAbortError(error) || options.signal?.aborted) throw error;
    return undefined;
  }
}

/** Size of a leaf, from the item or its Length property. */
export function sizeOf(item: ProviderItem): number | undefined {
  const length = item.size ?? item.properties.Length;
  return typeof length === 'number' ? length : undefined;
}

function sameSecond(a: Date | undefined, b: Date | undefined): boolean {
  if (!a || !b) return false;
  return Math.floor(a.getTime() / 1000) === Math.floor(b.getTime() / 1000);
}

/** Reads a file through its provider once and returns its MD5. */
async function hashItem(target: ResolvedItem, options: OperationOptions) {
  const { path } = target;
  const read = path.drive.provider.getContent;
  if (!read) return undefined;
  const content = await callProvider('GetContent', path, () =>
    read.call(path.drive.provider, path.providerPath, contextFor(path.drive, options)),
  );
  if (content.md5) return content.md5.toLowerCase();
  return callProvider('GetContent', path, () => md5Of(content, options.signal));
}
