import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProviderEngine } from '../../../provider/engine.js';
import type { DriveDefinition, DriveInfo, Provider } from '../../../provider/types.js';
import { containProvider } from '../../../provider/sdk/contain.js';
import type { CmdletDefinition } from '../../api.js';
import { ModuleLoadError } from './errors.js';
import { moduleUrl } from './resolve.js';
import { MODULE_API } from './module-api.js';

/**
 * What a jafs module exports, as named exports or as its default export (an object of this
 * shape, a Provider, or a function returning either):
 *
 *     export const provider = createNodeProvider({ ... });   // or: export default provider
 *     export const drives = [{ name: 'Env', root: '/' }];
 *     export const cmdlets = [{ name: 'Get-Thing', ... }];
 */
export interface JafsModuleExports {
  provider?: Provider | (() => Provider | Promise<Provider>);
  providers?: ReadonlyArray<Provider | (() => Provider | Promise<Provider>)>;
  drives?: readonly DriveDefinition[];
  cmdlets?: readonly CmdletDefinition[];
}

/** A loaded module, as Get-Module shows it. */
export interface LoadedModule {
  name: string;
  url: string;
  providers: Provider[];
  drives: DriveInfo[];
  cmdlets: CmdletDefinition[];
}

/** Where a module is loaded into: the engine, and the shell session for its cmdlets. */
export interface ModuleTarget {
  engine: ProviderEngine;
  /** Adds a cmdlet to the running shell (a shell Session's `register`). */
  register?(cmdlet: CmdletDefinition): void;
  /** Takes a module's cmdlet back out (a shell Session's `unregister`), for Remove-Module. */
  unregister?(cmdlet: CmdletDefinition): void;
}

const loaded = new WeakMap<ProviderEngine, LoadedModule[]>();

/** The modules imported into an engine so far, in order. */
export function loadedModules(engine: ProviderEngine): readonly LoadedModule[] {
  return loaded.get(engine) ?? [];
}

/** Drops a module from the engine's list (Remove-Module has unloaded what it added). */
export function forgetModule(engine: ProviderEngine, module: LoadedModule): void {
  loaded.set(
    engine,
    loadedModules(engine).filter((entry) => entry !== module),
  );
}

/**
 * Imports a module into a running engine and shell: its providers (wrapped by containProvider,
 * so a throwing provider yields error records), their default drives and the module's drives
 * (a drive that fails to mount is reported through `onError` and the rest goes on), and its
 * cmdlets. Importing the same module again returns what was loaded the first time.
 */
export async function importModule(
  target: ModuleTarget,
  name: string,
  options: { baseDir: string; signal?: AbortSignal; onError?(error: unknown): void },
): Promise<LoadedModule> {
  const url = moduleUrl(name, options.baseDir);
  const list = loaded.get(target.engine) ?? [];
  const already = list.find((module) => module.url === url);
  if (already) return already;

  let namespace: Record<string, unknown>;
  try {
    namespace = await import(await currentVersion(url));
  } catch (error) {
    throw new ModuleLoadError(name, 'importing it failed', error);
  }

  const exports = await exportsOf(name, namespace);
  const made: Provider[] = [];
  for (const entry of [exports.provider, ...(exports.providers ?? [])]) {
    if (entry !== undefined) made.push(await instantiate(name, entry));
  }

  const providers = await registerAll(target.engine, name, made);

  const drives = await mountDrives(target.engine, made, exports.drives ?? [], options);
  const cmdlets = [...(exports.cmdlets ?? [])];
  for (const cmdlet of cmdlets) target.register?.(cmdlet);

  const module: LoadedModule = { name: moduleName(name), url, providers, drives, cmdlets };
  loaded.set(target.engine, [...list, module]);
  return module;
}

/**
 * Registers a module's providers, contained. When one cannot be registered (its name is taken)
 * the ones before it are taken back out, so a module is either loaded whole or not at all.
 */
async function registerAll(
  engine: ProviderEngine,
  name: string,
  made: readonly Provider[],
): Promise<Provider[]> {
  const providers: Provider[] = [];
  try {
    for (const provider of made) {
      engine.registerProvider(containProvider(provider));
      providers.push(engine.getProvider(provider.name));
    }
  } catch (error) {
    for (const provider of providers) await engine.unregisterProvider(provider.name);
    throw new ModuleLoadError(name, 'its provider could not be registered', error);
  }
  return providers;
}

/**
 * Each provider's own default drives, then the module's drives (of its first provider unless
 * a definition names `provider`); a drive that fails is reported, the others still mount.
 */
async function mountDrives(
  engine: ProviderEngine,
  providers: readonly Provider[],
  extra: readonly DriveDefinition[],
  options: { baseDir: string; signal?: AbortSignal; onError?(error: unknown): void },
): Promise<DriveInfo[]> {
  const wanted: { provider: string; definition: DriveDefinition }[] = [];
  for (const provider of providers) {
    const defaults = await safely(() => provider.defaultDrives?.(), options.onError);
    for (const definition of defaults ?? []) wanted.push({ provider: provider.name, definition });
  }
  for (const definition of extra) {
    const provider = (definition as { provider?: string }).provider ?? providers[0]?.name;
    if (provider) wanted.push({ provider, definition });
  }

  const drives: DriveInfo[] = [];
  for (const { provider, definition } of wanted) {
    try {
      const root = nativeRoot(engine.getProvider(provider), definition.root, options.baseDir);
      drives.push(await engine.newDrive(provider, { ...definition, root }, options.signal));
    } catch (error) {
      options.onError?.(error);
    }
  }
  return drives;
}

/**
 * A file module's URL tagged with its modification time, so that Import-Module after
 * Remove-Module loads an edited file's new code (Node caches a module by URL for good). Only
 * that file is read again; files it imports stay as first loaded.
 */
async function currentVersion(url: string): Promise<string> {
  if (!url.startsWith('file:')) return url;
  const modified = await stat(fileURLToPath(url)).then(
    (info) => Math.floor(info.mtimeMs),
    () => undefined,
  );
  return modified === undefined ? url : `${url}?mtime=${modified}`;
}

/** A module drive over a local file (`./data.tar`) resolves as relative module paths do. */
function nativeRoot(provider: Provider, root: string, baseDir: string): string {
  return provider.rootIsNativePath ? path.resolve(baseDir, root) : root;
}

/** A provider from an export: the object itself, or what its factory returns. */
async function instantiate(name: string, entry: unknown): Promise<Provider> {
  let value = entry;
  try {
    if (typeof value === 'function') value = await (value as (api: unknown) => unknown)(MODULE_API);
  } catch (error) {
    throw new ModuleLoadError(name, 'its provider factory failed', error);
  }

  if (!isProvider(value)) {
    throw new ModuleLoadError(name, 'its provider needs a name, getItem and getChildItems');
  }
  return value;
}

/** Named exports, or a default export that is the module object, a provider, or a factory. */
async function exportsOf(
  name: string,
  namespace: Record<string, unknown>,
): Promise<JafsModuleExports> {
  const named = namespace as JafsModuleExports;
  if (named.provider || named.providers || named.cmdlets) return named;

  let value = namespace.default;
  if (typeof value === 'function') {
    try {
      value = await (value as (api: unknown) => unknown)(MODULE_API);
    } catch (error) {
      throw new ModuleLoadError(name, 'its default export failed', error);
    }
  }
  if (isProvider(value)) return { provider: value, drives: named.drives };
  if (value && typeof value === 'object') return value as JafsModuleExports;
  throw new ModuleLoadError(name, 'it exports no provider and no cmdlets');
}

function isProvider(value: unknown): value is Provider {
  const candidate = value as Partial<Provider> | undefined;
  return (
    typeof candidate?.name === 'string' &&
    candidate.name.length > 0 &&
    typeof candidate.getItem === 'function' &&
    typeof candidate.getChildItems === 'function'
  );
}

async function safely<T>(run: () => T | Promise<T>, onError?: (error: unknown) => void) {
  try {
    return await run();
  } catch (error) {
    onError?.(error);
    return undefined;
  }
}

/** `./providers/env.js` → `env`; `@scope/jafs-tar` → `@scope/jafs-tar`. */
function moduleName(name: string): string {
  const base = name.replace(/\\/g, '/').split('/').at(-1) ?? name;
  return /\.(m?js|cjs)$/i.test(base) ? base.replace(/\.(m?js|cjs)$/i, '') : name;
}
