import { jottacloudFeatures } from '../../../../providers/jottacloud/index.js';
import type { ParameterDefinition } from '../../../core/parameters.js';
import type { CmdletDefinition } from '../../api.js';
import { pathParameters } from '../navigation/common.js';
import { featureContext, forEachTarget, typed } from './common.js';

const { REVISION_TYPE, listRevisions, restoreRevision } = jottacloudFeatures;

const REVISION_PARAMETER: ParameterDefinition = {
  name: 'Revision',
  type: 'int',
  mandatory: true,
  help: 'The revision number, as Get-ItemRevision lists it.',
};

/** Get-ItemRevision: the revisions Jottacloud keeps of a file, newest first. */
export const getItemRevision: CmdletDefinition = {
  name: 'Get-ItemRevision',
  synopsis: 'Lists the revisions Jottacloud keeps of files, newest first.',
  description:
    'Each upload of a file makes a new revision. Writes Number, State (COMPLETED, INCOMPLETE ' +
    'or CORRUPT), Size, MD5, Modified, Updated and Current (the revision reads return).',
  parameters: [...pathParameters({ mandatory: true })],
  defaultParameterSet: 'Path',
  examples: [
    { code: 'Get-ItemRevision JAFS:\\Jotta\\Archive\\notes.txt', remarks: 'A table of revisions.' },
    {
      code: 'Get-ChildItem JAFS:\\Jotta\\Archive -File | Get-ItemRevision',
      remarks: 'Revisions of every file in Archive.',
    },
  ],
  async process(ctx) {
    await forEachTarget(ctx, async (target) => {
      const provider = featureContext(ctx, target.path, 'Get-ItemRevision');
      for (const revision of await listRevisions(target.path.providerPath, provider)) {
        await ctx.write(typed(revision, REVISION_TYPE));
      }
    });
  },
};

/** Restore-ItemRevision: makes an old revision of a file its newest one. */
export const restoreItemRevision: CmdletDefinition = {
  name: 'Restore-ItemRevision',
  synopsis: 'Makes an older revision of a Jottacloud file its current content again.',
  description:
    'Jottacloud has no verb for this, so the old revision is uploaded again as a new revision ' +
    '(with its MD5, size and modification time). The service usually still stores those bytes ' +
    'and takes them without a transfer; otherwise they are streamed from the old revision. ' +
    'The revisions in between are kept. Writes the file’s revisions afterwards with -PassThru.',
  parameters: [
    ...pathParameters({ mandatory: true }),
    REVISION_PARAMETER,
    { name: 'PassThru', type: 'switch', help: 'Writes the file’s revisions afterwards.' },
  ],
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  examples: [
    {
      code: 'Restore-ItemRevision JAFS:\\Jotta\\Archive\\notes.txt -Revision 1',
      remarks: 'notes.txt reads as its first upload again (as a new revision).',
    },
  ],
  async process(ctx) {
    const number = Number(ctx.params.Revision);
    await forEachTarget(ctx, async (target) => {
      const provider = featureContext(ctx, target.path, 'Restore-ItemRevision');
      const action = `Restore revision ${number}`;
      if (!(await ctx.shouldProcess(target.path.display, action))) return;

      await restoreRevision(target.path.providerPath, number, provider);
      if (ctx.params.PassThru !== true) return;
      for (const revision of await listRevisions(target.path.providerPath, provider)) {
        await ctx.write(typed(revision, REVISION_TYPE));
      }
    });
  },
};
