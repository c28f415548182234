import { truncate } from './cells.js';

export interface TableColumn {
  header: string;
  align: 'left' | 'right';
  /** Fixed width from a registered view; content-sized when absent. */
  width?: number;
}

/**
 * Renders a table the way Format-Table does: header, dashes under each header label, one row
 * per object, columns separated by one space, sized to content and shrunk to the host width.
 * Returns the lines without the surrounding blank lines.
 */
export function renderTable(
  columns: readonly TableColumn[],
  rows: readonly string[][],
  maxWidth: number,
  options: { hideHeaders?: boolean } = {},
): string[] {
  const widths = columns.map((column, i) => {
    if (column.width !== undefined && i < columns.length - 1) return column.width;
    const content = Math.max(
      column.header.length,
      ...rows.map((row) => (row[i] ?? '').split('\n')[0].length),
    );
    return column.width !== undefined ? Math.max(column.width, content) : content;
  });
  fitWidths(widths, columns, maxWidth);

  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => {
        const text = truncate(cell ?? '', widths[i]);
        return columns[i].align === 'right' ? text.padStart(widths[i]) : text.padEnd(widths[i]);
      })
      .join(' ')
      .trimEnd();

  const lines: string[] = [];
  if (!options.hideHeaders) {
    lines.push(line(columns.map((c) => c.header)));
    lines.push(line(columns.map((c) => '-'.repeat(c.header.length))));
  }
  for (const row of rows) lines.push(line(row));
  return lines;
}

/** Shrinks the widest columns until the row fits, never below 1 column each. */
function fitWidths(widths: number[], columns: readonly TableColumn[], maxWidth: number): void {
  const total = (): number => widths.reduce((sum, w) => sum + w, 0) + widths.length - 1;
  while (total() > maxWidth) {
    let widest = 0;
    for (let i = 1; i < widths.length; i += 1) if (widths[i] >= widths[widest]) widest = i;
    if (widths[widest] <= Math.max(1, Math.min(columns[widest].header.length, 4))) break;
    widths[widest] -= 1;
  }
}
