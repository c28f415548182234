import { readFile } from 'node:fs/promises';
import type { ProviderEngine } from '../../../provider/engine.js';
import type { CmdletDefinition, Shell } from '../../api.js';
import { importModule, type LoadedModule } from './loader.js';
import { ModuleLoadError } from './errors.js';

/**
 * Imports the modules a user lists to load at start (`$JAFS_HOME/modules.json`, or the
 * profile), in order. A module that fails is handed to `onError` and the others still load:
 * a broken plug-in must never keep the shell from starting.
 */
export async function importProfileModules(
  target: { engine: ProviderEngine; shell?: Shell },
  modules: readonly string[],
  options: { baseDir: string; signal?: AbortSignal; onError?(error: unknown): void },
): Promise<LoadedModule[]> {
  const session = (target.shell as { session?: { register?(c: CmdletDefinition): void } })?.session;
  const register = session?.register ? session.register.bind(session) : undefined;

  const loaded: LoadedModule[] = [];
  for (const name of modules) {
    try {
      loaded.push(await importModule({ engine: target.engine, register }, name, options));
    } catch (error) {
      options.onError?.(error);
    }
  }
  return loaded;
}

/**
 * The module list in `file`: a JSON array of names, or `{ "modules": [...] }`. A missing file
 * is an empty list; a malformed one is a ModuleLoadError saying what to fix.
 */
export async function readModuleList(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ModuleLoadError(file, 'the module list could not be read', error);
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ModuleLoadError(file, 'the module list is not valid JSON', error);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { modules?: unknown })?.modules;
  if (!Array.isArray(list) || !list.every((name) => typeof name === 'string')) {
    throw new ModuleLoadError(file, 'expected a JSON array of module names or paths');
  }
  return list;
}
