import type { CmdletContext, CmdletDefinition } from '../../api.js';
import { splitPartial } from '../../../provider/completion.js';
import { WildcardPattern } from '../../../provider/wildcard.js';
import {
  FILTER_PARAMETERS,
  FORCE_PARAMETER,
  dynamicValues,
  engineOf,
  forEachItem,
  operationOptions,
  pathParameters,
  providerDynamicParameters,
  strings,
  targetPaths,
} from './common.js';

/** Get-Item: the items a path names (the container itself, not its children). */
export const getItem: CmdletDefinition = {
  name: 'Get-Item',
  aliases: ['gi'],
  synopsis: 'Gets the item at a location (a file, a folder, a device…).',
  parameters: [...pathParameters({ mandatory: true }), ...FILTER_PARAMETERS, FORCE_PARAMETER],
  defaultParameterSet: 'Path',
  examples: [
    { code: 'Get-Item .', remarks: 'The current location as an item.' },
    { code: 'Get-Item JAFS:\\Jotta\\Archive\\*.pdf', remarks: 'Every PDF in the archive.' },
  ],
  dynamicParameters: providerDynamicParameters('Get-Item'),
  async process(ctx) {
    const engine = engineOf(ctx.session);
    const options = operationOptions(ctx);
    await forEachItem(ctx, targetPaths(ctx.params), options, async (item) => {
      await ctx.write(engine.toPipelineObject(item));
    });
  },
};

/** Get-ChildItem: the children of containers (a leaf lists itself), recursing on request. */
export const getChildItem: CmdletDefinition = {
  name: 'Get-ChildItem',
  aliases: ['gci', 'dir', 'ls'],
  synopsis: 'Lists the items in one or more locations.',
  parameters: [
    ...pathParameters(),
    { ...FILTER_PARAMETERS[0], position: 1 },
    ...FILTER_PARAMETERS.slice(1),
    { name: 'Recurse', type: 'switch', aliases: ['s', 'r'], help: 'Lists all levels below.' },
    { name: 'Depth', type: 'int', help: 'Levels below the children to list; implies -Recurse.' },
    FORCE_PARAMETER,
    { name: 'Name', type: 'switch', help: 'Writes only the names (relative paths).' },
    // FileSystem dynamic parameters in pwsh; here for every provider (the engine knows kinds).
    { name: 'File', type: 'switch', aliases: ['af'], help: 'Only leaves (files).' },
    { name: 'Directory', type: 'switch', aliases: ['ad'], help: 'Only containers (folders).' },
    {
      name: 'Hidden',
      type: 'switch',
      aliases: ['ah'],
      help: 'Only hidden items (implies -Force).',
    },
  ],
  defaultParameterSet: 'Path',
  examples: [
    { code: 'Get-ChildItem', remarks: 'The items in the current location.' },
    {
      code: 'dir JAFS:\\Jotta\\Archive -Recurse -Include *.jpg',
      remarks: 'All photos, all levels.',
    },
    { code: 'gci -Name -Force', remarks: 'Names only, hidden items included.' },
  ],
  dynamicParameters: providerDynamicParameters('Get-ChildItem'),
  async process(ctx) {
    const params = ctx.params;
    const depth = params.Depth === undefined ? undefined : Number(params.Depth);
    const recurse = params.Recurse === true || depth !== undefined;
    const { paths, literal } = targetPaths(params, '.');

    for (const typed of paths) {
      const { path, leafPattern } = recurse && !literal ? recursiveLeaf(typed) : { path: typed };
      await listPath(ctx, { paths: [path], literal }, { recurse, depth, leafPattern });
    }
  },
};

/**
 * `Get-ChildItem *.txt -Recurse`: PowerShell matches a wildcard leaf at every level below its
 * parent, so the leaf becomes a name pattern and the parent is what gets listed.
 */
function recursiveLeaf(path: string): { path: string; leafPattern?: string } {
  const { container, prefix } = splitPartial(path);
  if (!WildcardPattern.containsWildcard(prefix)) return { path };
  return { path: container === '' ? '.' : container, leafPattern: prefix };
}

async function listPath(
  ctx: CmdletContext,
  paths: { paths: string[]; literal: boolean },
  listing: { recurse: boolean; depth?: number; leafPattern?: string },
) {
  const engine = engineOf(ctx.session);
  const params = ctx.params;
  await forEachItem(
    ctx,
    paths,
    operationOptions(ctx),
    async (root) => {
      const options = {
        ...operationOptions(ctx, dynamicValues(ctx, 'Get-ChildItem', root.path)),
        ...(params.Hidden === true ? { force: true } : {}),
        ...listing,
        onError: (error: unknown, path: string) => ctx.writeError(error, path),
        include: strings(params.Include),
        exclude: strings(params.Exclude),
        filter: params.Filter === undefined ? undefined : String(params.Filter),
      };

      for await (const entry of engine.childItems(root, options)) {
        if (params.File === true && entry.item.isContainer) continue;
        if (params.Directory === true && !entry.item.isContainer) continue;
        if (params.Hidden === true && !entry.item.hidden) continue;
        await ctx.write(params.Name === true ? entry.relative : engine.toPipelineObject(entry));
      }
    },
    false,
  );
}
