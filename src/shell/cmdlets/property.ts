import type { CmdletContext } from '../api.js';
import { ScriptRuntimeError } from '../errors.js';
import { wildcardToRegExp, hasWildcard } from '../runtime/compare.js';
import { invokeForCmdlet } from '../runtime/context.js';
import { getMember } from '../runtime/members.js';
import { Hashtable, propertiesOf, ScriptBlock, toStr, unwrap } from '../runtime/values.js';

/** A property selector: a name (maybe with wildcards), a script block, or `@{n=…; e=…}`. */
export interface PropertySpec {
  name: string;
  get(ctx: CmdletContext, input: unknown): Promise<unknown>;
  /** Extra keys of a calculated property (`Ascending`/`Descending` for Sort-Object, widths…). */
  options?: Hashtable;
}

/** Turns -Property values into selectors, expanding wildcards against `sample`. */
export function propertySpecs(raw: unknown, sample: unknown): PropertySpec[] {
  const items = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
  const specs: PropertySpec[] = [];
  for (const item of items) {
    if (item instanceof ScriptBlock) {
      specs.push({ name: item.toString().trim(), get: (ctx, input) => runBlock(ctx, item, input) });
    } else if (item instanceof Hashtable) {
      specs.push(calculated(item));
    } else {
      const name = toStr(item);
      if (hasWildcard(name)) {
        const pattern = wildcardToRegExp(name);
        for (const property of propertiesOf(sample)) {
          if (pattern.test(property))
            specs.push({ name: property, get: async (_ctx, input) => getMember(input, property) });
        }
      } else {
        specs.push({
          name: realName(sample, name),
          get: async (_ctx, input) => getMember(input, name),
        });
      }
    }
  }
  return specs;
}

function realName(sample: unknown, name: string): string {
  return propertiesOf(sample).find((p) => p.toLowerCase() === name.toLowerCase()) ?? name;
}

async function runBlock(ctx: CmdletContext, block: ScriptBlock, input: unknown): Promise<unknown> {
  return unwrap(await invokeForCmdlet(ctx, block, { input }));
}

function calculated(table: Hashtable): PropertySpec {
  let name: string | undefined;
  let expression: unknown;
  for (const { key, value } of table.pairs()) {
    const k = toStr(key).toLowerCase();
    if ('name'.startsWith(k) || 'label'.startsWith(k)) name = toStr(value);
    else if ('expression'.startsWith(k)) expression = value;
  }
  if (expression === undefined) {
    if (table.has('ascending') || table.has('descending')) expression = name;
    else
      throw new ScriptRuntimeError(
        'The "Expression" key is missing from the calculated property.',
        'DictionaryKeyMissing',
        'InvalidArgument',
      );
  }
  const label =
    name ?? (expression instanceof ScriptBlock ? expression.toString().trim() : toStr(expression));
  return {
    name: label,
    options: table,
    get: (ctx, input) =>
      expression instanceof ScriptBlock
        ? runBlock(ctx, expression, input)
        : Promise.resolve(getMember(input, toStr(expression))),
  };
}
