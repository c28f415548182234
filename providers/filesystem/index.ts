import { cp, lstat, mkdir, readdir, rename, rm, rmdir, statfs, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Provider, ProviderContext, ProviderItem } from '../../src/provider/types.js';
import { OperationCanceledError } from '../../src/core/errors.js';
import { ProviderOperationError } from '../../src/provider/errors.js';
import { isHidden, isMissing, statItem } from './items.js';
import { clearFile, fileSource, writeFileAtomically } from './content.js';
import { mapFileSystemError } from './errors.js';
import { setFileProperty } from './properties.js';

/** The item types New-Item accepts on the file system. */
const ITEM_TYPES = ['File', 'Directory'] as const;

/**
 * The local file system as a provider: Linux's single root as the drive `/`, native paths
 * (provider paths are native absolute paths), dot files hidden unless -Force, case-sensitive.
 */
export function createFileSystemProvider(): Provider {
  return {
    name: 'FileSystem',
    separator: '/',
    caseSensitive: true,
    home: os.homedir(),
    description: 'The local file system.',

    defaultDrives: () => [{ name: '/', root: '/', description: 'The file system root.' }],

    async driveSpace(drive) {
      const space = await statfs(drive.root);
      return { used: (space.blocks - space.bfree) * space.bsize, free: space.bavail * space.bsize };
    },

    getItem: (fullName) => guard(fullName, () => statItem(fullName)),
    setItemProperty: (fullName, name, value) =>
      guard(fullName, () => setFileProperty(fullName, name, value)),
    getChildItems: (fullName, ctx) => listDirectory(fullName, ctx),

    newItemTypes: () => ITEM_TYPES,

    async newItem(fullName, itemType, value, ctx) {
      return guard(fullName, async () => {
        if (isDirectoryType(itemType)) {
          await mkdir(fullName, { recursive: ctx.force });
        } else {
          const content = value === undefined || value === null ? '' : String(value);
          await writeFile(fullName, content, { flag: ctx.force ? 'w' : 'wx', signal: ctx.signal });
        }

        return mustExist(fullName);
      });
    },

    async makeContainer(fullName) {
      return guard(fullName, async () => {
        await mkdir(fullName, { recursive: true });
        return mustExist(fullName);
      });
    },

    async removeItem(fullName, options) {
      await guard(fullName, async () => {
        // rm refuses a directory unless recursive; an empty one is removed without -Recurse.
        if (!options.recurse && (await lstat(fullName)).isDirectory()) await rmdir(fullName);
        else await rm(fullName, { recursive: options.recurse, force: false });
      });
    },

    async renameItem(fullName, newName) {
      const destination = path.join(path.dirname(fullName), newName);
      return guard(fullName, async () => {
        await rename(fullName, destination);
        return mustExist(destination);
      });
    },

    async moveItem(fullName, destination) {
      return guard(fullName, async () => {
        await rename(fullName, destination).catch(async (error: NodeJS.ErrnoException) => {
          // Another mounted file system: copy, then remove the original.
          if (error.code !== 'EXDEV') throw error;
          await cp(fullName, destination, { recursive: true, preserveTimestamps: true });
          await rm(fullName, { recursive: true });
        });
        return mustExist(destination);
      });
    },

    async copyItem(fullName, destination, options) {
      return guard(fullName, async () => {
        const source = await mustExist(fullName);
        if (source.isContainer && !options.recurse) await mkdir(destination, { recursive: true });
        else await cp(fullName, destination, { recursive: true, preserveTimestamps: true });
        return mustExist(destination);
      });
    },

    getContent: (fullName) => guard(fullName, () => fileSource(fullName)),

    async setContent(fullName, source, ctx) {
      return guard(fullName, async () => {
        await writeFileAtomically(fullName, source, ctx);
        return mustExist(fullName);
      });
    },

    clearContent: (fullName) => guard(fullName, () => clearFile(fullName)),
  };
}

/** `Directory`, `dir`, `d` (any case): the engine passes `Directory`, direct callers may not. */
function isDirectoryType(itemType: string): boolean {
  const lower = itemType.toLowerCase();
  return lower !== '' && 'directory'.startsWith(lower);
}

async function mustExist(fullName: string): Promise<ProviderItem> {
  const item = await statItem(fullName);
  if (!item) throw new ProviderOperationError(`'${fullName}' vanished.`, 'ItemVanished', fullName);
  return item;
}

/** Runs a file system call, turning Node's error codes into PowerShell's messages. */
async function guard<T>(fullName: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw mapFileSystemError(error, fullName);
  }
}

/** Entries stat'ed at once while listing: large folders list fast without a flood of handles. */
const STAT_BATCH = 32;

async function* listDirectory(fullName: string, ctx: ProviderContext): AsyncIterable<ProviderItem> {
  let names: string[];
  try {
    names = await readdir(fullName);
  } catch (error) {
    throw mapFileSystemError(error, fullName);
  }

  const visible = names.filter((name) => ctx.force || !isHidden(name));
  for (let start = 0; start < visible.length; start += STAT_BATCH) {
    if (ctx.signal.aborted) throw new OperationCanceledError();
    const batch = visible.slice(start, start + STAT_BATCH).map((name) => {
      const child = path.join(fullName, name);
      return statItem(child).catch((error) => {
        // Gone between readdir and stat: simply not listed.
        if (isMissing(error)) return undefined;
        throw mapFileSystemError(error, child);
      });
    });

    for (const item of await Promise.all(batch)) if (item) yield item;
  }
}
