import type { CmdletContext, CmdletDefinition } from '../api.js';
import { cellText, isNumeric } from '../format/cells.js';
import { childRow, childrenHeader, isItem, parentDisplay } from '../format/children.js';
import { FormattedText } from '../format/formatted.js';
import { renderList } from '../format/list.js';
import { renderValues } from '../format/out-default.js';
import { renderTable } from '../format/table.js';
import { propertiesOf, toStr } from '../runtime/values.js';
import { INPUT_OBJECT, param } from './define.js';
import { collecting } from './out.js';
import { propertySpecs } from './property.js';

async function groups(
  ctx: CmdletContext,
  items: unknown[],
): Promise<{ label?: string; items: unknown[] }[]> {
  if (ctx.params.GroupBy === undefined) return [{ items }];
  const [spec] = propertySpecs(ctx.params.GroupBy, items[0]);
  const result: { label?: string; items: unknown[] }[] = [];
  for (const item of items) {
    const label = `${spec.name}: ${toStr(await spec.get(ctx, item))}`;
    const last = result[result.length - 1];
    if (last && last.label === label) last.items.push(item);
    else result.push({ label, items: [item] });
  }
  return result;
}

async function tableText(ctx: CmdletContext, items: unknown[]): Promise<string> {
  const p = ctx.params;
  if (p.Property === undefined && items.every(isItem)) {
    let text = '';
    let directory: string | undefined;
    for (const item of items as Record<string, unknown>[]) {
      if (parentDisplay(item) !== directory) {
        directory = parentDisplay(item);
        text += childrenHeader(directory);
      }
      text += childRow(item, ctx.host.color);
    }
    return text ? `${text}\n` : '';
  }
  if (p.Property === undefined && p.GroupBy === undefined)
    return renderValues(items, ctx.host.width);

  let text = '';
  for (const group of await groups(ctx, items)) {
    const sample = group.items[0];
    const specs = propertySpecs(p.Property ?? propertiesOf(sample).slice(0, 10), sample);
    const rows: unknown[][] = [];
    for (const item of group.items) {
      const row = [];
      for (const spec of specs) row.push(await spec.get(ctx, item));
      rows.push(row);
    }
    const columns = specs.map((spec, i) => ({
      header: spec.name,
      align:
        rows.some((r) => isNumeric(r[i])) &&
        rows.every((r) => r[i] === null || r[i] === undefined || isNumeric(r[i]))
          ? ('right' as const)
          : ('left' as const),
    }));
    const lines = renderTable(
      columns,
      rows.map((r) => r.map(cellText)),
      ctx.host.width,
      { hideHeaders: p.HideTableHeaders === true },
    );
    if (group.label) text += `\n    ${group.label}\n`;
    text += `\n${lines.join('\n')}\n\n`;
  }
  return text;
}

async function listText(ctx: CmdletContext, items: unknown[]): Promise<string> {
  const blocks: string[] = [];
  let text = '';
  for (const group of await groups(ctx, items)) {
    if (group.label) text += `\n    ${group.label}\n`;
    for (const item of group.items) {
      const specs = propertySpecs(ctx.params.Property ?? propertiesOf(item), item);
      const entries = [];
      for (const spec of specs)
        entries.push({ name: spec.name, value: cellText(await spec.get(ctx, item)) });
      blocks.push(renderList(entries).join('\n'));
    }
    if (blocks.length) text += `\n${blocks.splice(0).join('\n\n')}\n\n`;
  }
  return text;
}

export const formatCmdlets: CmdletDefinition[] = [
  collecting(
    {
      name: 'Format-Table',
      aliases: ['ft'],
      synopsis: 'Formats the output as a table.',
      parameters: [
        { ...INPUT_OBJECT },
        param('Property', 'object[]', { position: 0 }),
        param('AutoSize', 'switch'),
        param('GroupBy', 'object'),
        param('HideTableHeaders', 'switch'),
        param('Wrap', 'switch'),
      ],
      examples: [
        {
          code: 'Get-ChildItem | Format-Table Name, Length -AutoSize',
          remarks: 'A two-column table.',
        },
      ],
    },
    async (items, ctx) => {
      if (items.length === 0) return;
      await ctx.write(new FormattedText(await tableText(ctx, items)));
    },
  ),
  collecting(
    {
      name: 'Format-List',
      aliases: ['fl'],
      synopsis: 'Formats the output as a list of properties, one per line.',
      parameters: [
        { ...INPUT_OBJECT },
        param('Property', 'object[]', { position: 0 }),
        param('GroupBy', 'object'),
      ],
      examples: [
        { code: 'Get-Item . | Format-List *', remarks: 'Every property of the current location.' },
      ],
    },
    async (items, ctx) => {
      if (items.length === 0) return;
      await ctx.write(new FormattedText(await listText(ctx, items)));
    },
  ),
];
