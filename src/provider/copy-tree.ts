import { isAbortError } from '../core/errors.js';
import type { ProviderItem } from './types.js';
import type { ItemPath, ResolvedItem } from './item-path.js';
import { throwIfAborted } from './provider-call.js';
import { makeContainer } from './item-operations.js';
import type { LeafCopier } from './copy-leaf.js';
import { indexTree, listTree, placeBelow, treeKey, type TreeEntry } from './copy-plan.js';
import { TargetContainers } from './copy-containers.js';
import type { CopyOptions } from './copy.js';

/**
 * Leaf transfers at once, across the whole tree. Each small file mostly waits on the network,
 * so more than rclone's default of 4 pays; the client's connection pool holds 8.
 */
export const LEAF_TRANSFERS = 8;

/**
 * Copies the container `source` to `target` across drives. The source tree is listed once (one
 * request where the provider can walk), and so is the target when it already existed, so
 * "skip identical" and "overwrite" are decided from that listing, not by a look-up per file.
 * The leaves of the whole tree go LEAF_TRANSFERS at a time while the target's containers are
 * made (see TargetContainers), each leaf once its own parent is there. A failing item is
 * reported through `onError` and the rest go on; the leaves below a container that could not be
 * made are left out.
 */
export async function copyTree(
  source: ResolvedItem,
  target: ItemPath,
  existing: ProviderItem | undefined,
  copier: LeafCopier,
  options: CopyOptions,
): Promise<ProviderItem> {
  const root = existing?.isContainer ? existing : await makeContainer(target, options);
  copier.itemsDone++;
  if (!options.recurse) return root;

  const entries = await listTree(source.path, options);
  const there = existing ? await indexTree(target, options) : new Map<string, ProviderItem>();
  copier.itemsTotal = entries.length + 1;

  const containers = new TargetContainers(target, copier, options, LEAF_TRANSFERS);
  containers.start(entries, there);
  const leaves = entries.filter((entry) => !entry.item.isContainer);
  await inParallel(leaves, options, (entry) => ({
    shown: placeBelow(source.path, entry.below).display,
    run: async () => {
      // Below a container that could not be made: reported with it already.
      if (!(await containers.ready(entry.below.slice(0, -1)))) return;
      await copier.copyLeaf(
        { path: placeBelow(source.path, entry.below), item: entry.item },
        placeBelow(target, entry.below),
        there.get(treeKey(target, entry.below)),
      );
    },
  }));
  await containers.done();
  return root;
}

/**
 * Runs `copy` for every entry with at most LEAF_TRANSFERS at once. A failure goes to onError
 * and the others go on; without onError (or on cancel) no new one starts and the first
 * failure is thrown once the running ones have ended.
 */
async function inParallel(
  entries: readonly TreeEntry[],
  options: CopyOptions,
  copy: (entry: TreeEntry) => { shown: string; run(): Promise<unknown> },
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < entries.length) {
      const { shown, run } = copy(entries[next++]);
      try {
        throwIfAborted(options.signal);
        await run();
      } catch (error) {
        if (options.onError && !isAbortError(error)) {
          options.onError(error, shown);
        } else {
          failure ??= { error };
        }
      }
    }
  };

  await Promise.all(Array.from({ length: Math.min(LEAF_TRANSFERS, entries.length) }, worker));
  if (failure) throw failure.error;
}
