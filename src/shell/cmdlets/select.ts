import type { CmdletContext, CmdletDefinition } from '../api.js';
import { withTypeNames, typeNamesOf } from '../../core/psobject.js';
import { ScriptRuntimeError } from '../errors.js';
import { areEqual } from '../runtime/compare.js';
import { localsOf } from '../runtime/context.js';
import { StopUpstream } from '../runtime/flow.js';
import { getMember } from '../runtime/members.js';
import { propertiesOf, toArray, toNumber } from '../runtime/values.js';
import { INPUT_OBJECT, param } from './define.js';
import { propertySpecs } from './property.js';

async function project(ctx: CmdletContext, input: unknown): Promise<unknown[]> {
  const p = ctx.params;
  if (typeof p.ExpandProperty === 'string') {
    const name = p.ExpandProperty;
    if (
      !propertiesOf(input).some((k) => k.toLowerCase() === name.toLowerCase()) &&
      !/^(count|length)$/i.test(name)
    ) {
      throw new ScriptRuntimeError(
        `Property "${name}" cannot be found.`,
        'ExpandPropertyNotFound',
        'InvalidArgument',
      );
    }
    const value = getMember(input, name);
    return Array.isArray(value) ? value : [value];
  }
  if (p.Property === undefined) return [input];

  const specs = propertySpecs(p.Property, input);
  const excluded = toArray(p.ExcludeProperty ?? []).map((e) => String(e).toLowerCase());
  const record: Record<string, unknown> = {};
  for (const spec of specs) {
    if (excluded.includes(spec.name.toLowerCase())) continue;
    record[spec.name] = await spec.get(ctx, input);
  }
  const original = typeNamesOf(input)[0];
  return [
    withTypeNames(record, `Selected.${original}`, 'System.Management.Automation.PSCustomObject'),
  ];
}

/** Select-Object: projection, expansion and -First/-Last/-Skip/-Unique/-Index. */
export const selectCmdlet: CmdletDefinition = {
  name: 'Select-Object',
  aliases: ['select'],
  synopsis: 'Selects objects or object properties.',
  parameters: [
    { ...INPUT_OBJECT },
    param('Property', 'object[]', {
      position: 0,
      help: 'Property names, wildcards, or @{Name=…; Expression={…}}.',
    }),
    param('ExcludeProperty', 'string[]'),
    param('ExpandProperty', 'string'),
    param('Unique', 'switch'),
    param('First', 'int'),
    param('Last', 'int'),
    param('Skip', 'int'),
    param('SkipLast', 'int'),
    param('Index', 'object[]'),
  ],
  examples: [
    {
      code: 'Get-ChildItem | Select-Object Name, Length -First 3',
      remarks: 'Two properties of the first three items.',
    },
    {
      code: "Get-ChildItem | Select-Object @{n='KB'; e={ $_.Length / 1KB }}",
      remarks: 'A calculated property.',
    },
  ],
  async process(ctx) {
    const inputs = ctx.expectingInput ? [ctx.input] : toArray(ctx.params.InputObject ?? []);
    const locals = localsOf(ctx);
    if (streamsFirst(ctx)) {
      // -First alone streams and then stops the commands before it, as PowerShell does.
      const first = ctx.params.First as number;
      let written = (locals.written as number | undefined) ?? 0;
      for (const input of inputs) {
        if (written >= first) break;
        for (const value of await project(ctx, input)) await ctx.write(value);
        written += 1;
      }
      locals.written = written;
      if (written >= first && ctx.expectingInput) throw new StopUpstream();
      return;
    }
    locals.items ??= [];
    (locals.items as unknown[]).push(...inputs);
  },
  async end(ctx) {
    const p = ctx.params;
    if (streamsFirst(ctx)) return;
    let items = (localsOf(ctx).items as unknown[] | undefined) ?? [];
    if (p.Index !== undefined) {
      const wanted = toArray(p.Index).map((i) => toNumber(i));
      items = items.filter((_, i) => wanted.includes(i));
    }
    const skip = typeof p.Skip === 'number' ? p.Skip : 0;
    items = items.slice(skip);
    if (typeof p.SkipLast === 'number')
      items = items.slice(0, Math.max(0, items.length - p.SkipLast));
    if (typeof p.First === 'number' || typeof p.Last === 'number') {
      const first = typeof p.First === 'number' ? items.slice(0, p.First) : [];
      const last =
        typeof p.Last === 'number' ? items.slice(Math.max(0, items.length - p.Last)) : [];
      items =
        typeof p.First === 'number' && typeof p.Last === 'number'
          ? [...first, ...last]
          : typeof p.First === 'number'
            ? first
            : last;
    }

    const out: unknown[] = [];
    for (const item of items) out.push(...(await project(ctx, item)));
    const unique = p.Unique === true ? dedupe(out) : out;
    for (const value of unique) await ctx.write(value);
  },
};

function streamsFirst(ctx: CmdletContext): boolean {
  const p = ctx.params;
  return (
    typeof p.First === 'number' &&
    [p.Last, p.Skip, p.SkipLast, p.Index].every((v) => v === undefined) &&
    p.Unique !== true
  );
}

function dedupe(values: unknown[]): unknown[] {
  const kept: unknown[] = [];
  for (const value of values) {
    const same = kept.some((k) => {
      const props = propertiesOf(value);
      if (props.length === 0) return areEqual(k, value, true);
      return props.every((name) => areEqual(getMember(k, name), getMember(value, name), true));
    });
    if (!same) kept.push(value);
  }
  return kept;
}
