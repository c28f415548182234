import type { PathCompletion } from './engine-api.js';
import type { ProviderItem } from './types.js';
import type { ItemPath } from './item-path.js';
import { compareNames, listChildren } from './globber.js';
import { WildcardPattern } from './wildcard.js';

/** How long a listing serves completion before it is fetched again. */
const FRESH_MS = 15_000;

/**
 * Recent container listings kept for tab completion, so `cd <Tab>` pressed again does not hit
 * a cloud store each time. Any change made through the engine clears it.
 */
export class ListingCache {
  private readonly entries = new Map<string, { at: number; items: ProviderItem[] }>();

  /** The children of `path`; hidden ones too when `force` (the user typed a leading dot). */
  async list(path: ItemPath, signal: AbortSignal, force = false): Promise<ProviderItem[]> {
    const key = `${path.drive.name}\u0000${path.providerPath}\u0000${force}`;
    const cached = this.entries.get(key);
    if (cached && Date.now() - cached.at < FRESH_MS) return cached.items;

    const items: ProviderItem[] = [];
    for await (const item of listChildren(path, { signal, force })) {
      if (!item.deleted) items.push(item);
    }

    items.sort((a, b) => compareNames(a.name, b.name));
    this.entries.set(key, { at: Date.now(), items });
    return items;
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * Splits what the user typed into the part naming the container (kept exactly as typed, so
 * completions keep the user's drive, relative form and separators) and the name prefix.
 */
export function splitPartial(partial: string): { container: string; prefix: string } {
  const cut = Math.max(partial.lastIndexOf('/'), partial.lastIndexOf('\\'));
  if (cut !== -1) return { container: partial.slice(0, cut + 1), prefix: partial.slice(cut + 1) };

  const colon = partial.indexOf(':');
  if (colon > 0 && !partial.includes('::')) {
    return { container: partial.slice(0, colon + 1), prefix: partial.slice(colon + 1) };
  }

  return { container: '', prefix: partial };
}

/** Completions already worked out per listing; a new listing (a change, a refetch) starts anew. */
const completedByListing = new WeakMap<readonly ProviderItem[], Map<string, PathCompletion[]>>();

/** Distinct queries remembered per listing: the few a user tabs through in one folder. */
const QUERIES_PER_LISTING = 8;

/**
 * The completions of `prefix` among `items` (a wildcard prefix matches as a pattern). The same
 * query on the same cached listing (a second Tab) answers the list it made before; callers must
 * not change it.
 */
export function completionsAmong(
  items: readonly ProviderItem[],
  container: string,
  prefix: string,
  options: { containersOnly: boolean; caseSensitive: boolean },
): PathCompletion[] {
  let completed = completedByListing.get(items);
  if (!completed) {
    completed = new Map();
    completedByListing.set(items, completed);
  }
  const key = `${options.containersOnly}\u0000${options.caseSensitive}\u0000${container}\u0000${prefix}`;
  const known = completed.get(key);
  if (known) return known;

  const made = matchItems(items, container, prefix, options);
  if (completed.size >= QUERIES_PER_LISTING) completed.clear();
  completed.set(key, made);
  return made;
}

function matchItems(
  items: readonly ProviderItem[],
  container: string,
  prefix: string,
  options: { containersOnly: boolean; caseSensitive: boolean },
): PathCompletion[] {
  const pattern = new WildcardPattern(
    WildcardPattern.containsWildcard(prefix) ? `${prefix}*` : `${WildcardPattern.escape(prefix)}*`,
    { caseSensitive: options.caseSensitive },
  );

  const matches: PathCompletion[] = [];
  for (const item of items) {
    if (options.containersOnly && !item.isContainer) continue;
    if (!pattern.isMatch(item.name)) continue;
    matches.push({
      path: container + item.name,
      isContainer: item.isContainer,
      typeName: item.typeNames[0],
    });
  }
  return matches;
}
