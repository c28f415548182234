import { matchesAny, WildcardPattern } from '../provider/wildcard.js';

/**
 * Which items a sync looks at on one side, from -Include and -Exclude. An excluded name takes
 * everything below it along (a folder `node_modules` with its whole subtree); -Include names
 * files only, so folders are always descended into. The same rules on both sides mean an
 * excluded destination item is never deleted: it is outside the sync.
 */
export class SyncScope {
  private readonly include: WildcardPattern[];
  private readonly exclude: WildcardPattern[];

  constructor(include: readonly string[], exclude: readonly string[], caseSensitive: boolean) {
    const compile = (text: string) => new WildcardPattern(text, { caseSensitive });
    this.include = include.map(compile);
    this.exclude = exclude.map(compile);
  }

  /** True when any filter is given (deleting whole folders then needs a closer look). */
  get filtered(): boolean {
    return this.include.length > 0 || this.exclude.length > 0;
  }

  /** True when -Include narrows the files (folders are then created only as files need them). */
  get includes(): boolean {
    return this.include.length > 0;
  }

  /** Whether the item at `segments` (below the sync root) takes part in the sync. */
  accepts(segments: readonly string[], isContainer: boolean): boolean {
    if (segments.some((name) => matchesAny(name, this.exclude))) return false;
    if (isContainer || this.include.length === 0) return true;
    return matchesAny(segments[segments.length - 1], this.include);
  }
}

/** The key that matches a relative path across sides, under the destination's case rules. */
export function keyOf(segments: readonly string[], caseSensitive: boolean): string {
  const joined = segments.join('/');
  return caseSensitive ? joined : joined.toLowerCase();
}

/** True when `key` is `prefix` or lies below it. */
export function isBelowKey(key: string, prefix: string): boolean {
  return prefix === '' || key === prefix || key.startsWith(`${prefix}/`);
}
