import type { CmdletContext } from '../../api.js';
import { JafsError } from '../../../core/errors.js';
import { invokeForCmdlet } from '../../runtime/context.js';
import { ScriptBlock } from '../../runtime/values.js';

/** A delay-bind script block given where no item is piped in (PowerShell's own message). */
export class ScriptBlockWithoutInputError extends JafsError {
  constructor(parameter: string) {
    super(
      `Cannot evaluate parameter '${parameter}' because its argument is specified as a script ` +
        'block and there is no input. A script block cannot be evaluated without input.',
      {
        code: 'EBIND_SCRIPTBLOCK',
        errorId: 'ScriptBlockArgumentNoInput',
        category: 'InvalidArgument',
        targetObject: parameter,
      },
    );
  }
}

/**
 * The value of a parameter that takes piped items by property name, with PowerShell's
 * delay-bind script blocks: in `gci *.log | Rename-Item -NewName { $_.BaseName + '.txt' }` the
 * block runs once per piped item with `$_` set to it, and its output is the value. Such a
 * parameter must be declared `object` so that the binder hands the block over unchanged.
 */
export async function delayBound(ctx: CmdletContext, parameter: string): Promise<unknown> {
  const value = ctx.params[parameter];
  if (!(value instanceof ScriptBlock)) return value;
  if (!ctx.expectingInput) throw new ScriptBlockWithoutInputError(parameter);

  const output = await invokeForCmdlet(ctx, value, { input: ctx.input });
  return output.length === 1 ? output[0] : output.join('');
}
