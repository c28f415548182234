import type { ProviderItem } from './types.js';
import { childOf, itemPath, type ItemPath, type ResolvedItem } from './item-path.js';
import { literalPathOf, type PathSpec } from './resolver.js';
import {
  callProvider,
  contextFor,
  throwIfAborted,
  type OperationOptions,
} from './provider-call.js';
import { ItemNotFoundError } from './errors.js';
import { WildcardPattern } from './wildcard.js';

interface Candidate {
  path: ItemPath;
  /** Known when the candidate came out of a listing; looked up otherwise. */
  item?: ProviderItem;
}

/** True when any segment the user typed holds an unescaped wildcard. */
export function hasWildcard(spec: PathSpec): boolean {
  return spec.segments.some((s) => s.typed && WildcardPattern.containsWildcard(s.text));
}

/**
 * The items a path names. A literal (or wildcard-free) path that names nothing is an
 * ItemNotFoundError; a wildcard path that matches nothing is simply an empty list, as in
 * PowerShell. Wildcards are expanded segment by segment through the provider's listings.
 */
export async function globItems(
  spec: PathSpec,
  literal: boolean,
  options: OperationOptions,
): Promise<ResolvedItem[]> {
  if (literal || !hasWildcard(spec)) {
    const path = literalPathOf(spec, literal);
    const item = await getItem(path, options);
    if (!item) throw new ItemNotFoundError(path.display);
    return [{ path, item }];
  }

  let candidates: Candidate[] = [{ path: itemPath(spec.drive, []) }];
  for (const segment of spec.segments) {
    throwIfAborted(options.signal);
    if (segment.typed && WildcardPattern.containsWildcard(segment.text)) {
      candidates = await expandSegment(candidates, segment.text, options);
    } else {
      const name = segment.typed ? WildcardPattern.unescape(segment.text) : segment.text;
      candidates = candidates.map((c) => ({ path: childOf(c.path, name) }));
    }
  }

  const found: ResolvedItem[] = [];
  for (const candidate of candidates) {
    const item = candidate.item ?? (await getItem(candidate.path, options));
    if (item) found.push({ path: candidate.path, item });
  }

  return found;
}

/** Replaces every candidate container by its children whose names match `text`. */
async function expandSegment(candidates: Candidate[], text: string, options: OperationOptions) {
  const next: Candidate[] = [];

  for (const candidate of candidates) {
    const provider = candidate.path.drive.provider;
    const item = candidate.item ?? (await getItem(candidate.path, options));
    if (!item?.isContainer) continue;

    const pattern = new WildcardPattern(text, { caseSensitive: provider.caseSensitive });
    const matches: Candidate[] = [];
    for await (const child of listChildren(candidate.path, options)) {
      if (pattern.isMatch(child.name))
        matches.push({ path: childOf(candidate.path, child.name), item: child });
    }

    matches.sort((a, b) => compareNames(a.item!.name, b.item!.name));
    next.push(...matches);
  }

  return next;
}

/**
 * One collator for every listing: `localeCompare` with options builds a new one per call. Made
 * on first use: building it loads ICU data, ~40 ms that a run listing nothing need not pay.
 */
let collator: Intl.Collator | undefined;

/** Orders names the way listings are shown: case-insensitively, then ordinally. */
export function compareNames(a: string, b: string): number {
  collator ??= new Intl.Collator(undefined, { sensitivity: 'base' });
  const folded = collator.compare(a, b);
  return folded !== 0 ? folded : a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The item at a place. Items in the store's trash (`deleted`) are gone unless -Force asks for
 * them, so Get-Item of a trashed path fails without it.
 */
export async function getItem(path: ItemPath, options: OperationOptions) {
  const provider = path.drive.provider;
  const item = await callProvider('GetItem', path, () =>
    provider.getItem(path.providerPath, contextFor(path.drive, options)),
  );
  return item?.deleted && !options.force ? undefined : item;
}

/** The item at a place unless it is missing or in the trash (for "does it exist" checks). */
export async function liveItem(path: ItemPath, options: OperationOptions) {
  const item = await getItem(path, options);
  return item?.deleted ? undefined : item;
}

/** The children of a container, with provider failures wrapped like every other call. */
export async function* listChildren(
  path: ItemPath,
  options: OperationOptions,
): AsyncIterable<ProviderItem> {
  const provider = path.drive.provider;
  const listing = provider.getChildItems(path.providerPath, contextFor(path.drive, options));
  const iterator = listing[Symbol.asyncIterator]();

  try {
    for (;;) {
      const next = await callProvider('GetChildItems', path, () => iterator.next());
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // Stops the provider's listing (and its requests) when the consumer leaves early.
    await iterator.return?.();
  }
}
