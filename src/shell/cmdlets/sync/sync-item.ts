import type { CmdletContext, CmdletDefinition } from '../../api.js';
import type { ParameterDefinition } from '../../../core/parameters.js';
import { withTypeNames } from '../../../core/psobject.js';
import type { ItemPath, ResolvedItem } from '../../../provider/item-path.js';
import { ProviderArgumentError } from '../../../provider/errors.js';
import {
  DEFAULT_PARALLEL,
  SyncIncompleteError,
  syncItem,
  type SyncCounts,
} from '../../../sync/index.js';
import { engineOf, operationOptions, strings } from '../navigation/common.js';

/** Type name of the object Sync-Item writes at the end. */
export const SYNC_SUMMARY_TYPE = 'Jafs.SyncSummary';

const PARAMETERS: readonly ParameterDefinition[] = [
  {
    name: 'Path',
    type: 'string',
    position: 0,
    mandatory: true,
    valueFromPipelineByPropertyName: true,
    acceptsWildcards: true,
    parameterSets: ['Path'],
    help: 'The folder to mirror (the source); a wildcard must match exactly one folder.',
  },
  {
    name: 'LiteralPath',
    type: 'string',
    mandatory: true,
    aliases: ['PSPath', 'LP'],
    valueFromPipelineByPropertyName: true,
    parameterSets: ['LiteralPath'],
    help: 'The source folder, used exactly as written (no wildcards).',
  },
  {
    name: 'Destination',
    type: 'string',
    position: 1,
    mandatory: true,
    help: 'The folder made equal to the source; created when missing.',
  },
  { name: 'Delete', type: 'switch', help: 'Also removes destination items the source lacks.' },
  {
    name: 'Permanent',
    type: 'switch',
    help:
      'With -Delete on JAFS: delete for good instead of moving to Trash (the interactive ' +
      'shell asks before each such deletion).',
  },
  { name: 'Include', type: 'string[]', acceptsWildcards: true, help: 'File names to sync.' },
  {
    name: 'Exclude',
    type: 'string[]',
    acceptsWildcards: true,
    help: 'File and folder names to leave alone on both sides (a folder with all below it).',
  },
  {
    name: 'Force',
    type: 'switch',
    help:
      'Allows -Delete when the source is empty (otherwise refused to protect backups), and ' +
      'deletes with -Permanent without asking.',
  },
  {
    name: 'ThrottleLimit',
    type: 'int',
    help: `Files transferred at once (default ${DEFAULT_PARALLEL}).`,
  },
];

/**
 * Sync-Item: a one-way mirror (rclone sync) between any two providers with content. New and
 * changed files (size or MD5 differ) are copied, missing folders created, and with -Delete
 * whatever the source lacks is removed (to Trash on JAFS: unless -Permanent). Writes a
 * `Jafs.SyncSummary`, and ends with a non-terminating error when any item failed.
 */
export const syncItemCmdlet: CmdletDefinition = {
  name: 'Sync-Item',
  aliases: ['sync'],
  synopsis: 'Makes a destination folder equal to a source folder (one-way mirror).',
  description:
    'Compares both trees and copies new and changed files (size, then MD5; local files are ' +
    'hashed only when sizes match), creates missing folders and, with -Delete, removes what ' +
    'the source lacks (after the copies). -WhatIf prints the plan with sizes; -Confirm asks ' +
    'for each change. Refuses folders inside each other, and -Delete from an empty source ' +
    'unless -Force. Ctrl+C stops cleanly; running it again continues.',
  parameters: PARAMETERS,
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  examples: [
    {
      code: 'Sync-Item ~/Pictures JAFS:\\Jotta\\Archive\\Pictures -Delete',
      remarks: 'Mirror a folder to Jottacloud; deleted files go to Trash there.',
    },
    {
      code: 'sync ./src JAFS:\\Jotta\\Archive\\src -Exclude node_modules,*.tmp -WhatIf',
      remarks: 'Show what would be sent, leaving node_modules and .tmp files out.',
    },
    {
      code: '$s = Sync-Item JAFS:\\Jotta\\Archive\\docs ~/restore; $s.Failed',
      remarks: 'Restore to the local disk and read the summary.',
    },
  ],
  async process(ctx) {
    const engine = engineOf(ctx.session);
    const source = await resolveSource(ctx);
    const destination = engine.lexicalPath(String(ctx.params.Destination));

    const removeDynamic = removeValues(ctx, destination);
    const options = {
      ...operationOptions(ctx),
      delete: ctx.params.Delete === true,
      include: strings(ctx.params.Include),
      exclude: strings(ctx.params.Exclude),
      removeDynamic,
      deleteImpact: removeImpact(destination, removeDynamic),
      parallel: throttleLimit(ctx.params.ThrottleLimit),
    };

    try {
      const result = await syncItem(source, destination, options, {
        shouldProcess: (target, action, impact) => ctx.shouldProcess(target, action, impact),
        failed: (error, target) => ctx.writeError(error, target),
        removeItem: (target, recurse, removeOptions) =>
          engine.removeItem(target, recurse, removeOptions),
      });

      await ctx.write(summary(source, destination, result));
      if (result.Failed > 0) {
        ctx.writeError(new SyncIncompleteError(result.Failed, destination.display));
      }
    } finally {
      ctx.progress(undefined);
    }
  },
};

async function resolveSource(ctx: CmdletContext): Promise<ResolvedItem> {
  const engine = engineOf(ctx.session);
  const literal = ctx.params.LiteralPath !== undefined;
  const path = String(literal ? ctx.params.LiteralPath : ctx.params.Path);
  const found = await engine.resolve(path, { ...operationOptions(ctx), force: false, literal });
  if (found.length === 1) return found[0];

  const message =
    found.length === 0
      ? `Cannot sync '${path}': no item matches it.`
      : `Cannot sync '${path}': it matches ${found.length} items; name one folder.`;
  throw new ProviderArgumentError(message, 'SyncSourceNotUnique', path);
}

function throttleLimit(value: unknown): number {
  if (value === undefined) return DEFAULT_PARALLEL;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) {
    const message = `Cannot use -ThrottleLimit ${String(value)}: give a whole number of 1 or more.`;
    throw new ProviderArgumentError(message, 'SyncThrottleLimit', value);
  }

  return limit;
}

/** -Permanent, passed on as the destination provider's Remove-Item dynamic parameter. */
function removeValues(ctx: CmdletContext, destination: ItemPath): Record<string, unknown> {
  if (ctx.params.Permanent !== true) return {};
  const provider = destination.drive.provider;
  const known = provider.dynamicParameters?.('Remove-Item', destination.providerPath) ?? [];
  if (known.some((parameter) => parameter.name === 'Permanent')) return { Permanent: true };

  ctx.writeWarning(`-Permanent has no meaning on ${provider.name} drives; it is ignored.`);
  return {};
}

/** The ConfirmImpact the Remove-Item values raise deletions to (-Permanent on JAFS: High). */
function removeImpact(destination: ItemPath, values: Record<string, unknown>) {
  const provider = destination.drive.provider;
  const known = provider.dynamicParameters?.('Remove-Item', destination.providerPath) ?? [];
  return known.find((parameter) => values[parameter.name] === true && parameter.confirmImpact)
    ?.confirmImpact;
}

function summary(
  source: ResolvedItem,
  destination: ItemPath,
  result: SyncCounts & { durationMs: number },
) {
  const { durationMs, ...counts } = result;
  return withTypeNames(
    {
      Source: source.path.display,
      Destination: destination.display,
      ...counts,
      // Seconds, as a number scripts can compare and add up (the shell has no TimeSpan).
      Duration: Math.round(durationMs) / 1000,
    },
    SYNC_SUMMARY_TYPE,
  );
}
