/**
 * The lexical side of PowerShell paths: how a typed path is anchored (drive, provider, home,
 * root, relative) and how segments combine. Nothing here looks at a drive or a store.
 */

/** Where a typed path starts. */
export type PathAnchor =
  /** `JAFS:\a` from the drive root, `JAFS:a` / `JAFS:` from the drive's current location. */
  | { kind: 'drive'; drive: string; fromRoot: boolean }
  /** `~`, `~/x`: the provider's home. */
  | { kind: 'home' }
  /** `\a` on the current drive's root. */
  | { kind: 'driveRoot' }
  /** `/a`: on Linux a leading slash is the file system's single root. */
  | { kind: 'fileSystemRoot' }
  /** `a`, `.\a`, `..\a`: from the current location. */
  | { kind: 'relative' };

/** A typed path split into its parts, before any drive is looked up. */
export interface ParsedPath {
  /** `Jottacloud` in `Jottacloud::\a` (a `Module\` prefix is dropped). */
  provider?: string;
  anchor: PathAnchor;
  /** Raw segments in order: may hold `.`, `..` and wildcards; never empty strings. */
  segments: string[];
}

const SEPARATORS = /[\\/]/;

/** Splits a typed path into its anchor and segments (both separators accepted). */
export function parsePath(input: string): ParsedPath {
  const qualifier = input.indexOf('::');
  if (qualifier > 0) {
    const name = input.slice(0, qualifier);
    const inner = parsePath(input.slice(qualifier + 2));
    return { ...inner, provider: name.slice(name.lastIndexOf('\\') + 1) };
  }

  return { anchor: anchorOf(input), segments: splitSegments(stripAnchor(input)) };
}

function anchorOf(input: string): PathAnchor {
  const drive = driveQualifier(input);
  if (drive !== undefined) {
    const rest = input.slice(drive.length + 1);
    return { kind: 'drive', drive, fromRoot: SEPARATORS.test(rest.charAt(0)) };
  }

  if (input === '~' || (input.startsWith('~') && SEPARATORS.test(input.charAt(1)))) {
    return { kind: 'home' };
  }

  if (input.startsWith('/')) return { kind: 'fileSystemRoot' };
  if (input.startsWith('\\')) return { kind: 'driveRoot' };
  return { kind: 'relative' };
}

function stripAnchor(input: string): string {
  const drive = driveQualifier(input);
  if (drive !== undefined) return input.slice(drive.length + 1);
  if (input === '~' || (input.startsWith('~') && SEPARATORS.test(input.charAt(1)))) {
    return input.slice(1);
  }

  return input;
}

/** The drive name when a colon comes before the first separator (`JAFS:` → `JAFS`). */
export function driveQualifier(input: string): string | undefined {
  const colon = input.indexOf(':');
  if (colon <= 0) return undefined;

  const separator = input.search(SEPARATORS);
  if (separator !== -1 && separator < colon) return undefined;
  return input.slice(0, colon);
}

/** The non-empty segments of a path, split on either separator. */
export function splitSegments(path: string): string[] {
  return path.split(SEPARATORS).filter((segment) => segment.length > 0);
}

/** Applies `.` and `..` to `base` (a `..` at the root stays at the root). */
export function combineSegments(base: readonly string[], segments: readonly string[]): string[] {
  const result = [...base];
  for (const segment of segments) {
    if (segment === '.') continue;
    if (segment === '..') result.pop();
    else result.push(segment);
  }

  return result;
}

/** Joins a drive root (a provider path) and drive-relative segments into a provider path. */
export function joinProviderPath(root: string, segments: readonly string[]): string {
  if (segments.length === 0) return root;
  return root === '/' ? `/${segments.join('/')}` : `${root}/${segments.join('/')}`;
}

/** Normalises a provider path: leading `/`, `/` separators, no trailing separator. */
export function normalizeProviderPath(path: string): string {
  return joinProviderPath('/', combineSegments([], splitSegments(path)));
}

/** Segments of `path` below `root`, or undefined when `path` is outside it. */
export function segmentsBelow(
  root: string,
  path: string,
  caseSensitive: boolean,
): string[] | undefined {
  const rootSegments = splitSegments(root);
  const pathSegments = splitSegments(path);
  if (pathSegments.length < rootSegments.length) return undefined;

  const same = (a: string, b: string) =>
    caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase();
  const inside = rootSegments.every((segment, index) => same(segment, pathSegments[index]));
  return inside ? pathSegments.slice(rootSegments.length) : undefined;
}
