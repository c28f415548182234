import { isAbortError } from '../core/errors.js';
import { liveItem } from '../provider/globber.js';
import { makeContainer } from '../provider/item-operations.js';
import { parentOf, type ItemPath, type ResolvedItem } from '../provider/item-path.js';
import { throwIfAborted, type OperationOptions } from '../provider/provider-call.js';
import { describeAction } from './describe.js';
import { TaskPool } from './pool.js';
import { transferFile } from './transfer.js';
import type { SyncAction, SyncCounts, SyncOptions, SyncPlan } from './types.js';

const ACTIVITY = 'Sync-Item';

/** Files sent at once unless the caller says otherwise (as rclone's --transfers). */
export const DEFAULT_PARALLEL = 4;

/** Bytes between two progress reports. */
const PROGRESS_STEP = 1024 * 1024;

/** What a run needs from the cmdlet around it. */
export interface SyncHooks {
  /** -WhatIf/-Confirm for one action (`impact` raises its ConfirmImpact); false holds it back. */
  shouldProcess(
    target: string,
    action: string,
    impact?: SyncOptions['deleteImpact'],
  ): Promise<boolean>;
  /** One item failed; the run goes on with the next. */
  failed(error: unknown, target: string): void;
  /** Removes a destination item (the engine's Remove-Item, with its safety checks). */
  removeItem(target: ResolvedItem, recurse: boolean, options: OperationOptions): Promise<void>;
}

/**
 * Carries out a plan in its order: folders, files, then deletions (last, so an interrupted run
 * has lost nothing). A failing item is reported and counted and the run goes on; Ctrl+C stops
 * it at once (the providers never leave a partial file under a target name), and a second run
 * continues from what is there, since it plans again from both trees.
 */
export async function runSync(
  plan: SyncPlan,
  options: SyncOptions,
  hooks: SyncHooks,
): Promise<SyncCounts> {
  const counts: SyncCounts = {
    Copied: 0,
    Updated: 0,
    Deleted: 0,
    Skipped: plan.skipped,
    Failed: 0,
    Declined: 0,
    Bytes: 0,
  };
  for (const problem of plan.problems) {
    counts.Failed++;
    hooks.failed(problem.error, problem.target);
  }

  const runner = new Runner(plan, options, hooks, counts);
  const pool = new TaskPool(Math.max(1, options.parallel ?? DEFAULT_PARALLEL));
  const attempt = async (action: SyncAction, target: string) => {
    try {
      await runner.run(action);
    } catch (error) {
      if (isAbortError(error) || options.signal?.aborted) throw error;
      counts.Failed++;
      hooks.failed(error, target);
    }
  };

  try {
    for (const action of plan.actions) {
      if (pool.failed || options.signal?.aborted) break;
      const { target, text } = describeAction(action);
      const transfer = action.kind === 'copy' || action.kind === 'update';
      // Folders exist before the files in them are sent; deletions wait for every copy.
      if (!transfer) await pool.drain();
      const impact = action.kind === 'delete' ? options.deleteImpact : undefined;
      if (!(await hooks.shouldProcess(target, text, impact))) {
        counts.Declined++;
        continue;
      }

      if (transfer) await pool.add(() => attempt(action, target));
      else await attempt(action, target);
    }
  } finally {
    // Whatever stops the loop (Ctrl+C during a -Confirm prompt, -ErrorAction Stop), the files
    // in flight finish or clean up before the command returns.
    await pool.settle();
  }

  await pool.drain();
  throwIfAborted(options.signal);
  options.progress?.({ activity: ACTIVITY, bytesDone: runner.bytesDone, completed: true });
  return counts;
}

class Runner {
  bytesDone = 0;
  private reported = -PROGRESS_STEP;
  private status = '';
  private readonly bytesTotal: number;
  /** Destination folders known to exist (or being made), by provider path. */
  private readonly folders = new Map<string, Promise<void>>();
  private readonly writes: OperationOptions;

  constructor(
    private readonly plan: SyncPlan,
    private readonly options: SyncOptions,
    private readonly hooks: SyncHooks,
    private readonly counts: SyncCounts,
  ) {
    this.bytesTotal = plan.actions.reduce(
      (sum, action) =>
        sum + (action.kind === 'copy' || action.kind === 'update' ? (action.size ?? 0) : 0),
      0,
    );
    this.writes = { ...options, force: false };
  }

  async run(action: SyncAction) {
    switch (action.kind) {
      case 'create':
        await makeContainer(action.target, this.writes);
        this.folders.set(action.target.providerPath, Promise.resolve());
        return;
      case 'copy':
      case 'update': {
        await this.ensureParent(action.target);
        // An upload may read a file twice (once for its MD5, once to send it): count it once.
        let furthest = 0;
        const status = action.source.path.display;
        try {
          await transferFile(action, this.writes, (bytes) => {
            if (bytes <= furthest) return;
            this.bytesDone += bytes - furthest;
            furthest = bytes;
            this.report(status);
          });
        } finally {
          this.bytesDone -= furthest;
        }

        this.bytesDone += action.size ?? 0;
        this.counts.Bytes += action.size ?? 0;
        if (action.kind === 'copy') this.counts.Copied++;
        else this.counts.Updated++;
        return;
      }
      case 'delete': {
        const options = { ...this.writes, dynamic: this.options.removeDynamic ?? {} };
        await this.hooks.removeItem(action.target, action.target.item.isContainer, options);
        this.counts.Deleted++;
        return;
      }
    }
  }

  /** Makes the folder a file goes into when no create action did (with -Include). */
  private async ensureParent(target: ItemPath) {
    const parent = parentOf(target);
    if (!parent) return;

    // Files sent at once into one new folder share the one check-and-create.
    let ready = this.folders.get(parent.providerPath);
    if (!ready) {
      ready = (async () => {
        if (!(await liveItem(parent, this.writes))) await makeContainer(parent, this.writes);
      })();
      this.folders.set(parent.providerPath, ready);
      ready.catch(() => this.folders.delete(parent.providerPath));
    }

    await ready;
  }

  /** Progress at each new file and about once a MiB, so a large tree does not flood the host. */
  private report(status: string) {
    const bytesDone = this.bytesDone;
    const step = bytesDone - this.reported >= PROGRESS_STEP || bytesDone === this.bytesTotal;
    if (!step && status === this.status) return;
    this.reported = bytesDone;
    this.status = status;
    this.options.progress?.({
      activity: ACTIVITY,
      status: `Copying ${status}`,
      bytesDone,
      bytesTotal: this.bytesTotal,
      itemsDone: this.counts.Copied + this.counts.Updated,
      itemsTotal: this.plan.actions.length,
    });
  }
}
