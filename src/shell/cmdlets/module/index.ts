import type { CmdletDefinition } from '../../api.js';
import { getModuleCmdlet, importModuleCmdlet, removeModuleCmdlet } from './cmdlets.js';

/** Import-, Get- and Remove-Module; they need the session to run on a ProviderEngine. */
export const moduleCmdlets: readonly CmdletDefinition[] = [
  importModuleCmdlet,
  getModuleCmdlet,
  removeModuleCmdlet,
];

export { importModule, loadedModules } from './loader.js';
export { removeModule } from './unload.js';
export type { JafsModuleExports, LoadedModule, ModuleTarget } from './loader.js';
export { importProfileModules, readModuleList } from './profile.js';
export { ModuleDriveInUseError, ModuleLoadError, ModuleNotLoadedError } from './errors.js';
export { MODULE_API } from './module-api.js';
export type { ModuleApi } from './module-api.js';
