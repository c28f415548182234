import type { CmdletDefinition } from '../../api.js';
import type { ProviderEngine } from '../../../provider/engine.js';
import type { ItemPath } from '../../../provider/item-path.js';
import { need } from '../../../provider/item-operations.js';
import {
  callProvider,
  contextFor,
  type OperationOptions,
} from '../../../provider/provider-call.js';
import { WildcardPattern } from '../../../provider/wildcard.js';
import { toStr } from '../../runtime/values.js';
import { engineOf, strings } from './common.js';

/**
 * Set-Item: gives items a value, for providers whose items are values (Env:). A literal path
 * may name an item that does not exist yet (it is created, as `$env:NAME = …` does); a
 * wildcard path changes the items it matches. The file system has no item values: there the
 * provider's "does not support this operation" error is reported.
 */
export const setItem: CmdletDefinition = {
  name: 'Set-Item',
  aliases: ['si'],
  synopsis: 'Gives items a value (environment variables on Env:).',
  parameters: [
    {
      name: 'Path',
      type: 'string[]',
      position: 0,
      mandatory: true,
      acceptsWildcards: true,
      valueFromPipelineByPropertyName: true,
      help: 'The items to set; one that does not exist is created.',
    },
    {
      name: 'Value',
      type: 'object',
      position: 1,
      valueFromPipeline: true,
      help: 'The new value.',
    },
    { name: 'PassThru', type: 'switch', help: 'Writes each item as it is afterwards.' },
    { name: 'Force', type: 'switch', help: 'Also hidden items.' },
  ],
  supportsShouldProcess: true,
  examples: [
    { code: 'Set-Item Env:\\EDITOR vim', remarks: 'Sets an environment variable ($env:EDITOR).' },
  ],
  async process(ctx) {
    const engine = engineOf(ctx.session);
    const value = ctx.params.Value;
    const options = { signal: ctx.signal, force: ctx.params.Force === true };
    for (const typed of strings(ctx.params.Path)) {
      try {
        for (const target of await targets(engine, typed, options)) {
          const action = `Item: ${target.display} Value: ${value == null ? '' : toStr(value)}`;
          if (!(await ctx.shouldProcess(action, 'Set Item'))) continue;
          const item = await setOne(target, value, options);
          if (ctx.params.PassThru) await ctx.write(engine.toPipelineObject({ path: target, item }));
        }
      } catch (error) {
        ctx.writeError(error, typed);
      }
    }
  },
};

/** The places a typed path names: the matches of a wildcard, else the one place it names. */
async function targets(
  engine: ProviderEngine,
  typed: string,
  options: OperationOptions,
): Promise<ItemPath[]> {
  if (!WildcardPattern.containsWildcard(typed)) return [engine.lexicalPath(typed, false)];
  return (await engine.resolve(typed, options)).map((found) => found.path);
}

function setOne(target: ItemPath, value: unknown, options: OperationOptions) {
  const set = need(target.drive.provider, 'setItem', target);
  const ctx = contextFor(target.drive, options);
  return callProvider('SetItem', target, () => set(target.providerPath, value, ctx));
}
