import { jottacloudFeatures } from '../../../../providers/jottacloud/index.js';
import type { CmdletDefinition } from '../../api.js';
import { engineOf } from '../navigation/common.js';
import { driveRoot, featureContext } from './common.js';

/** How many files Get-JottacloudLatest lists unless -Max says otherwise (the web app's 10). */
const DEFAULT_MAX = 10;

/** Get-JottacloudLatest: the most recently updated files of the account. */
export const getJottacloudLatest: CmdletDefinition = {
  name: 'Get-JottacloudLatest',
  synopsis: 'Lists the most recently updated files of a Jottacloud account, newest first.',
  description:
    'Reads the Latest view (any device, live files only). Writes file items like ' +
    'Get-ChildItem does, each with its OriginalPath, so they pipe into Copy-Item or Get-Content.',
  parameters: [
    { name: 'Max', type: 'int', position: 0, help: `How many files (default ${DEFAULT_MAX}).` },
    {
      name: 'Drive',
      type: 'string',
      help: 'The Jottacloud drive whose account is listed (default JAFS:, or the current one).',
    },
  ],
  examples: [
    { code: 'Get-JottacloudLatest', remarks: 'The ten newest files.' },
    {
      code: 'Get-JottacloudLatest -Max 50 | Select-Object Name, LastWriteTime, OriginalPath',
      remarks: 'Fifty, as a table.',
    },
  ],
  async process(ctx) {
    const root = driveRoot(ctx, ctx.params.Drive);
    const provider = featureContext(ctx, root, 'Get-JottacloudLatest');
    const max = ctx.params.Max === undefined ? DEFAULT_MAX : Number(ctx.params.Max);
    const engine = engineOf(ctx.session);

    for (const found of await jottacloudFeatures.latestItems(max, provider)) {
      await ctx.write(engine.toPipelineObject(found));
    }
  },
};
