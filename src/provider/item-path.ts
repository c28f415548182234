import type { DriveInfo, ProviderItem } from './types.js';
import { joinProviderPath } from './path-syntax.js';

/**
 * A resolved place on a drive: the drive, the segments below its root, and the two spellings
 * everything else needs (the provider path for the provider, the display path for the user).
 */
export interface ItemPath {
  readonly drive: DriveInfo;
  /** Segments below the drive root, as resolved (wildcards expanded, `.`/`..` applied). */
  readonly segments: readonly string[];
  readonly providerPath: string;
  /** `/home/me/x` on the file system's `/` drive, `JAFS:\Jotta\Archive` elsewhere. */
  readonly display: string;
}

/** An item that exists, with where it was found. */
export interface ResolvedItem {
  readonly path: ItemPath;
  readonly item: ProviderItem;
}

/** The name of the drive that shows native paths (the file system's single Linux root). */
export const NATIVE_DRIVE_NAME = '/';

/** The place `segments` below the root of `drive`. */
export function itemPath(drive: DriveInfo, segments: readonly string[]): ItemPath {
  const providerPath = joinProviderPath(drive.root, segments);
  return {
    drive,
    segments: [...segments],
    providerPath,
    display: displayPath(drive, segments, providerPath),
  };
}

function displayPath(drive: DriveInfo, segments: readonly string[], providerPath: string) {
  if (drive.name === NATIVE_DRIVE_NAME) return providerPath;
  const separator = drive.provider.separator;
  return `${drive.name}:${separator}${segments.join(separator)}`;
}

/** The place of a child named `name` inside `parent`. */
export function childOf(parent: ItemPath, name: string): ItemPath {
  return itemPath(parent.drive, [...parent.segments, name]);
}

/** The parent, or undefined at the drive root. */
export function parentOf(path: ItemPath): ItemPath | undefined {
  if (path.segments.length === 0) return undefined;
  return itemPath(path.drive, path.segments.slice(0, -1));
}

/** The last segment, or the display path itself at the drive root. */
export function leafName(path: ItemPath): string {
  return path.segments.at(-1) ?? path.display;
}

/** `Jottacloud::JAFS:\Jotta\a.txt`, `FileSystem::/tmp/a.txt`: what PSPath holds. */
export function qualifiedPath(path: ItemPath): string {
  return `${path.drive.provider.name}::${path.display}`;
}

/** True when `inner` is `outer` or below it on the same drive. */
export function isSameOrBelow(inner: ItemPath, outer: ItemPath): boolean {
  if (inner.drive !== outer.drive || inner.segments.length < outer.segments.length) return false;
  const caseSensitive = inner.drive.provider.caseSensitive;
  return outer.segments.every((segment, index) => {
    const other = inner.segments[index];
    return caseSensitive ? segment === other : segment.toLowerCase() === other.toLowerCase();
  });
}
