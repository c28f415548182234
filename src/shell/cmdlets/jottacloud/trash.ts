import { jottacloudFeatures } from '../../../../providers/jottacloud/index.js';
import type { CmdletDefinition } from '../../api.js';
import { strings } from '../navigation/common.js';
import { driveRoot, featureContext, placeOf, typed } from './common.js';

/** Type name of the summaries Restore-Item and Clear-RecycleBin write. */
export const TRASH_SUMMARY_TYPE = 'Jafs.Jottacloud.TrashSummary';

/**
 * Restore-Item: brings trashed files and folders back at their original paths. A piped Trash
 * entry binds by its OriginalPath.
 */
export const restoreItem: CmdletDefinition = {
  name: 'Restore-Item',
  synopsis: 'Brings files and folders back from the Jottacloud Trash to where they were.',
  description:
    'Takes the original path of a trashed file or folder, its path in the Trash view, or items ' +
    'piped from Get-ChildItem JAFS:\\Jotta\\Trash -Force (by their OriginalPath). A file is ' +
    'revived with its content. Jottacloud has no folder restore, so a trashed folder is made ' +
    'again and every trashed file and folder it held is restored into it; its emptied entry ' +
    'stays listed in Trash until Trash is emptied. A single file of a trashed folder can be ' +
    'restored alone, but the folder is then made again for it and the rest of it can no longer ' +
    'be restored by path (a warning says so). Writes what was restored, at its original path.',
  parameters: [
    {
      name: 'Path',
      type: 'string[]',
      position: 0,
      mandatory: true,
      // A piped Trash file binds its OriginalPath; anything else its PSPath.
      aliases: ['OriginalPath', 'PSPath'],
      valueFromPipelineByPropertyName: true,
      help: 'Original paths of the trashed items (as they were before Remove-Item).',
    },
  ],
  supportsShouldProcess: true,
  examples: [
    {
      code: 'Restore-Item JAFS:\\Jotta\\Archive\\report.docx',
      remarks: 'Revives the trashed file at its original path.',
    },
    {
      code: "Get-ChildItem JAFS:\\Jotta\\Trash -Force | Where-Object Name -like '*.jpg' | Restore-Item",
      remarks: 'Restores every trashed .jpg file, each to its own folder.',
    },
    {
      code: 'Restore-Item JAFS:\\Jotta\\Archive\\Photos',
      remarks: 'Recreates the trashed folder Photos with the files and folders it held.',
    },
    {
      code: 'Restore-Item JAFS:\\Jotta\\Trash\\Photos',
      remarks: 'The same, named through the Trash view.',
    },
  ],
  async process(ctx) {
    for (const path of strings(ctx.params.Path)) {
      try {
        const place = placeOf(ctx, path);
        const provider = featureContext(ctx, place, 'Restore-Item');
        if (!(await ctx.shouldProcess(place.display, 'Restore from Trash'))) continue;

        const {
          path: restored,
          files,
          folders,
        } = await jottacloudFeatures.restoreFromTrash(place.providerPath, provider);
        await ctx.write(
          typed({ Path: restored, Files: files, Folders: folders }, TRASH_SUMMARY_TYPE),
        );
      } catch (error) {
        ctx.writeError(error, path);
      }
    }
  },
};

/** Clear-RecycleBin: empties the Trash of a Jottacloud account for good. */
export const clearRecycleBin: CmdletDefinition = {
  name: 'Clear-RecycleBin',
  aliases: ['Clear-JottacloudTrash'],
  synopsis: 'Empties the Jottacloud Trash for good (asks first unless -Force).',
  description:
    'Deletes everything in the Trash of the account behind the drive, permanently; it cannot ' +
    'be undone. Asks for confirmation unless -Force or -Confirm:$false is given. Writes how ' +
    'many files and folders the service removed.',
  parameters: [
    {
      name: 'DriveLetter',
      type: 'string',
      position: 0,
      aliases: ['Drive'],
      help: 'The Jottacloud drive whose account is emptied (default JAFS:, or the current one).',
    },
    { name: 'Force', type: 'switch', help: 'Empties the Trash without asking.' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'High',
  examples: [
    { code: 'Clear-RecycleBin -Drive JAFS', remarks: 'Asks, then empties the Trash.' },
    { code: 'Clear-RecycleBin -Drive JAFS -Force', remarks: 'Empties it without asking.' },
    { code: 'Clear-RecycleBin -WhatIf', remarks: 'Says what would happen; nothing is deleted.' },
  ],
  async process(ctx) {
    const root = driveRoot(ctx, ctx.params.DriveLetter);
    const provider = featureContext(ctx, root, 'Clear-RecycleBin');
    const target = `Trash of ${root.drive.name}:`;

    // ConfirmImpact High: asks unless -Force or -Confirm:$false; -WhatIf only reports.
    if (!(await ctx.shouldProcess(target, 'Clear-RecycleBin'))) return;

    const summary = await jottacloudFeatures.emptyTrash(provider);
    await ctx.write(typed({ Path: target, ...summary }, TRASH_SUMMARY_TYPE));
  },
};
