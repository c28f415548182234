import { withTypeNames } from '../../core/psobject.js';
import type { CmdletDefinition } from '../api.js';
import { JafsError } from '../../core/errors.js';
import { hasWildcard, wildcardToRegExp } from '../runtime/compare.js';
import { runtimeOf } from '../runtime/context.js';
import { toArray, toStr } from '../runtime/values.js';
import { param } from './define.js';

class VariableNotFoundError extends JafsError {
  constructor(name: string) {
    super(`Cannot find a variable with the name '${name}'.`, {
      code: 'ENOVARIABLE',
      errorId: 'VariableNotFound',
      category: 'ObjectNotFound',
      targetObject: name,
    });
  }
}

export const variableCmdlets: CmdletDefinition[] = [
  {
    name: 'Get-Variable',
    aliases: ['gv'],
    synopsis: 'Gets the variables in the current scope.',
    parameters: [
      param('Name', 'string[]', { position: 0, acceptsWildcards: true }),
      param('ValueOnly', 'switch'),
    ],
    examples: [
      { code: 'Get-Variable -Name Error*', remarks: 'Variables whose names start with Error.' },
    ],
    async process(ctx) {
      const scope = runtimeOf(ctx).st.scope;
      const visible = scope
        .all()
        .sort((a, b) => a.name.localeCompare(b.name, 'en-US', { sensitivity: 'base' }));
      const names = ctx.params.Name === undefined ? ['*'] : toArray(ctx.params.Name).map(toStr);
      for (const name of names) {
        const pattern = wildcardToRegExp(name);
        const found = visible.filter((v) => pattern.test(v.name));
        if (found.length === 0 && !hasWildcard(name))
          ctx.writeError(new VariableNotFoundError(name), name);
        for (const variable of found) {
          const value =
            variable.name.toLowerCase() === 'error'
              ? ctx.session.getVariable('Error')
              : variable.value;
          await ctx.write(
            ctx.params.ValueOnly === true
              ? value
              : withTypeNames(
                  { Name: variable.name, Value: value },
                  'System.Management.Automation.PSVariable',
                ),
          );
        }
      }
    },
  },
  {
    name: 'Set-Variable',
    aliases: ['sv', 'set'],
    synopsis: 'Sets the value of a variable, creating it when needed.',
    parameters: [
      param('Name', 'string[]', { position: 0, mandatory: true }),
      param('Value', 'object', { position: 1, valueFromPipeline: true }),
      param('PassThru', 'switch'),
    ],
    async process(ctx) {
      const scope = runtimeOf(ctx).st.scope;
      for (const name of toArray(ctx.params.Name).map(toStr)) {
        scope.set(name, ctx.params.Value ?? null);
        if (ctx.params.PassThru === true)
          await ctx.write(
            withTypeNames(
              { Name: name, Value: ctx.params.Value },
              'System.Management.Automation.PSVariable',
            ),
          );
      }
    },
  },
  {
    name: 'Remove-Variable',
    aliases: ['rv'],
    synopsis: 'Deletes a variable.',
    parameters: [param('Name', 'string[]', { position: 0, mandatory: true })],
    process(ctx) {
      const scope = runtimeOf(ctx).st.scope;
      for (const name of toArray(ctx.params.Name).map(toStr)) {
        if (!scope.remove(name)) ctx.writeError(new VariableNotFoundError(name), name);
      }
    },
  },
];
