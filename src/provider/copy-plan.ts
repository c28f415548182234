import { isAbortError } from '../core/errors.js';
import type { ProviderItem } from './types.js';
import { childOf, itemPath, type ItemPath } from './item-path.js';
import { listChildren } from './globber.js';
import {
  callProvider,
  contextFor,
  throwIfAborted,
  type OperationOptions,
} from './provider-call.js';
import { segmentsBelow } from './path-syntax.js';

/** One item below the root of a tree: its names below the root, and what was listed. */
export interface TreeEntry {
  readonly below: readonly string[];
  readonly item: ProviderItem;
}

export interface ListTreeOptions extends OperationOptions {
  /** A sub-container that cannot be listed (folder by folder only); without it, it throws. */
  onError?(error: unknown, path: string): void;
}

/**
 * Every live item below the container `root`, parents before their children, in the order the
 * provider lists them. A provider's `walk` lists the whole tree at once (one request on
 * Jottacloud); otherwise, or when that fails, the engine lists container by container. Trashed
 * items are left out: they are gone.
 */
export async function listTree(root: ItemPath, options: ListTreeOptions): Promise<TreeEntry[]> {
  const entries = root.drive.provider.walk
    ? await walkTree(root, options).catch((error: unknown) => {
        if (isAbortError(error)) throw error;
        // One listing of a whole tree can fail where the listings of its folders do not (a
        // store refusing an answer too large, rclone#5639): then only what is unreadable fails.
        return listLevels(root, [], options);
      })
    : await listLevels(root, [], options);
  // Not sorted: both ways already put parents first, and sorting thousands of paths with the
  // locale-aware comparison cost more than a hundred small transfers.
  return entries.filter((entry) => !entry.item.deleted);
}

/** The items of the tree at `root` by their names below it, for "what is there" checks. */
export async function indexTree(
  root: ItemPath,
  options: OperationOptions,
): Promise<Map<string, ProviderItem>> {
  // -Force: a hidden item at a target name is still there and must not be written over blindly.
  const entries = await listTree(root, { ...options, force: true });
  const index = new Map<string, ProviderItem>();
  for (const entry of entries) index.set(treeKey(root, entry.below), entry.item);
  return index;
}

/** The key of a place below `root` in an index of it (folded when names ignore case). */
export function treeKey(root: ItemPath, below: readonly string[]): string {
  const joined = below.join('/');
  return root.drive.provider.caseSensitive ? joined : joined.toLowerCase();
}

/** The place `below` names under `root`. */
export function placeBelow(root: ItemPath, below: readonly string[]): ItemPath {
  return itemPath(root.drive, [...root.segments, ...below]);
}

async function walkTree(root: ItemPath, options: OperationOptions): Promise<TreeEntry[]> {
  const { drive } = root;
  const provider = drive.provider;
  const entries: TreeEntry[] = [];
  const iterator = provider.walk!(root.providerPath, contextFor(drive, options))[
    Symbol.asyncIterator
  ]();

  try {
    for (;;) {
      const next = await callProvider('GetChildItems', root, () => iterator.next());
      if (next.done) return entries;
      const below = segmentsBelow(root.providerPath, next.value.path, provider.caseSensitive);
      if (below && below.length > 0) entries.push({ below, item: next.value.item });
    }
  } finally {
    await iterator.return?.();
  }
}

/** Container by container, depth first; a sub-container that cannot be listed is reported. */
async function listLevels(
  container: ItemPath,
  below: readonly string[],
  options: ListTreeOptions,
): Promise<TreeEntry[]> {
  throwIfAborted(options.signal);
  const children: ProviderItem[] = [];
  try {
    for await (const child of listChildren(container, options)) children.push(child);
  } catch (error) {
    if (below.length === 0 || !options.onError || isAbortError(error)) throw error;
    options.onError(error, container.display);
    return [];
  }

  const entries: TreeEntry[] = [];
  for (const item of children) {
    const names = [...below, item.name];
    // A link to a folder is not followed, as Get-ChildItem -Recurse does not follow it: a link
    // to a parent would copy the tree into itself until the paths grow too long.
    if (item.isContainer && isLink(item)) {
      options.warning?.(`Skipped '${childOf(container, item.name).display}': a link to a folder.`);
      continue;
    }
    entries.push({ below: names, item });
    if (item.isContainer && !item.deleted) {
      entries.push(...(await listLevels(childOf(container, item.name), names, options)));
    }
  }
  return entries;
}

function isLink(item: ProviderItem): boolean {
  return item.properties.LinkType !== undefined && item.properties.LinkType !== null;
}
