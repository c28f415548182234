import type { BoundParameters, CmdletContext, CmdletDefinition, SessionApi } from '../../api.js';
import type { ParameterDefinition } from '../../../core/parameters.js';
import { childOf, type ItemPath } from '../../../provider/item-path.js';
import { itemTypeFor } from '../../../provider/item-operations.js';
import {
  FORCE_PARAMETER,
  dynamicValues,
  engineOf,
  errorTarget,
  operationOptions,
  providerDynamicParameters,
  strings,
  targetPaths,
} from './common.js';

const NEW_ITEM_PARAMETERS: readonly ParameterDefinition[] = [
  {
    name: 'Path',
    type: 'string[]',
    position: 0,
    valueFromPipelineByPropertyName: true,
    help: 'Where to create the item (taken literally: no wildcards).',
  },
  {
    name: 'Name',
    type: 'string',
    valueFromPipelineByPropertyName: true,
    help: 'Name of the new item inside -Path (default: the current location).',
  },
  {
    name: 'ItemType',
    type: 'string',
    aliases: ['Type'],
    valueFromPipelineByPropertyName: true,
    help: "The provider's item type: File, Directory; device, mountpoint, folder, file on JAFS.",
  },
  {
    name: 'Value',
    type: 'object',
    aliases: ['Target'],
    valueFromPipeline: true,
    valueFromPipelineByPropertyName: true,
    help: 'Initial content of a file (or, as in JaFS, the name of a device).',
  },
  FORCE_PARAMETER,
];

/** New-Item: creates files, folders and provider-specific items (devices, mount points). */
export const newItem: CmdletDefinition = {
  name: 'New-Item',
  aliases: ['ni'],
  synopsis: 'Creates a new item (file, folder, device, mount point).',
  parameters: NEW_ITEM_PARAMETERS,
  supportsShouldProcess: true,
  examples: [
    { code: 'New-Item notes.txt -Value "hello"', remarks: 'A file with content.' },
    { code: 'New-Item JAFS:\\Dev2 -ItemType device', remarks: 'A new device.' },
    { code: 'New-Item -Path JAFS:\\Dev2 -Name M -ItemType mountpoint', remarks: 'A mount point.' },
    { code: 'New-Item "JAFS:" -ItemType device -Value Dev1', remarks: "JaFS's original form." },
  ],
  dynamicParameters: (bound, session) => [
    ...itemTypeSuggestions(bound, session),
    ...providerDynamicParameters('New-Item')(bound, session),
  ],
  process: (ctx) => createItems(ctx, ctx.params.ItemType as string | undefined),
};

/** mkdir / md: New-Item -ItemType Directory (PowerShell's mkdir function). */
export const mkdir: CmdletDefinition = {
  name: 'mkdir',
  aliases: ['md'],
  synopsis: 'Creates a folder (New-Item -ItemType Directory).',
  parameters: NEW_ITEM_PARAMETERS.filter((parameter) => parameter.name !== 'ItemType'),
  supportsShouldProcess: true,
  examples: [{ code: 'mkdir photos', remarks: 'A folder in the current location.' }],
  process: (ctx) => createItems(ctx, 'Directory'),
};

async function createItems(ctx: CmdletContext, itemType: string | undefined): Promise<void> {
  const engine = engineOf(ctx.session);
  const name = ctx.params.Name === undefined ? undefined : String(ctx.params.Name);
  const paths = strings(ctx.params.Path);
  if (paths.length === 0) paths.push('.');

  for (const path of paths) {
    try {
      const { target, value } = await targetOf(ctx, path, name, itemType);
      const options = operationOptions(ctx, dynamicValues(ctx, 'New-Item', target));
      const provider = target.drive.provider;
      const type = itemTypeFor(target, itemType);
      const action = provider.name === 'FileSystem' ? `Create ${type}` : `New ${type || 'item'}`;
      if (!(await ctx.shouldProcess(`Destination: ${target.display}`, action))) continue;

      const created = await engine.newItem(target, type || undefined, value, options);
      await ctx.write(engine.toPipelineObject(created));
    } catch (error) {
      ctx.writeError(error, errorTarget(error, path));
    }
  }
}

/**
 * Where the item goes: `-Path` itself, `-Path` + `-Name`, or, as the original JaFS did, an
 * existing container + a name given as `-Value` (`New-Item "JAFS:" -ItemType device -Value D`)
 * when the type is not the provider's file type (a file's -Value is its content).
 */
async function targetOf(
  ctx: CmdletContext,
  path: string,
  name: string | undefined,
  itemType: string | undefined,
): Promise<{ target: ItemPath; value: unknown }> {
  const engine = engineOf(ctx.session);
  const place = engine.lexicalPath(path);
  const value = ctx.params.Value;
  if (name !== undefined) {
    // As in PowerShell, a -Name holding separators is a relative path below -Path, not a name.
    if (!/[\\/]/.test(name)) return { target: childOf(place, name), value };
    const separator = place.drive.provider.separator;
    return { target: engine.lexicalPath(`${place.display}${separator}${name}`), value };
  }

  const nameInValue = typeof value === 'string' && value !== '' && !/[\\/]/.test(value);
  const isFileType = itemType === undefined || /^f(i(le?)?)?$/i.test(itemType);
  if (nameInValue && !isFileType) {
    const existing = await engine.tryGetItem(place, { signal: ctx.signal, force: true });
    if (existing?.isContainer && place.drive.provider.name !== 'FileSystem') {
      return { target: childOf(place, value), value: undefined };
    }
  }

  return { target: place, value };
}

/**
 * -ItemType as completion sees it: the item types the provider accepts where the item would be
 * created (below -Path, or beside it when -Path is the new item), offered but not enforced so
 * that prefixes (`d`) and generic types (`Directory`) still bind.
 */
function itemTypeSuggestions(
  bound: BoundParameters,
  session: SessionApi,
): readonly ParameterDefinition[] {
  try {
    const engine = engineOf(session);
    const place = engine.lexicalPath(String(targetPaths(bound, '.').paths[0] ?? '.'), false);
    const provider = place.drive.provider;
    const parent = place.providerPath.replace(/\/[^/]*$/, '') || '/';
    const types = new Set([
      ...(provider.newItemTypes?.(place.providerPath) ?? []),
      ...(provider.newItemTypes?.(parent) ?? []),
    ]);
    if (types.size === 0) return [];
    const base = NEW_ITEM_PARAMETERS.find((parameter) => parameter.name === 'ItemType');
    return base ? [{ ...base, suggestions: [...types] }] : [];
  } catch {
    return [];
  }
}
