import type { CmdletDefinition } from '../../api.js';
import { getModuleCmdlet, importModuleCmdlet } from './cmdlets.js';

/** Import-Module and Get-Module; they need the session to run on a ProviderEngine. */
export const moduleCmdlets: readonly CmdletDefinition[] = [importModuleCmdlet, getModuleCmdlet];

export { importModule, loadedModules } from './loader.js';
export type { JafsModuleExports, LoadedModule, ModuleTarget } from './loader.js';
export { importProfileModules, readModuleList } from './profile.js';
export { ModuleLoadError } from './errors.js';
export { MODULE_API } from './module-api.js';
export type { ModuleApi } from './module-api.js';
