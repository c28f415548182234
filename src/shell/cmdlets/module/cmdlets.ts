import { withTypeNames } from '../../../core/psobject.js';
import { WildcardPattern } from '../../../provider/wildcard.js';
import type { CmdletContext, CmdletDefinition, SessionApi } from '../../api.js';
import { engineOf, strings } from '../navigation/common.js';
import { importModule, loadedModules, type LoadedModule, type ModuleTarget } from './loader.js';
import { ModuleNotLoadedError } from './errors.js';
import { removeModule } from './unload.js';
import { fileSystemLocation } from './resolve.js';

/** Session.register and unregister when the session has them (the shell's own Session does). */
function targetOf(session: SessionApi): ModuleTarget {
  const methods = session as {
    register?: (cmdlet: CmdletDefinition) => void;
    unregister?: (cmdlet: CmdletDefinition) => void;
  };
  return {
    engine: engineOf(session),
    register: methods.register?.bind(session),
    unregister: methods.unregister?.bind(session),
  };
}

/** Get-Module's view of a loaded module. */
function moduleObject(module: LoadedModule) {
  return withTypeNames(
    {
      ModuleType: 'Script',
      Name: module.name,
      Path: module.url,
      Providers: module.providers.map((provider) => provider.name),
      Drives: module.drives.map((drive) => drive.name),
      ExportedCommands: module.cmdlets.map((cmdlet) => cmdlet.name),
    },
    'System.Management.Automation.PSModuleInfo',
  );
}

export const importModuleCmdlet: CmdletDefinition = {
  name: 'Import-Module',
  aliases: ['ipmo'],
  synopsis: 'Loads a jafs module: its providers, their drives, and its cmdlets.',
  description:
    'A module is a .js file (a path, relative to the current file-system location) or an ' +
    'installed npm package exporting a provider, a factory, drives and cmdlets. A module that ' +
    'fails to load is reported and the shell goes on.',
  parameters: [
    {
      name: 'Name',
      type: 'string[]',
      position: 0,
      mandatory: true,
      valueFromPipeline: true,
      help: 'Paths of .js files or names of installed packages.',
    },
    { name: 'PassThru', type: 'switch', help: 'Writes the loaded module.' },
  ],
  examples: [
    { code: 'Import-Module ./tar-provider.js', remarks: 'Adds the Tar provider.' },
    { code: 'Import-Module jafs-provider-s3', remarks: 'An installed package.' },
  ],
  async process(ctx: CmdletContext) {
    const target = targetOf(ctx.session);
    for (const name of strings(ctx.params.Name)) {
      try {
        const module = await importModule(target, name, {
          baseDir: fileSystemLocation(target.engine),
          signal: ctx.signal,
          onError: (error) => ctx.writeError(error, name),
        });
        ctx.writeVerbose(`Loaded the module '${module.name}' from '${module.url}'.`);
        if (ctx.params.PassThru) await ctx.write(moduleObject(module));
      } catch (error) {
        ctx.writeError(error, name);
      }
    }
  },
};

export const getModuleCmdlet: CmdletDefinition = {
  name: 'Get-Module',
  aliases: ['gmo'],
  synopsis: 'Lists the modules imported into this session.',
  parameters: [
    {
      name: 'Name',
      type: 'string[]',
      position: 0,
      acceptsWildcards: true,
      help: 'Module names.',
    },
  ],
  examples: [{ code: 'Get-Module', remarks: 'Every imported module.' }],
  async process(ctx: CmdletContext) {
    const patterns = strings(ctx.params.Name).map((name) => new WildcardPattern(name));
    for (const module of loadedModules(engineOf(ctx.session))) {
      if (patterns.length > 0 && !patterns.some((pattern) => pattern.isMatch(module.name))) {
        continue;
      }
      await ctx.write(moduleObject(module));
    }
  },
};

export const removeModuleCmdlet: CmdletDefinition = {
  name: 'Remove-Module',
  aliases: ['rmo'],
  synopsis: "Unloads modules: their cmdlets, their providers and those providers' drives.",
  description:
    'A module whose drive is the current location is not removed (Set-Location elsewhere ' +
    'first). Import-Module loads it again afresh.',
  parameters: [
    {
      name: 'Name',
      type: 'string[]',
      position: 0,
      mandatory: true,
      acceptsWildcards: true,
      valueFromPipelineByPropertyName: true,
      help: 'Module names, as Get-Module shows them.',
    },
  ],
  supportsShouldProcess: true,
  examples: [{ code: 'Remove-Module json-provider', remarks: 'Unloads the Json provider.' }],
  async process(ctx: CmdletContext) {
    const target = targetOf(ctx.session);
    for (const name of strings(ctx.params.Name)) {
      const pattern = new WildcardPattern(name);
      const chosen = loadedModules(target.engine).filter((module) => pattern.isMatch(module.name));
      if (chosen.length === 0 && !WildcardPattern.containsWildcard(name)) {
        ctx.writeError(new ModuleNotLoadedError(name), name);
      }

      for (const module of chosen) {
        if (!(await ctx.shouldProcess(module.name, 'Remove-Module'))) continue;
        try {
          const failures = await removeModule(target, module);
          for (const failure of failures) ctx.writeError(failure, module.name);
        } catch (error) {
          ctx.writeError(error, module.name);
        }
      }
    }
  },
};
