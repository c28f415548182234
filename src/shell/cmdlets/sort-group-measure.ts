import { withTypeNames } from '../../core/psobject.js';
import type { CmdletContext, CmdletDefinition } from '../api.js';
import { ScriptRuntimeError } from '../errors.js';
import { areEqual, compareValues } from '../runtime/compare.js';
import { getMember } from '../runtime/members.js';
import { Hashtable, toBool, toNumber, toStr } from '../runtime/values.js';
import { INPUT_OBJECT, param } from './define.js';
import { collecting } from './out.js';
import { propertySpecs, type PropertySpec } from './property.js';

async function keysOf(
  ctx: CmdletContext,
  specs: PropertySpec[],
  item: unknown,
): Promise<unknown[]> {
  if (specs.length === 0) return [item];
  const keys = [];
  for (const spec of specs) keys.push(await spec.get(ctx, item));
  return keys;
}

const sortObject = collecting(
  {
    name: 'Sort-Object',
    aliases: ['sort'],
    synopsis: 'Sorts objects by property values.',
    parameters: [
      { ...INPUT_OBJECT },
      param('Property', 'object[]', { position: 0 }),
      param('Descending', 'switch'),
      param('Unique', 'switch'),
      param('CaseSensitive', 'switch'),
      param('Top', 'int'),
      param('Bottom', 'int'),
      param('Stable', 'switch'),
    ],
    examples: [
      { code: 'Get-ChildItem | Sort-Object Length -Descending', remarks: 'Largest items first.' },
    ],
  },
  async (items, ctx) => {
    const p = ctx.params;
    const specs = propertySpecs(p.Property, items[0]);
    const cs = p.CaseSensitive === true;
    const keyed = [];
    for (const [index, item] of items.entries())
      keyed.push({ item, index, keys: await keysOf(ctx, specs, item) });
    const descendingFor = (i: number): boolean => {
      const options = specs[i]?.options;
      if (options?.has('descending')) return toBool(options.get('descending'));
      if (options?.has('ascending')) return !toBool(options.get('ascending'));
      return p.Descending === true;
    };
    keyed.sort((a, b) => {
      for (let i = 0; i < a.keys.length; i += 1) {
        const order = compareValues(a.keys[i], b.keys[i], cs);
        if (order !== 0) return descendingFor(i) ? -order : order;
      }
      return a.index - b.index;
    });
    let sorted = keyed;
    if (p.Unique === true) {
      sorted = sorted.filter(
        (entry, i) =>
          i === 0 || !entry.keys.every((k, j) => areEqual(k, sorted[i - 1].keys[j], cs)),
      );
    }
    let result = sorted.map((e) => e.item);
    if (typeof p.Top === 'number') result = result.slice(0, p.Top);
    if (typeof p.Bottom === 'number') result = result.slice(Math.max(0, result.length - p.Bottom));
    for (const item of result) await ctx.write(item);
  },
);

const groupObject = collecting(
  {
    name: 'Group-Object',
    aliases: ['group'],
    synopsis: 'Groups objects that have the same value for the given properties.',
    parameters: [
      { ...INPUT_OBJECT },
      param('Property', 'object[]', { position: 0 }),
      param('NoElement', 'switch'),
      param('AsHashTable', 'switch'),
      param('AsString', 'switch'),
      param('CaseSensitive', 'switch'),
    ],
    examples: [
      { code: 'Get-ChildItem | Group-Object Extension', remarks: 'Counts items per extension.' },
    ],
  },
  async (items, ctx) => {
    const p = ctx.params;
    const specs = propertySpecs(p.Property, items[0]);
    const groups: { keys: unknown[]; name: string; members: unknown[] }[] = [];
    for (const item of items) {
      const keys = await keysOf(ctx, specs, item);
      const name = keys.map(toStr).join(', ');
      const existing = groups.find((g) =>
        g.keys.every((k, i) => areEqual(k, keys[i], p.CaseSensitive === true)),
      );
      if (existing) existing.members.push(item);
      else groups.push({ keys, name, members: [item] });
    }
    if (p.AsHashTable === true) {
      const table = new Hashtable();
      for (const g of groups)
        table.set(p.AsString === true || g.keys.length > 1 ? g.name : g.keys[0], g.members);
      await ctx.write(table);
      return;
    }
    for (const g of groups) {
      const info =
        p.NoElement === true
          ? { Count: g.members.length, Name: g.name }
          : { Count: g.members.length, Name: g.name, Group: g.members, Values: g.keys };
      if (p.NoElement !== true) Object.defineProperty(info, 'Values', { enumerable: false });
      await ctx.write(
        withTypeNames(
          info,
          p.NoElement === true
            ? 'Microsoft.PowerShell.Commands.GroupInfoNoElement'
            : 'Microsoft.PowerShell.Commands.GroupInfo',
        ),
      );
    }
  },
);

const measureObject = collecting(
  {
    name: 'Measure-Object',
    aliases: ['measure'],
    synopsis:
      'Counts objects and computes sums, averages, minimums and maximums, or text statistics.',
    parameters: [
      { ...INPUT_OBJECT },
      param('Property', 'object[]', { position: 0 }),
      param('Sum', 'switch'),
      param('Average', 'switch'),
      param('Maximum', 'switch'),
      param('Minimum', 'switch'),
      param('StandardDeviation', 'switch'),
      param('AllStats', 'switch'),
      param('Line', 'switch'),
      param('Word', 'switch'),
      param('Character', 'switch'),
      param('IgnoreWhiteSpace', 'switch'),
    ],
    examples: [
      { code: 'Get-ChildItem | Measure-Object Length -Sum', remarks: 'Total size of the items.' },
    ],
  },
  async (items, ctx) => {
    const p = ctx.params;
    if (p.Line === true || p.Word === true || p.Character === true) {
      const text = items.map(toStr);
      const info: Record<string, unknown> = {
        Lines: p.Line === true ? text.reduce((n, t) => n + t.split('\n').length, 0) : null,
        Words:
          p.Word === true
            ? text.reduce((n, t) => n + (t.trim() ? t.trim().split(/\s+/).length : 0), 0)
            : null,
        Characters:
          p.Character === true
            ? text.reduce(
                (n, t) =>
                  n + (p.IgnoreWhiteSpace === true ? t.replace(/\s/g, '').length : t.length),
                0,
              )
            : null,
        Property: null,
      };
      await ctx.write(withTypeNames(info, 'Microsoft.PowerShell.Commands.TextMeasureInfo'));
      return;
    }
    const properties = p.Property === undefined ? [undefined] : propertySpecs(p.Property, items[0]);
    for (const spec of properties) {
      const values: number[] = [];
      let count = 0;
      for (const item of items) {
        const value = spec ? await spec.get(ctx, item) : item;
        if (spec && (value === null || value === undefined)) continue;
        count += 1;
        const wantsNumbers =
          p.Sum === true ||
          p.Average === true ||
          p.StandardDeviation === true ||
          p.AllStats === true ||
          p.Maximum === true ||
          p.Minimum === true;
        if (wantsNumbers) {
          try {
            values.push(toNumber(value, 'System.Double'));
          } catch {
            throw new ScriptRuntimeError(
              `Input object "${toStr(value)}" is not numeric.`,
              'NonNumericInputObject',
              'InvalidType',
            );
          }
        }
      }
      const all = p.AllStats === true;
      const sum = values.reduce((a, b) => a + b, 0);
      const average = values.length ? sum / values.length : null;
      const sd =
        values.length > 1 && average !== null
          ? Math.sqrt(values.reduce((a, v) => a + (v - average) ** 2, 0) / (values.length - 1))
          : values.length
            ? 0
            : null;
      const info = {
        Count: count,
        Average: all || p.Average === true ? average : null,
        Sum: all || p.Sum === true ? sum : null,
        Maximum: all || p.Maximum === true ? (values.length ? Math.max(...values) : null) : null,
        Minimum: all || p.Minimum === true ? (values.length ? Math.min(...values) : null) : null,
        StandardDeviation: all || p.StandardDeviation === true ? sd : null,
        Property: spec ? spec.name : null,
      };
      await ctx.write(withTypeNames(info, 'Microsoft.PowerShell.Commands.GenericMeasureInfo'));
    }
  },
);

export const sortGroupMeasureCmdlets: CmdletDefinition[] = [sortObject, groupObject, measureObject];

export { getMember };
