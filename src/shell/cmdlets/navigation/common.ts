import type { ParameterDefinition } from '../../../core/parameters.js';
import { withTypeNames } from '../../../core/psobject.js';
import type { BoundParameters, CmdletContext, ConfirmImpact, SessionApi } from '../../api.js';
import { ProviderEngine } from '../../../provider/engine.js';
import type { LocationInfo } from '../../../provider/engine-api.js';
import type { OperationOptions } from '../../../provider/provider-call.js';
import type { ItemPath, ResolvedItem } from '../../../provider/item-path.js';
import { NameFilter } from '../../../provider/children.js';
import { JafsError } from '../../../core/errors.js';

/** The provider engine behind a session (the navigation cmdlets need more than EngineApi). */
export function engineOf(session: SessionApi): ProviderEngine {
  const engine = session.engine;
  if (!(engine instanceof ProviderEngine)) {
    throw new JafsError('The navigation cmdlets need the session to run on a ProviderEngine.', {
      code: 'ENOENGINE',
      errorId: 'EngineUnavailable',
      category: 'InvalidOperation',
    });
  }

  return engine;
}

/** `-Path` (wildcards, positional, from the pipeline) and `-LiteralPath` (aliases PSPath, LP). */
export function pathParameters(options: { mandatory?: boolean; byValue?: boolean } = {}) {
  const path: ParameterDefinition = {
    name: 'Path',
    type: 'string[]',
    position: 0,
    mandatory: options.mandatory,
    valueFromPipeline: options.byValue ?? true,
    valueFromPipelineByPropertyName: true,
    acceptsWildcards: true,
    parameterSets: ['Path'],
    help: 'Paths of the items; wildcards are expanded.',
  };
  const literal: ParameterDefinition = {
    name: 'LiteralPath',
    type: 'string[]',
    mandatory: true,
    aliases: ['PSPath', 'LP'],
    valueFromPipelineByPropertyName: true,
    parameterSets: ['LiteralPath'],
    help: 'Paths used exactly as written (no wildcards); piped items bind here by PSPath.',
  };
  return [path, literal];
}

/** -Include, -Exclude and -Filter, applied by the engine to item names. */
export const FILTER_PARAMETERS: readonly ParameterDefinition[] = [
  { name: 'Filter', type: 'string', acceptsWildcards: true, help: 'A name pattern.' },
  { name: 'Include', type: 'string[]', acceptsWildcards: true, help: 'Names to keep.' },
  { name: 'Exclude', type: 'string[]', acceptsWildcards: true, help: 'Names to leave out.' },
];

/** -Force, shared by the cmdlets that honour it. */
export const FORCE_PARAMETER: ParameterDefinition = {
  name: 'Force',
  type: 'switch',
  help: 'Includes hidden items and allows what is refused by default.',
};

/** -PassThru, shared by the cmdlets that write their result on request. */
export const PASSTHRU_PARAMETER: ParameterDefinition = {
  name: 'PassThru',
  type: 'switch',
  help: 'Writes the resulting object to the pipeline.',
};

/** A parameter's value as a list of strings (a single value, an array, or nothing). */
export function strings(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((entry) => strings(entry));
  return [String(value)];
}

/** The paths a cmdlet works on: -LiteralPath, else -Path, else `fallback`. */
export function targetPaths(params: BoundParameters, fallback?: string) {
  const literal = strings(params.LiteralPath);
  if (literal.length > 0) return { paths: literal, literal: true };
  const paths = strings(params.Path);
  return { paths: paths.length > 0 ? paths : fallback ? [fallback] : [], literal: false };
}

/** The engine options of one call: cancellation, -Force, progress, verbose and dynamic values. */
export function operationOptions(ctx: CmdletContext, dynamic: Record<string, unknown> = {}) {
  const options: OperationOptions = {
    signal: ctx.signal,
    force: ctx.params.Force === true,
    dynamic,
    progress: (event) => ctx.progress(event),
    verbose: (message) => ctx.writeVerbose(message),
    warning: (message) => ctx.writeWarning(message),
  };
  return options;
}

/**
 * Resolves each path (globbing unless literal) and runs `action` on each item that passes
 * -Include/-Exclude/-Filter. A failing path or item is a non-terminating error and the cmdlet
 * goes on with the next one.
 */
export async function forEachItem(
  ctx: CmdletContext,
  paths: { paths: string[]; literal: boolean },
  options: OperationOptions,
  action: (item: ResolvedItem) => Promise<void>,
  filterNames = true,
): Promise<void> {
  const engine = engineOf(ctx.session);
  for (const path of paths.paths) {
    let found: ResolvedItem[];
    try {
      found = await engine.resolve(path, { ...options, literal: paths.literal });
    } catch (error) {
      ctx.writeError(error, errorTarget(error, path));
      continue;
    }

    for (const item of found) {
      if (filterNames && !namesFilter(ctx.params, item).accepts(item.item.name)) continue;
      try {
        await action(item);
      } catch (error) {
        ctx.writeError(error, item.path.display);
      }
    }
  }
}

/**
 * The target an error record names: the one the error carries (PowerShell's full path, as in
 * `ObjectNotFound: (/tmp/x/nope:String)`), else what was typed.
 */
export function errorTarget(error: unknown, typed: unknown): unknown {
  return error instanceof JafsError && error.targetObject !== undefined
    ? error.targetObject
    : typed;
}

function namesFilter(params: BoundParameters, item: ResolvedItem) {
  return new NameFilter(
    {
      include: strings(params.Include),
      exclude: strings(params.Exclude),
      filter: params.Filter === undefined ? undefined : String(params.Filter),
    },
    item.path.drive.provider.caseSensitive,
  );
}

/**
 * `PathInfo`: what Get-Location, Resolve-Path and `-PassThru` of location cmdlets write. Like
 * PowerShell's, it turns into its path where a string is wanted (`"$(Resolve-Path x)"`,
 * `Split-Path (Resolve-Path x)`).
 */
export function pathInfo(location: LocationInfo, engine: ProviderEngine) {
  const drive = engine.getDrive(location.drive);
  const info = withTypeNames(
    {
      Path: location.display,
      Drive: drive.name,
      Provider: drive.provider.name,
      ProviderPath: location.providerPath,
    },
    'System.Management.Automation.PathInfo',
  );
  Object.defineProperty(info, 'toString', { value: () => location.display, enumerable: false });
  return info;
}

/**
 * The dynamic parameters a provider adds to `cmdlet` for the path being bound (the first of
 * LiteralPath/Path, or the current location).
 */
export function providerDynamicParameters(cmdlet: string) {
  return (bound: BoundParameters, session: SessionApi): readonly ParameterDefinition[] => {
    try {
      const engine = engineOf(session);
      const { paths } = targetPaths(bound, '.');
      const place = engine.lexicalPath(paths[0] ?? '.', false);
      return place.drive.provider.dynamicParameters?.(cmdlet, place.providerPath) ?? [];
    } catch {
      return [];
    }
  };
}

/** The values bound to the provider's dynamic parameters of `cmdlet` at `path`. */
export function dynamicValues(ctx: CmdletContext, cmdlet: string, path: ItemPath) {
  const provider = path.drive.provider;
  const definitions = provider.dynamicParameters?.(cmdlet, path.providerPath) ?? [];
  const values: Record<string, unknown> = {};
  for (const { name } of definitions) {
    if (ctx.params[name] !== undefined) values[name] = ctx.params[name];
  }

  return values;
}

/**
 * The ConfirmImpact a bound dynamic switch raises this call to (Remove-Item -Permanent on
 * JAFS: High), or undefined when none does.
 */
export function dynamicImpact(
  ctx: CmdletContext,
  cmdlet: string,
  path: ItemPath,
): ConfirmImpact | undefined {
  const definitions = path.drive.provider.dynamicParameters?.(cmdlet, path.providerPath) ?? [];
  let impact: ConfirmImpact | undefined;
  for (const { name, confirmImpact } of definitions) {
    if (!confirmImpact || !isSet(ctx.params[name])) continue;
    if (IMPACTS.indexOf(confirmImpact) > IMPACTS.indexOf(impact ?? 'Low')) impact = confirmImpact;
    else impact ??= confirmImpact;
  }

  return impact;
}

const IMPACTS: readonly ConfirmImpact[] = ['Low', 'Medium', 'High'];

/** A bound switch that is on (`-Permanent`, `-Permanent:$true`, a SwitchParameter). */
function isSet(value: unknown): boolean {
  if (typeof value === 'object' && value !== null && 'isPresent' in value) {
    return Boolean((value as { isPresent: unknown }).isPresent);
  }
  return value === true;
}

/** FileSystem-style ShouldProcess action names: `Remove File`, `Create Directory`. */
export function actionName(verb: string, item: { isContainer: boolean }, provider: string) {
  if (provider === 'FileSystem') return `${verb} ${item.isContainer ? 'Directory' : 'File'}`;
  return `${verb} ${item.isContainer ? 'Container' : 'Item'}`;
}
