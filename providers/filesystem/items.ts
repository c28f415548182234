import { lstat, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import type { ProviderItem } from '../../src/provider/types.js';

/** Formatting type names of the two item kinds. */
export const DIRECTORY_TYPE = 'Jafs.FileSystem.DirectoryInfo';
export const FILE_TYPE = 'Jafs.FileSystem.FileInfo';

/** Dot files are hidden on Linux, as pwsh treats them: shown only with -Force. */
export function isHidden(name: string): boolean {
  return name.startsWith('.') && name !== '.' && name !== '..';
}

/**
 * The item at a native path, or undefined when nothing is there. A symbolic link is listed as
 * what it points to (a container when it points to a directory) with Mode `l`, and a broken
 * link as a leaf.
 */
export async function statItem(fullName: string): Promise<ProviderItem | undefined> {
  let link: Stats;
  try {
    link = await lstat(fullName);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }

  let target = link;
  if (link.isSymbolicLink()) target = await stat(fullName).catch(() => link);
  return toItem(fullName, target, link.isSymbolicLink());
}

/** The provider item of a native path from its stats. */
export function toItem(fullName: string, stats: Stats, isLink: boolean): ProviderItem {
  const name = fullName === '/' ? '/' : path.basename(fullName);
  const isContainer = stats.isDirectory();
  const hidden = isHidden(name);
  const extension = isContainer ? '' : path.extname(name);
  const properties: Record<string, unknown> = {
    Name: name,
    FullName: fullName,
    Mode: modeOf(isContainer, isLink, hidden),
    LastWriteTime: stats.mtime,
    CreationTime: stats.birthtime,
    Extension: extension,
    BaseName: isContainer ? name : name.slice(0, name.length - extension.length),
  };

  if (!isContainer) properties.Length = stats.size;
  if (isLink) properties.LinkType = 'SymbolicLink';

  return {
    name,
    isContainer,
    hidden,
    typeNames: [isContainer ? DIRECTORY_TYPE : FILE_TYPE],
    properties,
    size: isContainer ? undefined : stats.size,
    lastWriteTime: stats.mtime,
  };
}

/** pwsh's five Mode letters: link/directory, archive, read-only (unused here), hidden, system. */
function modeOf(isContainer: boolean, isLink: boolean, hidden: boolean): string {
  const kind = isLink ? 'l' : isContainer ? 'd' : '-';
  const archive = isContainer || isLink ? '-' : 'a';
  return `${kind}${archive}-${hidden ? 'h' : '-'}-`;
}

/** True for the error codes that mean "nothing at this path". */
export function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
