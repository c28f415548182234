import type { ItemPath, ResolvedItem } from '../provider/item-path.js';
import { planSync } from './plan.js';
import { runSync, type SyncHooks } from './run.js';
import type { SyncCounts, SyncOptions } from './types.js';

/**
 * One-way mirror between any two places with content (local disk, JAFS:, plug-in providers):
 * plan from both trees, then copy what is new or changed and, when asked, delete what the
 * source lacks. Sync-Item (src/shell/cmdlets/sync) is its command.
 */
export async function syncItem(
  source: ResolvedItem,
  destination: ItemPath,
  options: SyncOptions,
  hooks: SyncHooks,
): Promise<SyncCounts & { durationMs: number }> {
  const started = performance.now();
  const plan = await planSync(source, destination, options);
  const counts = await runSync(plan, options, hooks);
  return { ...counts, durationMs: performance.now() - started };
}

export { planSync } from './plan.js';
export { DEFAULT_PARALLEL, runSync, type SyncHooks } from './run.js';
export { describeAction, formatBytes } from './describe.js';
export * from './errors.js';
export type * from './types.js';
