import { isAbortError } from '../core/errors.js';
import type { ProviderItem } from './types.js';
import { childOf, itemPath, type ResolvedItem } from './item-path.js';
import { compareNames, listChildren } from './globber.js';
import {
  callProvider,
  contextFor,
  throwIfAborted,
  type OperationOptions,
} from './provider-call.js';
import { segmentsBelow, splitSegments } from './path-syntax.js';
import { matchesAny, WildcardPattern } from './wildcard.js';

/** Get-ChildItem's choices besides the paths. */
export interface ChildItemOptions extends OperationOptions {
  recurse?: boolean;
  /** Levels below the children to descend into; implies recurse. 0 = children only. */
  depth?: number;
  /** Names to keep (any pattern); applied by the engine after listing. */
  include?: readonly string[];
  /** Names to drop (any pattern). */
  exclude?: readonly string[];
  /** One more name pattern, applied like -Include (the engine does it for every provider). */
  filter?: string;
  /**
   * A pattern every listed name must also match: the wildcard leaf of a recursive path
   * (`Get-ChildItem *.txt -Recurse` matches `*.txt` at every level, as in PowerShell).
   */
  leafPattern?: string;
  /**
   * Called when a sub-container cannot be listed during recursion (no access, vanished); the
   * listing goes on, as PowerShell reports such folders and continues. Without it, it throws.
   */
  onError?(error: unknown, path: string): void;
}

/** A listed item and its path relative to the listed container (`Logs\a.txt`). */
export interface ChildEntry extends ResolvedItem {
  readonly relative: string;
}

/** Decides which listed names are shown, from -Include, -Exclude and -Filter. */
export class NameFilter {
  private readonly include: WildcardPattern[];
  private readonly exclude: WildcardPattern[];
  private readonly filter: WildcardPattern | undefined;
  private readonly leaf: WildcardPattern | undefined;

  constructor(options: ChildItemOptions, caseSensitive: boolean) {
    const compile = (text: string) => new WildcardPattern(text, { caseSensitive });
    this.include = (options.include ?? []).map(compile);
    this.exclude = (options.exclude ?? []).map(compile);
    this.filter = options.filter ? compile(options.filter) : undefined;
    this.leaf = options.leafPattern ? compile(options.leafPattern) : undefined;
  }

  accepts(name: string): boolean {
    if (this.filter && !this.filter.isMatch(name)) return false;
    if (this.leaf && !this.leaf.isMatch(name)) return false;
    if (this.include.length > 0 && !matchesAny(name, this.include)) return false;
    return !matchesAny(name, this.exclude);
  }
}

/**
 * The children of `root` (or `root` itself when it is a leaf), recursing as asked. Containers
 * are descended into whether or not their own names pass the filters, and links are not
 * followed (no cycles). A provider's `walk` serves unlimited recursion in one go.
 */
export async function* childItems(
  root: ResolvedItem,
  options: ChildItemOptions,
): AsyncIterable<ChildEntry> {
  const provider = root.path.drive.provider;
  const names = new NameFilter(options, provider.caseSensitive);

  if (!root.item.isContainer) {
    if (names.accepts(root.item.name)) yield { ...root, relative: root.item.name };
    return;
  }

  const maxDepth = options.depth ?? (options.recurse ? Infinity : 0);
  if (maxDepth === Infinity && provider.walk) {
    yield* walkAll(root, names, options);
    return;
  }

  yield* listLevel(root, [], 0, maxDepth, names, options);
}

async function* listLevel(
  parent: ResolvedItem,
  relative: string[],
  level: number,
  maxDepth: number,
  names: NameFilter,
  options: ChildItemOptions,
): AsyncIterable<ChildEntry> {
  const separator = parent.path.drive.provider.separator;
  const children: ProviderItem[] = [];
  try {
    for await (const child of listChildren(parent.path, options)) children.push(child);
  } catch (error) {
    if (level === 0 || !options.onError || isAbortError(error)) throw error;
    options.onError(error, parent.path.display);
    return;
  }

  children.sort((a, b) => compareNames(a.name, b.name));

  for (const item of children) {
    if (names.accepts(item.name)) {
      const rel = [...relative, item.name].join(separator);
      yield { path: childOf(parent.path, item.name), item, relative: rel };
    }
  }

  if (level >= maxDepth) return;
  for (const item of children) {
    throwIfAborted(options.signal);
    if (!item.isContainer || isLink(item)) continue;
    const child = { path: childOf(parent.path, item.name), item };
    yield* listLevel(child, [...relative, item.name], level + 1, maxDepth, names, options);
  }
}

/**
 * Unlimited recursion through the provider's `walk` (one request on a cloud store). The whole
 * walk is gathered first, then emitted in PowerShell's order: a container's children, then each
 * child container's own listing, so the `Directory:` groups of the output each appear once.
 */
async function* walkAll(
  root: ResolvedItem,
  names: NameFilter,
  options: ChildItemOptions,
): AsyncIterable<ChildEntry> {
  const { drive } = root.path;
  const provider = drive.provider;
  const key = (segments: readonly string[]) => {
    const joined = segments.join('/');
    return provider.caseSensitive ? joined : joined.toLowerCase();
  };

  const byParent = new Map<string, { below: string[]; item: ProviderItem }[]>();
  const walk = provider.walk!(root.path.providerPath, contextFor(drive, options));
  const iterator = walk[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await callProvider('GetChildItems', root.path, () => iterator.next());
      if (next.done) break;

      const below = segmentsBelow(root.path.providerPath, next.value.path, provider.caseSensitive);
      if (!below || below.length === 0) continue;
      if (below[below.length - 1] !== next.value.item.name && next.value.item.name !== '') {
        // A name with a separator in it (`a/b`, `..\x`) no path can address: placing it would
        // let a copy write outside its target, so it is left out, but never silently.
        const span = Math.max(1, splitSegments(next.value.item.name).length);
        const folder = below.slice(0, Math.max(0, below.length - span));
        const shown = [root.path.display, ...folder].join(provider.separator);
        options.warning?.(
          `'${next.value.item.name}' in '${shown}' is left out: a name with a path separator ` +
            'in it cannot be addressed. Rename it where it is stored.',
        );
        continue;
      }
      const parent = key(below.slice(0, -1));
      byParent.set(parent, [...(byParent.get(parent) ?? []), { below, item: next.value.item }]);
    }
  } finally {
    await iterator.return?.();
  }

  function* emit(parent: readonly string[]): Iterable<ChildEntry> {
    const entries = [...(byParent.get(key(parent)) ?? [])];
    entries.sort((a, b) => compareNames(a.item.name, b.item.name));
    for (const { below, item } of entries) {
      if (!names.accepts(item.name)) continue;
      const path = itemPath(drive, [...root.path.segments, ...below]);
      yield { path, item, relative: below.join(provider.separator) };
    }

    for (const { below, item } of entries) {
      if (item.isContainer && !isLink(item)) yield* emit(below);
    }
  }

  yield* emit([]);
}

/** Links to containers are listed but not descended into (pwsh without -FollowSymlink). */
function isLink(item: ProviderItem): boolean {
  return item.properties.LinkType !== undefined && item.properties.LinkType !== null;
}
