import type { CmdletDefinition } from '../api.js';
import { ScriptRuntimeError } from '../errors.js';
import { formatDateCustom } from '../runtime/format-string.js';
import {
  Hashtable,
  isObject,
  newCustomObject,
  propertiesOf,
  ScriptBlock,
  toArray,
  toNumber,
  toStr,
  typeNameOf,
} from '../runtime/values.js';
import { getMember } from '../runtime/members.js';
import { INPUT_OBJECT, param } from './define.js';
import { collecting } from './out.js';

/** JSON text of a value the way ConvertTo-Json writes it (two-space indent, depth limit). */
function toJson(value: unknown, depth: number, compress: boolean, level = 0): string {
  const pad = (n: number): string => (compress ? '' : '  '.repeat(n));
  const nl = compress ? '' : '\n';
  const colon = compress ? ':' : ': ';
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date)
    return JSON.stringify(formatDateCustom(value, 'yyyy-MM-ddTHH:mm:ss.fff'));
  if (value instanceof ScriptBlock) return JSON.stringify(value.toString());
  if (level >= depth) return JSON.stringify(toStr(value));
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => `${pad(level + 1)}${toJson(v, depth, compress, level + 1)}`);
    return `[${nl}${items.join(`,${nl}`)}${nl}${pad(level)}]`;
  }
  const entries: [string, unknown][] =
    value instanceof Hashtable
      ? value.pairs().map(({ key, value: v }) => [toStr(key), v])
      : propertiesOf(value).map((name) => [name, getMember(value, name)]);
  if (entries.length === 0) return '{}';
  const body = entries.map(
    ([k, v]) =>
      `${pad(level + 1)}${JSON.stringify(k)}${colon}${toJson(v, depth, compress, level + 1)}`,
  );
  return `{${nl}${body.join(`,${nl}`)}${nl}${pad(level)}}`;
}

function fromJson(value: unknown, asHashtable: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => fromJson(v, asHashtable));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => [k, fromJson(v, asHashtable)] as const,
    );
    if (asHashtable) {
      const table = new Hashtable(true);
      for (const [k, v] of entries) table.set(k, v);
      return table;
    }
    return newCustomObject(Object.fromEntries(entries));
  }
  return value;
}

const STRING_METHODS = [
  'Contains',
  'EndsWith',
  'IndexOf',
  'Insert',
  'LastIndexOf',
  'PadLeft',
  'PadRight',
  'Remove',
  'Replace',
  'Split',
  'StartsWith',
  'Substring',
  'ToCharArray',
  'ToLower',
  'ToString',
  'ToUpper',
  'Trim',
  'TrimEnd',
  'TrimStart',
];

function shortType(value: unknown): string {
  const full = typeNameOf(value);
  const map: Record<string, string> = {
    'System.String': 'string',
    'System.Int32': 'int',
    'System.Double': 'double',
    'System.Boolean': 'bool',
    'System.Object[]': 'Object[]',
    'System.DateTime': 'datetime',
  };
  return map[full] ?? full;
}

export const dataCmdlets: CmdletDefinition[] = [
  collecting(
    {
      name: 'ConvertTo-Json',
      synopsis: 'Converts objects to JSON text.',
      parameters: [
        { ...INPUT_OBJECT, position: 0 },
        param('Depth', 'int'),
        param('Compress', 'switch'),
        param('AsArray', 'switch'),
      ],
      examples: [{ code: '@{ Name = "x" } | ConvertTo-Json', remarks: 'A JSON object.' }],
    },
    async (items, ctx) => {
      const depth = typeof ctx.params.Depth === 'number' ? ctx.params.Depth : 2;
      const value = items.length === 1 && ctx.params.AsArray !== true ? items[0] : items;
      await ctx.write(toJson(value, depth, ctx.params.Compress === true));
    },
  ),
  collecting(
    {
      name: 'ConvertFrom-Json',
      synopsis: 'Converts JSON text to objects.',
      parameters: [
        { ...INPUT_OBJECT, type: 'string', position: 0, mandatory: true },
        param('AsHashtable', 'switch'),
        param('NoEnumerate', 'switch'),
      ],
    },
    async (items, ctx) => {
      const text = items.map(toStr).join('\n');
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        throw new ScriptRuntimeError(
          `Conversion from JSON failed with error: ${(error as Error).message}`,
          'System.ArgumentException',
          'NotSpecified',
        );
      }
      const value = fromJson(parsed, ctx.params.AsHashtable === true);
      if (Array.isArray(value) && ctx.params.NoEnumerate !== true)
        for (const item of value) await ctx.write(item);
      else await ctx.write(value);
    },
  ),
  collecting(
    {
      name: 'Get-Member',
      aliases: ['gm'],
      synopsis: 'Lists the properties and methods of objects.',
      parameters: [
        { ...INPUT_OBJECT },
        param('Name', 'string[]', { position: 0 }),
        param('MemberType', 'string'),
      ],
    },
    async (items, ctx) => {
      const seen = new Set<string>();
      for (const item of items) {
        const type = typeNameOf(item);
        if (seen.has(type)) continue;
        seen.add(type);
        const rows: { Name: string; MemberType: string; Definition: string }[] = [];
        for (const name of propertiesOf(item)) {
          const value = getMember(item, name);
          const kind =
            isObject(item) && typeNameOf(item).endsWith('PSCustomObject')
              ? 'NoteProperty'
              : 'Property';
          rows.push({
            Name: name,
            MemberType: kind,
            Definition: `${shortType(value)} ${name}=${toStr(value)}`,
          });
        }
        if (typeof item === 'string') {
          rows.push(
            ...STRING_METHODS.map((m) => ({
              Name: m,
              MemberType: 'Method',
              Definition: `${m}(...)`,
            })),
          );
          rows.push({ Name: 'Length', MemberType: 'Property', Definition: 'int Length {get;}' });
        }
        rows.sort(
          (a, b) => a.MemberType.localeCompare(b.MemberType) || a.Name.localeCompare(b.Name),
        );
        const filter =
          ctx.params.Name === undefined
            ? undefined
            : toArray(ctx.params.Name).map((n) => toStr(n).toLowerCase());
        const text = [`\n   TypeName: ${type}\n`];
        const shown = rows.filter((r) => !filter || filter.includes(r.Name.toLowerCase()));
        const width = Math.max(4, ...shown.map((r) => r.Name.length));
        const kindWidth = Math.max(10, ...shown.map((r) => r.MemberType.length));
        text.push(`${'Name'.padEnd(width)} ${'MemberType'.padEnd(kindWidth)} Definition`);
        text.push(`${'----'.padEnd(width)} ${'----------'.padEnd(kindWidth)} ----------`);
        for (const r of shown)
          text.push(
            `${r.Name.padEnd(width)} ${r.MemberType.padEnd(kindWidth)} ${r.Definition}`.trimEnd(),
          );
        const { FormattedText } = await import('../format/formatted.js');
        await ctx.write(new FormattedText(`${text.join('\n')}\n\n`));
      }
    },
  ),
  {
    name: 'Get-Random',
    synopsis: 'Gets a random number, or random items from a collection.',
    parameters: [
      param('Maximum', 'object', { position: 0 }),
      param('Minimum', 'object'),
      { ...INPUT_OBJECT, type: 'object[]', parameterSets: ['List'] },
      param('Count', 'int'),
    ],
    async process(ctx) {
      const min = ctx.params.Minimum === undefined ? 0 : toNumber(ctx.params.Minimum);
      const max = ctx.params.Maximum === undefined ? 2147483647 : toNumber(ctx.params.Maximum);
      if (ctx.params.InputObject !== undefined && !ctx.expectingInput) {
        const list = toArray(ctx.params.InputObject);
        const count = typeof ctx.params.Count === 'number' ? ctx.params.Count : 1;
        const pool = [...list];
        for (let i = 0; i < count && pool.length; i += 1)
          await ctx.write(pool.splice(Math.floor(Math.random() * pool.length), 1)[0]);
        return;
      }
      await ctx.write(min + Math.floor(Math.random() * (max - min)));
    },
  },
];
