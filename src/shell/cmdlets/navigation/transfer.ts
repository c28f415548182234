import type { CmdletDefinition } from '../../api.js';
import type { ParameterDefinition } from '../../../core/parameters.js';
import { ItemNotFoundError, ProviderArgumentError } from '../../../provider/errors.js';
import type { ResolvedItem } from '../../../provider/item-path.js';
import {
  FILTER_PARAMETERS,
  FORCE_PARAMETER,
  PASSTHRU_PARAMETER,
  actionName,
  dynamicValues,
  engineOf,
  forEachItem,
  operationOptions,
  pathParameters,
  providerDynamicParameters,
  targetPaths,
} from './common.js';
import { delayBound } from './delay-bind.js';

const DESTINATION: ParameterDefinition = {
  name: 'Destination',
  // `object`, not `string`: a delay-bind script block must reach the cmdlet as a block.
  type: 'object',
  position: 1,
  valueFromPipelineByPropertyName: true,
  help: 'Where to put the items (default: the current location); no wildcards.',
};

/**
 * Copy-Item. Within a drive the provider copies; between drives, even between providers
 * (local disk ↔ JAFS: upload and download), the engine streams the content, skipping files that
 * are already identical. That cross-provider copy is our extension: PowerShell refuses it.
 */
export const copyItem: CmdletDefinition = {
  name: 'Copy-Item',
  aliases: ['copy', 'cpi', 'cp'],
  synopsis: 'Copies items, also between drives of different providers (upload/download).',
  parameters: [
    ...pathParameters({ mandatory: true }),
    DESTINATION,
    { name: 'Recurse', type: 'switch', help: 'Copies containers with everything in them.' },
    { name: 'Container', type: 'switch', help: 'Keeps the container structure (always on).' },
    ...FILTER_PARAMETERS,
    FORCE_PARAMETER,
    PASSTHRU_PARAMETER,
  ],
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  examples: [
    { code: 'Copy-Item ~/Pictures JAFS:\\Jotta\\Archive -Recurse', remarks: 'Upload a folder.' },
    { code: 'copy JAFS:\\Jotta\\Archive\\a.pdf .', remarks: 'Download a file here.' },
  ],
  dynamicParameters: providerDynamicParameters('Copy-Item'),
  async process(ctx) {
    const engine = engineOf(ctx.session);
    const destination = String((await delayBound(ctx, 'Destination')) ?? '.');

    await forEachItem(ctx, targetPaths(ctx.params), operationOptions(ctx), async (source) => {
      const action = actionName('Copy', source.item, source.path.drive.provider.name);
      const target = `Item: ${source.path.display} Destination: ${destinationDisplay(ctx, destination)}`;
      if (!(await ctx.shouldProcess(target, action))) return;

      const options = {
        ...operationOptions(ctx, dynamicValues(ctx, 'Copy-Item', source.path)),
        recurse: ctx.params.Recurse === true,
        onError: (error: unknown, path: string) => ctx.writeError(error, path),
      };
      const copied = await engine.copyItem(source, destination, options);
      ctx.progress(undefined);
      if (ctx.params.PassThru === true && copied) await ctx.write(engine.toPipelineObject(copied));
    });
  },
};

/** Move-Item: within a drive by the provider; across drives by copying, then removing. */
export const moveItem: CmdletDefinition = {
  name: 'Move-Item',
  aliases: ['mi', 'move', 'mv'],
  synopsis: 'Moves items to another container (or drive).',
  parameters: [
    ...pathParameters({ mandatory: true }),
    DESTINATION,
    ...FILTER_PARAMETERS,
    FORCE_PARAMETER,
    PASSTHRU_PARAMETER,
  ],
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  examples: [{ code: 'Move-Item *.log old', remarks: 'Every log file into the folder old.' }],
  dynamicParameters: providerDynamicParameters('Move-Item'),
  async process(ctx) {
    const engine = engineOf(ctx.session);
    const destination = String((await delayBound(ctx, 'Destination')) ?? '.');

    await forEachItem(ctx, targetPaths(ctx.params), operationOptions(ctx), async (source) => {
      const action = actionName('Move', source.item, source.path.drive.provider.name);
      const target = `Item: ${source.path.display} Destination: ${destinationDisplay(ctx, destination)}`;
      if (!(await ctx.shouldProcess(target, action))) return;

      const options = operationOptions(ctx, dynamicValues(ctx, 'Move-Item', source.path));
      const moved = await engine.moveItem(source, destination, options);
      if (ctx.params.PassThru === true && moved) await ctx.write(engine.toPipelineObject(moved));
    });
  },
};

/** Rename-Item: a new name in the same container (never a move). */
export const renameItem: CmdletDefinition = {
  name: 'Rename-Item',
  aliases: ['ren', 'rni'],
  synopsis: 'Renames an item within its container.',
  parameters: [
    { ...pathParameters({ mandatory: true })[0], type: 'string', acceptsWildcards: false },
    { ...pathParameters()[1], type: 'string' },
    {
      name: 'NewName',
      type: 'object',
      position: 1,
      mandatory: true,
      valueFromPipelineByPropertyName: true,
      help: 'The new name (a name, not a path).',
    },
    FORCE_PARAMETER,
    PASSTHRU_PARAMETER,
  ],
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  examples: [{ code: 'Rename-Item draft.txt final.txt', remarks: 'A new name.' }],
  dynamicParameters: providerDynamicParameters('Rename-Item'),
  async process(ctx) {
    const engine = engineOf(ctx.session);
    const { paths, literal } = targetPaths(ctx.params);
    const path = paths[0];
    const newName = String((await delayBound(ctx, 'NewName')) ?? '');

    let found: ResolvedItem[];
    try {
      found = await engine.resolve(path, { ...operationOptions(ctx), literal });
    } catch (error) {
      if (!(error instanceof ItemNotFoundError)) throw error;
      found = [];
    }

    if (found.length !== 1) {
      const message =
        found.length === 0
          ? `Cannot rename because item at '${path}' does not exist.`
          : 'Cannot rename item because the path resolved to multiple items. ' +
            'Only one item can be renamed at a time.';
      ctx.writeError(new ProviderArgumentError(message, 'InvalidOperation', path), path);
      return;
    }

    const [source] = found;
    const action = actionName('Rename', source.item, source.path.drive.provider.name);
    const target = `Item: ${source.path.display} Destination: ${newName}`;
    if (!(await ctx.shouldProcess(target, action))) return;

    try {
      const options = operationOptions(ctx, dynamicValues(ctx, 'Rename-Item', source.path));
      const renamed = await engine.renameItem(source, newName, options);
      if (ctx.params.PassThru === true) await ctx.write(engine.toPipelineObject(renamed));
    } catch (error) {
      ctx.writeError(error, source.path.display);
    }
  },
};

function destinationDisplay(
  ctx: Parameters<NonNullable<CmdletDefinition['process']>>[0],
  text: string,
) {
  try {
    return engineOf(ctx.session).lexicalPath(text).display;
  } catch {
    return text;
  }
}
