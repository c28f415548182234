import type { ParameterDefinition } from '../../../core/parameters.js';
import { withTypeNames } from '../../../core/psobject.js';
import type { CmdletContext, CmdletDefinition } from '../../api.js';
import type { ResolvedItem } from '../../../provider/item-path.js';
import { need } from '../../../provider/item-operations.js';
import { callProvider, contextFor } from '../../../provider/provider-call.js';
import { PropertyNotFoundError } from '../../../provider/property-errors.js';
import { WildcardPattern } from '../../../provider/wildcard.js';
import {
  FILTER_PARAMETERS,
  FORCE_PARAMETER,
  PASSTHRU_PARAMETER,
  engineOf,
  forEachItem,
  operationOptions,
  pathParameters,
  strings,
  targetPaths,
} from './common.js';

/** The PS* properties an item-property object carries besides the properties asked for. */
const ORIGIN = ['PSPath', 'PSParentPath', 'PSChildName', 'PSDrive', 'PSProvider'] as const;

/** -Name: which properties, by name (any case). */
function nameParameter(options: { mandatory: boolean; wildcards: boolean }): ParameterDefinition {
  return {
    name: 'Name',
    type: 'string[]',
    position: 1,
    mandatory: options.mandatory,
    aliases: ['PSProperty'],
    acceptsWildcards: options.wildcards,
    help: 'Names of the properties (Length, LastWriteTime, MD5, State…).',
  };
}

/**
 * The properties of `target` that `names` select: a literal name must exist (else PowerShell's
 * "does not exist" error, non-terminating), a wildcard may match none.
 */
function pick(ctx: CmdletContext, target: ResolvedItem, names: string[]): [string, unknown][] {
  const properties = target.item.properties;
  const keys = Object.keys(properties);
  const picked = new Map<string, unknown>();
  for (const name of names) {
    const pattern = new WildcardPattern(name);
    const matches = WildcardPattern.containsWildcard(name)
      ? keys.filter((key) => pattern.isMatch(key))
      : keys.filter((key) => key.toLowerCase() === WildcardPattern.unescape(name).toLowerCase());
    if (matches.length === 0 && !WildcardPattern.containsWildcard(name)) {
      ctx.writeError(new PropertyNotFoundError(name, target.path.display), name);
    }
    for (const key of matches) picked.set(key, properties[key]);
  }
  return [...picked];
}

/** What Get-ItemProperty -Name writes: the picked properties and where they come from. */
function propertyObject(ctx: CmdletContext, target: ResolvedItem, names: string[]) {
  const picked = pick(ctx, target, names);
  if (picked.length === 0) return undefined;
  const origin = engineOf(ctx.session).toPipelineObject(target) as Record<string, unknown>;
  const object: Record<string, unknown> = Object.fromEntries(picked);
  for (const key of ORIGIN) object[key] = origin[key];
  return withTypeNames(object, 'System.Management.Automation.PSCustomObject');
}

/** Get-ItemProperty: the properties of items (all of them, or those -Name selects). */
export const getItemProperty: CmdletDefinition = {
  name: 'Get-ItemProperty',
  aliases: ['gp'],
  synopsis: 'Gets the properties of items: all of them, or those named by -Name.',
  description:
    'Without -Name, writes each item as Get-Item does. With -Name, writes an object holding ' +
    'only those properties plus PSPath, PSParentPath, PSChildName, PSDrive and PSProvider. ' +
    'Local files show Length, LastWriteTime, CreationTime…; Jottacloud files also MD5, ' +
    'State, Revision, MimeType and Uuid.',
  parameters: [
    ...pathParameters({ mandatory: true }),
    nameParameter({ mandatory: false, wildcards: true }),
    ...FILTER_PARAMETERS,
    FORCE_PARAMETER,
  ],
  defaultParameterSet: 'Path',
  examples: [
    { code: 'Get-ItemProperty notes.txt', remarks: 'Every property of the file.' },
    {
      code: 'Get-ItemProperty JAFS:\\Jotta\\Archive\\report.pdf -Name MD5, State, Revision',
      remarks: 'What Jottacloud knows of a file.',
    },
  ],
  async process(ctx) {
    const engine = engineOf(ctx.session);
    const names = strings(ctx.params.Name);
    await forEachItem(ctx, targetPaths(ctx.params), operationOptions(ctx), async (target) => {
      if (names.length === 0) return ctx.write(engine.toPipelineObject(target));
      const object = propertyObject(ctx, target, names);
      if (object !== undefined) await ctx.write(object);
    });
  },
};

/** Get-ItemPropertyValue: just the values of the named properties. */
export const getItemPropertyValue: CmdletDefinition = {
  name: 'Get-ItemPropertyValue',
  aliases: ['gpv'],
  synopsis: 'Gets the values of named properties of items.',
  description: 'Writes the value of each -Name property of each item, in the order asked.',
  parameters: [
    ...pathParameters({ mandatory: false }),
    nameParameter({ mandatory: true, wildcards: false }),
    ...FILTER_PARAMETERS,
  ],
  defaultParameterSet: 'Path',
  examples: [
    { code: 'Get-ItemPropertyValue notes.txt -Name Length', remarks: 'The size in bytes.' },
    {
      code: 'Get-ItemPropertyValue JAFS:\\Jotta\\Archive\\*.txt -Name MD5',
      remarks: 'The MD5 of every text file in Archive.',
    },
  ],
  async process(ctx) {
    const names = strings(ctx.params.Name).map((name) => WildcardPattern.escape(name));
    await forEachItem(ctx, targetPaths(ctx.params, '.'), operationOptions(ctx), async (target) => {
      for (const [, value] of pick(ctx, target, names)) await ctx.write(value);
    });
  },
};

/** Set-ItemProperty: changes a property where the provider can (local file times). */
export const setItemProperty: CmdletDefinition = {
  name: 'Set-ItemProperty',
  aliases: ['sp'],
  synopsis: 'Changes a property of items, where their provider can.',
  description:
    'On local files LastWriteTime and LastAccessTime can be set; other properties are ' +
    'read-only. Jottacloud items have no settable properties (the service keeps times from ' +
    'the upload), so the provider answers that it does not support the operation.',
  parameters: [
    ...pathParameters({ mandatory: true }),
    nameParameter({ mandatory: true, wildcards: false }),
    {
      name: 'Value',
      type: 'object',
      position: 2,
      mandatory: true,
      valueFromPipelineByPropertyName: true,
      help: 'The new value (a date for LastWriteTime).',
    },
    ...FILTER_PARAMETERS,
    FORCE_PARAMETER,
    PASSTHRU_PARAMETER,
  ],
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  examples: [
    {
      code: "Set-ItemProperty notes.txt -Name LastWriteTime -Value '2024-01-31 12:00'",
      remarks: 'Back-dates a local file.',
    },
  ],
  async process(ctx) {
    const names = strings(ctx.params.Name);
    await forEachItem(ctx, targetPaths(ctx.params), operationOptions(ctx), async (target) => {
      const set = need(target.path.drive.provider, 'setItemProperty', target.path);
      for (const name of names) {
        const shown = `Item: ${target.path.display} Property: ${name}`;
        if (!(await ctx.shouldProcess(shown, 'Set Property'))) continue;

        const context = contextFor(target.path.drive, operationOptions(ctx));
        const item = await callProvider('SetProperty', target.path, () =>
          set(target.path.providerPath, name, ctx.params.Value, context),
        );
        if (ctx.params.PassThru !== true) continue;
        const object = propertyObject(ctx, { path: target.path, item }, [name]);
        if (object !== undefined) await ctx.write(object);
      }
    });
  },
};

/** The item-property cmdlets, for any provider. */
export const itemPropertyCmdlets: CmdletDefinition[] = [
  getItemProperty,
  getItemPropertyValue,
  setItemProperty,
];
