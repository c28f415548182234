import type { CmdletDefinition } from '../api.js';
import { runtimeOf } from '../runtime/context.js';
import { getMember } from '../runtime/members.js';
import { newCustomObject, propertiesOf, toStr } from '../runtime/values.js';
import { INPUT_OBJECT, param } from './define.js';
import { collecting } from './out.js';

/** PowerShell 7 quotes every CSV field by default. */
function quote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** Splits one CSV line, honouring quotes and doubled quotes. */
function splitLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

export const csvCmdlets: CmdletDefinition[] = [
  collecting(
    {
      name: 'ConvertTo-Csv',
      synopsis: 'Converts objects to comma-separated text, a header line first.',
      parameters: [
        { ...INPUT_OBJECT, position: 0 },
        param('Delimiter', 'string', { position: 1 }),
        param('NoHeader', 'switch'),
      ],
      examples: [
        {
          code: 'Get-ChildItem | Select-Object Name, Length | ConvertTo-Csv',
          remarks: 'CSV of names and sizes.',
        },
      ],
    },
    async (items, ctx) => {
      if (items.length === 0) return;
      const delimiter = typeof ctx.params.Delimiter === 'string' ? ctx.params.Delimiter : ',';
      const columns = propertiesOf(items[0]);
      if (ctx.params.NoHeader !== true)
        await ctx.write(columns.map((c) => quote(c)).join(delimiter));
      for (const item of items) {
        await ctx.write(columns.map((c) => quote(toStr(getMember(item, c)))).join(delimiter));
      }
    },
  ),
  collecting(
    {
      name: 'ConvertFrom-Csv',
      synopsis: 'Converts comma-separated text to objects (one per line after the header).',
      parameters: [
        { ...INPUT_OBJECT, type: 'string[]', position: 0, mandatory: true },
        param('Delimiter', 'string', { position: 1 }),
        param('Header', 'string[]'),
      ],
    },
    async (items, ctx) => {
      const delimiter = typeof ctx.params.Delimiter === 'string' ? ctx.params.Delimiter : ',';
      const lines = items.flatMap((i) => toStr(i).split(/\r?\n/)).filter((l) => l.trim() !== '');
      const header = Array.isArray(ctx.params.Header)
        ? (ctx.params.Header as string[])
        : splitLine(lines.shift() ?? '', delimiter);
      for (const line of lines) {
        const values = splitLine(line, delimiter);
        await ctx.write(
          newCustomObject(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null]))),
        );
      }
    },
  ),
  {
    name: 'Tee-Object',
    aliases: ['tee'],
    synopsis: 'Saves pipeline objects in a variable and passes them on.',
    parameters: [{ ...INPUT_OBJECT }, param('Variable', 'string', { mandatory: true })],
    async process(ctx) {
      const scope = runtimeOf(ctx).st.scope;
      const name = toStr(ctx.params.Variable);
      const kept = scope.lookup(name)?.value;
      const list = Array.isArray(kept) && runtimeOf(ctx).locals.started ? kept : [];
      runtimeOf(ctx).locals.started = true;
      list.push(ctx.input);
      scope.set(name, list);
      await ctx.write(ctx.input);
    },
  },
];
