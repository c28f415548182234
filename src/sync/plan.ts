import { isAbortError } from '../core/errors.js';
import { liveItem } from '../provider/globber.js';
import { childOf, type ItemPath, type ResolvedItem } from '../provider/item-path.js';
import { throwIfAborted } from '../provider/provider-call.js';
import { compareFiles, sizeOf } from './compare.js';
import {
  SyncEmptySourceError,
  SyncKindConflictError,
  SyncNameClashError,
  SyncNotContainerError,
  SyncUnaddressableNameError,
} from './errors.js';
import { listTree, type Tree, type TreeEntry } from './listing.js';
import { checkNoOverlap } from './safety.js';
import { isBelowKey, SyncScope } from './scope.js';
import type { DeleteAction, SyncAction, SyncOptions, SyncPlan } from './types.js';

const ACTIVITY = 'Sync-Item';

/**
 * Works out what makes `destination` equal to `source`, changing nothing: folders to create,
 * files to copy or update (size or MD5 differ), and with `delete` what to remove. Everything
 * that would make the plan unsafe is refused here, before any write.
 */
export async function planSync(
  source: ResolvedItem,
  destination: ItemPath,
  options: SyncOptions,
): Promise<SyncPlan> {
  if (!source.item.isContainer) throw new SyncNotContainerError(source.path.display, 'source');
  checkNoOverlap(source.path, destination);

  // -Force only lifts the empty-source refusal; providers must not see trashed items as live.
  const reads = { ...options, force: false };
  const existing = await liveItem(destination, reads);
  if (existing && !existing.isContainer) {
    throw new SyncNotContainerError(destination.display, 'destination');
  }

  const keyCase = destination.drive.provider.caseSensitive;
  const filters = (caseSensitive: boolean) =>
    new SyncScope(options.include ?? [], options.exclude ?? [], caseSensitive);
  const sourceScope = filters(source.path.drive.provider.caseSensitive);
  const sourceTree = await listTree(source, sourceScope, keyCase, reads);
  // Empty folders alone count as empty: an unmounted disk often leaves its mount folders.
  const hasFiles = sourceTree.entries.some((entry) => !entry.item.isContainer);
  if (options.delete && !hasFiles && !options.force) {
    throw new SyncEmptySourceError(source.path.display);
  }

  const destinationTree: Tree = existing
    ? await listTree({ path: destination, item: existing }, filters(keyCase), keyCase, reads)
    : { entries: [], holdsOutside: new Set(), unaddressable: [] };

  const planner = new Planner(source, destination, reads, sourceScope.includes);
  if (!existing) planner.create('', destination);
  planner.refuse(sourceTree.unaddressable, 'source');
  await planner.matchSource(sourceTree.entries, destinationTree.entries);
  if (options.delete) {
    planner.deleteExtra(destinationTree);
    planner.refuse(destinationTree.unaddressable, 'destination');
  }
  return planner.result();
}

class Planner {
  private readonly replaced: DeleteAction[] = [];
  private readonly creates: SyncAction[] = [];
  private readonly transfers: SyncAction[] = [];
  private readonly deletes: DeleteAction[] = [];
  private readonly problems: SyncPlan['problems'] = [];
  private readonly sourceKeys = new Map<string, string>();
  /** Source subtrees left out because their folder cannot be synced. */
  private readonly blocked: string[] = [];
  /** Destination items removed to make way for a source item of the other kind. */
  private readonly replacedKeys: string[] = [];
  /** Keys of destination folders deleted whole (-Delete). */
  private readonly deletedFolders = new Set<string>();
  private skipped = 0;

  constructor(
    private readonly source: ResolvedItem,
    private readonly destination: ItemPath,
    private readonly options: SyncOptions,
    private readonly lazyFolders: boolean,
  ) {}

  create(relative: string, target: ItemPath) {
    this.creates.push({ kind: 'create', relative, target });
  }

  /**
   * One problem for each item whose name cannot be a path, except destination items that go
   * anyway because a folder above them is deleted whole.
   */
  refuse(entries: readonly TreeEntry[], side: 'source' | 'destination') {
    for (const entry of entries) {
      if (this.insideDeletedFolder(entry.key)) continue;
      const name = entry.segments[entry.segments.length - 1];
      this.problems.push({
        error: new SyncUnaddressableNameError(entry.path.display, name, side),
        target: entry.path.display,
      });
    }
  }

  /** Pairs each source item with the destination item of the same key. */
  async matchSource(sources: readonly TreeEntry[], destinations: readonly TreeEntry[]) {
    const byKey = new Map(destinations.map((entry) => [entry.key, entry]));
    const isLeaf = (entry: TreeEntry | undefined) => entry !== undefined && !entry.item.isContainer;
    const files = sources.filter((entry) => isLeaf(entry) && isLeaf(byKey.get(entry.key))).length;
    let compared = 0;

    for (const entry of sources) {
      throwIfAborted(this.options.signal);
      if (this.blocked.some((prefix) => isBelowKey(entry.key, prefix))) continue;

      const clash = this.sourceKeys.get(entry.key);
      if (clash !== undefined) {
        this.problem(new SyncNameClashError(entry.path.display, clash), entry);
        continue;
      }

      this.sourceKeys.set(entry.key, entry.path.display);
      const target = this.targetOf(entry);
      const existing = byKey.get(entry.key);
      if (existing && existing.item.isContainer !== entry.item.isContainer) {
        if (!this.options.delete) {
          this.problem(new SyncKindConflictError(target.display, entry.item.isContainer), entry);
          continue;
        }

        this.replaced.push(deletion(existing, destinations));
        this.replacedKeys.push(existing.key);
      } else if (existing && !entry.item.isContainer) {
        compared++;
        this.options.progress?.({
          activity: ACTIVITY,
          status: `Comparing ${entry.path.display}`,
          itemsDone: compared,
          itemsTotal: files,
        });
      }

      const replacing =
        existing !== undefined && existing.item.isContainer !== entry.item.isContainer;
      await this.plan(entry, target, replacing ? undefined : existing);
    }
  }

  private async plan(entry: TreeEntry, target: ItemPath, existing: TreeEntry | undefined) {
    const relative = entry.segments.join('/');
    if (entry.item.isContainer) {
      if (!existing && !this.lazyFolders) this.create(relative, target);
      return;
    }

    const transfer = { relative, source: entry, target, size: sizeOf(entry.item) };
    if (!existing) {
      this.transfers.push({ kind: 'copy', ...transfer, md5: entry.item.md5 });
      return;
    }

    let comparison: Awaited<ReturnType<typeof compareFiles>>;
    try {
      comparison = await compareFiles(entry, existing, this.options);
    } catch (error) {
      // A source file that cannot be read is one failed item, not a failed sync.
      if (isAbortError(error) || this.options.signal?.aborted) throw error;
      this.problem(error instanceof Error ? error : new Error(String(error)), entry);
      return;
    }

    if (comparison.same) this.skipped++;
    else this.transfers.push({ kind: 'update', ...transfer, md5: comparison.sourceMd5 });
  }

  /** Destination items the source lacks; a folder goes whole unless it holds excluded items. */
  deleteExtra(tree: Tree) {
    for (const entry of tree.entries) {
      // Not by position: a listing may give a folder's children long after the folder itself.
      if (this.insideDeletedFolder(entry.key)) continue;
      if (this.sourceKeys.has(entry.key)) continue;
      if (this.replacedKeys.some((key) => isBelowKey(entry.key, key))) continue;
      if (entry.item.isContainer && tree.holdsOutside.has(entry.key)) continue;

      this.deletes.push(deletion(entry, tree.entries));
      if (entry.item.isContainer) this.deletedFolders.add(entry.key);
    }
  }

  /** Whether a folder above `key` (or at it) is deleted whole already. */
  private insideDeletedFolder(key: string): boolean {
    for (let end = key.indexOf('/'); end !== -1; end = key.indexOf('/', end + 1)) {
      if (this.deletedFolders.has(key.slice(0, end))) return true;
    }
    return this.deletedFolders.has(key);
  }

  result(): SyncPlan {
    return {
      source: this.source,
      destination: this.destination,
      actions: [...this.replaced, ...this.creates, ...this.transfers, ...this.deletes],
      skipped: this.skipped,
      problems: this.problems,
    };
  }

  private targetOf(entry: TreeEntry): ItemPath {
    return entry.segments.reduce((path, name) => childOf(path, name), this.destination);
  }

  private problem(error: Error, entry: TreeEntry) {
    this.problems.push({ error, target: entry.path.display });
    if (entry.item.isContainer) this.blocked.push(entry.key);
  }
}

/** A delete of `entry`, counting the files and bytes below it in `all`. */
function deletion(entry: TreeEntry, all: readonly TreeEntry[]): DeleteAction {
  const below = entry.item.isContainer
    ? all.filter((other) => !other.item.isContainer && isBelowKey(other.key, entry.key))
    : [entry];
  return {
    kind: 'delete',
    relative: entry.segments.join('/'),
    target: { path: entry.path, item: entry.item },
    files: below.length,
    bytes: below.reduce((sum, other) => sum + (sizeOf(other.item) ?? 0), 0),
  };
}
