import type { CmdletDefinition } from '../../api.js';
import {
  FILTER_PARAMETERS,
  FORCE_PARAMETER,
  actionName,
  dynamicImpact,
  dynamicValues,
  engineOf,
  forEachItem,
  operationOptions,
  pathParameters,
  providerDynamicParameters,
  targetPaths,
} from './common.js';

/** Remove-Item: deletes items; asks before removing a container's children without -Recurse. */
export const removeItem: CmdletDefinition = {
  name: 'Remove-Item',
  aliases: ['del', 'erase', 'rd', 'ri', 'rm', 'rmdir'],
  synopsis: 'Deletes items (files, folders; on JAFS to Trash unless -Permanent).',
  parameters: [
    ...pathParameters({ mandatory: true }),
    ...FILTER_PARAMETERS,
    { name: 'Recurse', type: 'switch', help: 'Removes containers with everything in them.' },
    FORCE_PARAMETER,
  ],
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  examples: [
    { code: 'Remove-Item *.tmp', remarks: 'Every .tmp file here.' },
    { code: 'Get-ChildItem old | Remove-Item -Recurse', remarks: 'Piped items, by PSPath.' },
  ],
  dynamicParameters: providerDynamicParameters('Remove-Item'),
  async process(ctx) {
    const engine = engineOf(ctx.session);
    const base = operationOptions(ctx);

    await forEachItem(ctx, targetPaths(ctx.params), base, async (target) => {
      const provider = target.path.drive.provider.name;
      const options = operationOptions(ctx, dynamicValues(ctx, 'Remove-Item', target.path));
      const action = actionName('Remove', target.item, provider);
      engine.assertNotInUse(target);
      const impact = dynamicImpact(ctx, 'Remove-Item', target.path);
      if (!(await ctx.shouldProcess(target.path.display, action, impact))) return;

      let recurse = ctx.params.Recurse === true;
      if (!recurse && (await engine.hasChildren(target, options))) {
        const query =
          `The item at ${target.path.display} has children and the Recurse parameter was not ` +
          'specified. If you continue, all children will be removed with the item. Are you ' +
          'sure you want to continue?';
        if (!(await ctx.shouldContinue(query, 'Confirm'))) return;
        recurse = true;
      }

      await engine.removeItem(target, recurse, options);
    });
  },
};
