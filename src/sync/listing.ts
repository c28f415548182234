import { childItems } from '../provider/children.js';
import type { ResolvedItem } from '../provider/item-path.js';
import type { OperationOptions } from '../provider/provider-call.js';
import type { ProviderItem } from '../provider/types.js';
import { isBelowKey, keyOf, type SyncScope } from './scope.js';

/** One item of a side's tree, with where it sits below the sync root. */
export interface TreeEntry extends ResolvedItem {
  /** Segments below the sync root. */
  readonly segments: readonly string[];
  /** `segments` joined with `/`, under the destination's case rules (see keyOf). */
  readonly key: string;
}

/** A side's tree as the sync sees it. */
export interface Tree {
  entries: TreeEntry[];
  /** Keys of containers that hold items outside the sync (they must not be removed whole). */
  holdsOutside: Set<string>;
  /** Items whose name no path can hold (see isUnaddressable), left out with their subtree. */
  unaddressable: TreeEntry[];
}

/**
 * Every item below `root` that takes part in the sync, parents before children, in one walk
 * (Jottacloud: one `mode=list` request). Hidden dot files are included, because a backup wants
 * them too; items in the store's trash and the store's own views (Jottacloud's Trash, Links…),
 * with everything below them, are left out. A listing
 * error is thrown: a sync must never decide what to delete from a partial view of its source.
 */
export async function listTree(
  root: ResolvedItem,
  scope: SyncScope,
  keyCaseSensitive: boolean,
  options: OperationOptions,
): Promise<Tree> {
  const entries: TreeEntry[] = [];
  const holdsOutside = new Set<string>();
  const unaddressable: TreeEntry[] = [];
  const pruned: string[] = [];
  const depth = root.path.segments.length;

  for await (const entry of childItems(root, { ...options, recurse: true, force: true })) {
    const segments = entry.path.segments.slice(depth);
    const key = keyOf(segments, keyCaseSensitive);
    if (pruned.some((prefix) => isBelowKey(key, prefix))) continue;

    // A `..` joined onto a destination folder would write beside it, never into it.
    if (isUnaddressable(entry.item.name)) {
      if (entry.item.isContainer) pruned.push(key);
      if (entry.item.deleted !== true) {
        unaddressable.push({ path: entry.path, item: entry.item, segments, key });
      }
      continue;
    }

    const deleted = entry.item.deleted === true;
    if (deleted || isStoreView(entry.item) || !scope.accepts(segments, entry.item.isContainer)) {
      if (entry.item.isContainer) pruned.push(key);
      if (!deleted) markAncestors(holdsOutside, segments, keyCaseSensitive);
      continue;
    }

    entries.push({ path: entry.path, item: entry.item, segments, key });
  }

  return { entries, holdsOutside, unaddressable };
}

/**
 * A name no provider path can hold: `.` and `..` (they mean this and the parent folder), the
 * empty name, and names with `/` or NUL in them. The local JFS server refuses them, but a
 * listing from a broken or hostile service, or an archive, may still carry them.
 */
export function isUnaddressable(name: string | undefined): boolean {
  if (name === undefined) return false;
  return name === '' || name === '.' || name === '..' || /[/\0]/.test(name);
}

/**
 * A hidden item that is not a dot file: a view of the store rather than data (Jottacloud's
 * Trash, Links, Latest and Shared mount points). Dot files are hidden too, but they are data.
 */
function isStoreView(item: ProviderItem): boolean {
  return item.hidden === true && !item.name.startsWith('.');
}

function markAncestors(keys: Set<string>, segments: readonly string[], caseSensitive: boolean) {
  for (let length = 0; length < segments.length; length++) {
    keys.add(keyOf(segments.slice(0, length), caseSensitive));
  }
}
