import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ProviderEngine } from '../../../provider/engine.js';
import { ModuleLoadError } from './errors.js';

/** `./x.js`, `/abs/x.mjs`, `~/x.js`, `..\x.js`: a file rather than an installed package. */
export function isModulePath(name: string): boolean {
  return /^(\.{1,2}[\\/]|[\\/]|~[\\/]?)/.test(name) || /\.(m?js|cjs)$/i.test(name);
}

/**
 * The folder relative module paths (and relative archive roots) start from: the current
 * location when it is on the file system, else the location remembered on the first
 * file-system drive, else the process's.
 */
export function fileSystemLocation(engine: ProviderEngine): string {
  const current = engine.currentPath();
  if (current.drive.provider.name === 'FileSystem') return current.providerPath;
  const drive = engine.getDrives().find((d) => d.provider.name === 'FileSystem');
  return drive ? engine.placeOn(drive.name).providerPath : process.cwd();
}

/**
 * What to import(): a file URL for a path (resolved against `baseDir`), or the entry point of
 * an installed package found from `baseDir` upwards, then from jafs's own node_modules.
 */
export function moduleUrl(name: string, baseDir: string): string {
  if (isModulePath(name)) {
    const expanded = name.replace(/^~(?=$|[\\/])/, os.homedir()).replace(/\\/g, '/');
    return pathToFileURL(path.resolve(baseDir, expanded)).href;
  }

  for (const from of [path.join(baseDir, 'package.json'), import.meta.url]) {
    try {
      return pathToFileURL(createRequire(from).resolve(name)).href;
    } catch {
      // Not installed there (or ESM-only without a require condition): try the next place.
    }
  }

  if (/^(@[\w.-]+\/)?[\w.-]+(\/[\w./-]+)?$/.test(name)) return name;
  throw new ModuleLoadError(name, 'it is neither a path to a .js file nor an installed package');
}
