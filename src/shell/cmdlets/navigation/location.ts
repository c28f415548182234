import type { CmdletContext, CmdletDefinition } from '../../api.js';
import type { LocationInfo } from '../../../provider/engine-api.js';
import {
  PASSTHRU_PARAMETER,
  engineOf,
  errorTarget,
  operationOptions,
  pathInfo,
  targetPaths,
} from './common.js';

/** Keeps `$PWD` in step with the engine (a session may make it read-only: then it reads it). */
function updatePwd(ctx: CmdletContext, location: LocationInfo): void {
  try {
    ctx.session.setVariable('PWD', pathInfo(location, engineOf(ctx.session)));
  } catch {
    // The shell derives $PWD from the engine itself.
  }
}

const STACK_NAME = { name: 'StackName', type: 'string', help: 'A named location stack.' } as const;

/** Set-Location: into one container; `-` and `+` walk the history; no path goes home. */
export const setLocation: CmdletDefinition = {
  name: 'Set-Location',
  aliases: ['cd', 'chdir', 'sl'],
  synopsis: 'Sets the current location (a folder, a drive, `-` back, `+` forward).',
  parameters: [
    {
      name: 'Path',
      type: 'string',
      position: 0,
      valueFromPipeline: true,
      valueFromPipelineByPropertyName: true,
      acceptsWildcards: true,
      parameterSets: ['Path'],
      help: 'The container to go to; `-` is the previous location, `+` the next.',
    },
    {
      name: 'LiteralPath',
      type: 'string',
      mandatory: true,
      aliases: ['PSPath', 'LP'],
      valueFromPipelineByPropertyName: true,
      parameterSets: ['LiteralPath'],
      help: 'The container, used exactly as written.',
    },
    PASSTHRU_PARAMETER,
    { ...STACK_NAME, parameterSets: ['Stack'] },
  ],
  defaultParameterSet: 'Path',
  examples: [
    { code: 'Set-Location JAFS:\\Jotta\\Archive', remarks: 'Into the archive.' },
    { code: 'cd -', remarks: 'Back to where you were.' },
    { code: 'cd JAFS:', remarks: 'The remembered location on the JAFS drive.' },
  ],
  async process(ctx) {
    const engine = engineOf(ctx.session);
    if (ctx.params.StackName !== undefined) {
      engine.useLocationStack(String(ctx.params.StackName) || undefined);
      return;
    }

    const { paths, literal } = targetPaths(ctx.params, '~');
    const path = paths[0];
    let location: LocationInfo;
    try {
      if (!literal && path === '-') location = engine.locationBack();
      else if (!literal && path === '+') location = engine.locationForward();
      else location = await engine.setLocation(path, { ...operationOptions(ctx), literal });
    } catch (error) {
      // Non-terminating, as in PowerShell: -ErrorAction decides (`cd x -ea 0` stays quiet).
      ctx.writeError(error, errorTarget(error, path));
      return;
    }

    updatePwd(ctx, location);
    if (ctx.params.PassThru === true) await ctx.write(pathInfo(location, engine));
  },
};

/** `cd..` and `cd\`: PowerShell's built-in shortcut functions. */
function shortcut(name: string, target: string, synopsis: string): CmdletDefinition {
  return {
    name,
    synopsis,
    parameters: [],
    examples: [{ code: name, remarks: synopsis }],
    async process(ctx) {
      const engine = engineOf(ctx.session);
      const location = await engine.setLocation(target, operationOptions(ctx));
      updatePwd(ctx, location);
    },
  };
}

export const cdUp = shortcut('cd..', '..', 'Goes to the parent container.');
export const cdRoot = shortcut('cd\\', '\\', 'Goes to the root of the current drive.');

/** Get-Location: the current location, the one on a drive, or a location stack. */
export const getLocation: CmdletDefinition = {
  name: 'Get-Location',
  aliases: ['gl', 'pwd'],
  synopsis: 'Gets the current location or a location stack.',
  parameters: [
    { name: 'PSDrive', type: 'string[]', parameterSets: ['Location'], help: 'Of these drives.' },
    { name: 'PSProvider', type: 'string[]', parameterSets: ['Location'], help: 'Of providers.' },
    { name: 'Stack', type: 'switch', parameterSets: ['Stack'], help: 'The location stack.' },
    { ...STACK_NAME, type: 'string[]', parameterSets: ['Stack'] },
  ],
  defaultParameterSet: 'Location',
  examples: [
    { code: 'Get-Location', remarks: 'Where you are.' },
    { code: 'Get-Location -Stack', remarks: 'What Pop-Location would return to.' },
  ],
  async process(ctx) {
    const engine = engineOf(ctx.session);
    const params = ctx.params;
    if (params.Stack === true || params.StackName !== undefined) {
      const names = params.StackName === undefined ? [undefined] : [params.StackName].flat();
      for (const name of names) {
        const stack = engine.locationStack(name === undefined ? undefined : String(name));
        for (const entry of stack) await ctx.write(pathInfo(entry, engine));
      }

      return;
    }

    const drives = [params.PSDrive ?? []].flat().map(String);
    const providers = [params.PSProvider ?? []].flat().map(String);
    for (const name of providers) {
      const provider = engine.getProvider(name);
      const here = engine.currentPath();
      const drive =
        here.drive.provider === provider
          ? here.drive
          : engine.getDrives().find((d) => d.provider === provider);
      if (drive) drives.push(drive.name);
    }

    if (drives.length === 0) {
      await ctx.write(pathInfo(engine.currentLocation(), engine));
      return;
    }

    for (const name of drives) {
      try {
        await ctx.write(pathInfo(engine.locationOn(name), engine));
      } catch (error) {
        ctx.writeError(error, name);
      }
    }
  },
};

/** Push-Location: remembers where you are, then goes to the path (when given). */
export const pushLocation: CmdletDefinition = {
  name: 'Push-Location',
  aliases: ['pushd'],
  synopsis: 'Saves the current location on a stack, then optionally goes elsewhere.',
  parameters: [...setLocation.parameters.slice(0, 3), STACK_NAME],
  defaultParameterSet: 'Path',
  examples: [{ code: 'pushd JAFS:\\Jotta', remarks: 'Go there; popd comes back.' }],
  async process(ctx: CmdletContext) {
    const engine = engineOf(ctx.session);
    const { paths, literal } = targetPaths(ctx.params);
    const stackName = ctx.params.StackName === undefined ? undefined : String(ctx.params.StackName);
    let location: LocationInfo;
    try {
      location = await engine.pushLocation(paths[0], {
        ...operationOptions(ctx),
        literal,
        stackName,
      });
    } catch (error) {
      ctx.writeError(error, errorTarget(error, paths[0]));
      return;
    }

    updatePwd(ctx, location);
    if (ctx.params.PassThru === true) await ctx.write(pathInfo(location, engine));
  },
};

/** Pop-Location: back to the last pushed location (nothing happens on an empty stack). */
export const popLocation: CmdletDefinition = {
  name: 'Pop-Location',
  aliases: ['popd'],
  synopsis: 'Goes back to the location most recently pushed.',
  parameters: [PASSTHRU_PARAMETER, STACK_NAME],
  examples: [{ code: 'popd', remarks: 'Back to where pushd left.' }],
  async process(ctx) {
    const engine = engineOf(ctx.session);
    const stackName = ctx.params.StackName === undefined ? undefined : String(ctx.params.StackName);
    let location: LocationInfo | undefined;
    try {
      location = engine.popLocation(stackName);
    } catch (error) {
      ctx.writeError(error, stackName);
      return;
    }

    if (!location) return;
    updatePwd(ctx, location);
    if (ctx.params.PassThru === true) await ctx.write(pathInfo(location, engine));
  },
};
