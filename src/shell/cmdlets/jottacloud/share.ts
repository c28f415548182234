import { jottacloudFeatures } from '../../../../providers/jottacloud/index.js';
import type { CmdletDefinition } from '../../api.js';
import { pathParameters } from '../navigation/common.js';
import { driveRoot, featureContext, forEachTarget, typed } from './common.js';

const { SHARE_TYPE, listShares, setShare } = jottacloudFeatures;

/** Enable-ItemShare / Disable-ItemShare: one definition each, differing in the switch. */
function shareCmdlet(enable: boolean): CmdletDefinition {
  const verb = enable ? 'Enable' : 'Disable';
  return {
    name: `${verb}-ItemShare`,
    synopsis: enable
      ? 'Turns on the public link of Jottacloud files or folders and writes the link.'
      : 'Turns off the public link of Jottacloud files or folders.',
    description: enable
      ? 'Anyone with the link can download the item (a folder as a zip). The link is ' +
        '<web>/opin/io/downloadPublic/<user>/<id>; turning it off and on again makes a new id.'
      : 'The old link stops working at once. Writes the item with Shared False.',
    parameters: [...pathParameters({ mandatory: true })],
    defaultParameterSet: 'Path',
    supportsShouldProcess: true,
    examples: [
      {
        code: `${verb}-ItemShare JAFS:\\Jotta\\Archive\\report.pdf`,
        remarks: enable ? 'Shares the file; the output holds PublicLink.' : 'Stops sharing it.',
      },
      {
        code: `${verb}-ItemShare JAFS:\\Jotta\\Archive\\Photos`,
        remarks: enable ? 'Shares a whole folder (downloaded as a zip).' : 'Stops sharing it.',
      },
      {
        code: `Get-ChildItem JAFS:\\Jotta\\Archive\\*.pdf | ${verb}-ItemShare`,
        remarks: 'Every PDF in Archive.',
      },
    ],
    async process(ctx) {
      await forEachTarget(ctx, async (target) => {
        const provider = featureContext(ctx, target.path, `${verb}-ItemShare`);
        const action = enable ? 'Enable public link' : 'Disable public link';
        if (!(await ctx.shouldProcess(target.path.display, action))) return;

        const share = await setShare(target.path.providerPath, enable, provider);
        await ctx.write(typed(share, SHARE_TYPE));
      });
    },
  };
}

export const enableItemShare = shareCmdlet(true);
export const disableItemShare = shareCmdlet(false);

/** Get-ItemShare: the files of the account that have a public link (the Links view). */
export const getItemShare: CmdletDefinition = {
  name: 'Get-ItemShare',
  synopsis: 'Lists the Jottacloud files and folders that have a public link, with the links.',
  description:
    'Reads the Links view of the account behind the drive: shared folders first, then files ' +
    '(ItemType says which). Trashed items whose link is still on are listed with a Deleted date.',
  parameters: [
    {
      name: 'Drive',
      type: 'string',
      position: 0,
      help: 'The Jottacloud drive whose account is listed (default JAFS:, or the current one).',
    },
  ],
  examples: [
    { code: 'Get-ItemShare', remarks: 'Every shared file and folder of the JAFS: account.' },
    {
      code: 'Get-ItemShare | Disable-ItemShare',
      remarks: 'Stops sharing everything (piped by Path).',
    },
  ],
  async process(ctx) {
    const root = driveRoot(ctx, ctx.params.Drive);
    const provider = featureContext(ctx, root, 'Get-ItemShare');
    for (const share of await listShares(provider)) await ctx.write(typed(share, SHARE_TYPE));
  },
};
