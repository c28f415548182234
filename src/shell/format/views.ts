import { TYPE_NAMES } from '../../core/psobject.js';
import { ErrorRecord } from '../errors.js';
import { formatDateCustom } from '../runtime/format-string.js';
import { getMember } from '../runtime/members.js';
import {
  Hashtable,
  isObject,
  propertiesOf,
  ScriptBlock,
  SecureString,
  toStr,
} from '../runtime/values.js';
import { cellText, isNumeric } from './cells.js';
import { renderList } from './list.js';
import { renderTable, type TableColumn } from './table.js';

/** A registered table view: columns and how each reads its object. */
export interface ViewColumn extends TableColumn {
  value: (object: unknown) => string;
}

const GB = 1024 ** 3;

function prop(name: string): (object: unknown) => string {
  return (object) => cellText(getMember(object, name));
}

function gigabytes(name: string): (object: unknown) => string {
  return (object) => {
    const value = getMember(object, name);
    return typeof value === 'number' ? (value / GB).toFixed(2) : '';
  };
}

function nameOf(name: string): (object: unknown) => string {
  return (object) => {
    const value = getMember(object, name);
    return isObject(value) && 'Name' in value ? cellText(value.Name) : cellText(value);
  };
}

/** Views by type-name suffix (most specific type name first on the object). */
const VIEWS: { suffix: string; columns: ViewColumn[] }[] = [
  { suffix: 'PathInfo', columns: [{ header: 'Path', align: 'left', value: prop('Path') }] },
  {
    suffix: 'PSDriveInfo',
    columns: [
      { header: 'Name', align: 'left', width: 10, value: prop('Name') },
      { header: 'Used (GB)', align: 'right', width: 13, value: gigabytes('Used') },
      { header: 'Free (GB)', align: 'right', width: 13, value: gigabytes('Free') },
      { header: 'Provider', align: 'left', width: 13, value: nameOf('Provider') },
      { header: 'Root', align: 'left', width: 35, value: prop('Root') },
      { header: 'CurrentLocation', align: 'right', value: prop('CurrentLocation') },
    ],
  },
  {
    suffix: 'ProviderInfo',
    columns: [
      { header: 'Name', align: 'left', width: 20, value: prop('Name') },
      {
        header: 'Capabilities',
        align: 'left',
        width: 40,
        value: (o) => enumText(getMember(o, 'Capabilities')),
      },
      {
        header: 'Drives',
        align: 'left',
        value: (o) => `{${listOf(getMember(o, 'Drives')).join(', ')}}`,
      },
    ],
  },
  {
    suffix: 'CommandInfo',
    columns: [
      { header: 'CommandType', align: 'left', width: 15, value: prop('CommandType') },
      { header: 'Name', align: 'left', width: 50, value: prop('Name') },
      { header: 'Version', align: 'left', width: 10, value: prop('Version') },
      { header: 'Source', align: 'left', value: prop('Source') },
    ],
  },
  {
    suffix: 'AliasInfo',
    columns: [
      { header: 'CommandType', align: 'left', width: 15, value: prop('CommandType') },
      { header: 'Name', align: 'left', width: 50, value: prop('Name') },
      { header: 'Version', align: 'left', width: 10, value: prop('Version') },
      { header: 'Source', align: 'left', value: prop('Source') },
    ],
  },
  {
    suffix: 'PSVariable',
    columns: [
      { header: 'Name', align: 'left', width: 30, value: prop('Name') },
      { header: 'Value', align: 'left', value: prop('Value') },
    ],
  },
  {
    suffix: 'GroupInfo',
    columns: [
      { header: 'Count', align: 'right', width: 5, value: prop('Count') },
      { header: 'Name', align: 'left', width: 25, value: prop('Name') },
      { header: 'Group', align: 'left', value: prop('Group') },
    ],
  },
];

/**
 * Adds a table view for objects whose type name ends with `suffix` (a provider's or a
 * module's own types). A suffix already registered keeps its first view.
 */
export function registerTableView(suffix: string, columns: ViewColumn[]): void {
  if (VIEWS.some((view) => view.suffix === suffix)) return;
  VIEWS.push({ suffix, columns });
}

function listOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return items.map((item) => (isObject(item) && 'Name' in item ? toStr(item.Name) : toStr(item)));
}

function enumText(value: unknown): string {
  return Array.isArray(value) ? value.map(toStr).join(', ') : cellText(value);
}

function viewFor(value: unknown): ViewColumn[] | undefined {
  const names = isObject(value)
    ? (value as { [TYPE_NAMES]?: readonly string[] })[TYPE_NAMES]
    : undefined;
  if (!names) return undefined;
  for (const name of names) {
    if (name.startsWith('Selected.')) return undefined;
    const view = VIEWS.find((v) => name.endsWith(v.suffix));
    if (view) return view.columns;
  }
  return undefined;
}

/** A key that groups objects rendered together in one table or list run. */
export function shapeOf(value: unknown): string {
  if (value instanceof Hashtable) return 'hashtable';
  if (isScalar(value)) return 'scalar';
  const names = isObject(value)
    ? (value as { [TYPE_NAMES]?: readonly string[] })[TYPE_NAMES]
    : undefined;
  const type = names?.[0] ?? 'object';
  if (viewFor(value)) return `view:${type}`;
  return `object:${propertiesOf(value).join(',')}`;
}

export function isScalar(value: unknown): boolean {
  if (isObject(value) && typeNameOfValue(value).endsWith('MatchInfo')) return true;
  return (
    value === null ||
    value === undefined ||
    typeof value !== 'object' ||
    value instanceof Date ||
    value instanceof ScriptBlock ||
    value instanceof SecureString ||
    (isObject(value) && propertiesOf(value).length === 0 && !(value instanceof Hashtable))
  );
}

/** Text of a run of same-shaped values, as Out-Default prints it. */
export function renderRun(values: readonly unknown[], width: number): string {
  const first = values[0];
  if (isScalar(first)) {
    return values
      .filter((v) => v !== null && v !== undefined)
      .map((v) => `${scalarText(v)}\n`)
      .join('');
  }
  if (first instanceof Hashtable) {
    const rows = values.flatMap((t) =>
      (t as Hashtable).pairs().map(({ key, value }) => [cellText(key), cellText(value)]),
    );
    return tableText(
      renderTable(
        [
          { header: 'Name', align: 'left', width: 30 },
          { header: 'Value', align: 'left' },
        ],
        rows,
        width,
      ),
    );
  }
  const view = viewFor(first);
  if (view)
    return tableText(
      renderTable(
        view,
        values.map((v) => view.map((c) => c.value(v))),
        width,
      ),
    );

  const properties = propertiesOf(first);
  if (properties.length <= 4) return tableText(objectTable(values, properties, width));
  return listText(values, properties);
}

/** A generic table of `properties` (Format-Table's default). */
export function objectTable(
  values: readonly unknown[],
  properties: readonly string[],
  width: number,
): string[] {
  const columns: TableColumn[] = properties.map((name) => {
    const numeric =
      values.some((v) => isNumeric(getMember(v, name))) &&
      values.every((v) => {
        const cell = getMember(v, name);
        return cell === null || cell === undefined || isNumeric(cell);
      });
    return { header: name, align: numeric ? 'right' : 'left' };
  });
  const rows = values.map((v) => properties.map((name) => cellText(getMember(v, name))));
  return renderTable(columns, rows, width);
}

export function listText(values: readonly unknown[], properties?: readonly string[]): string {
  const blocks = values.map((v) => {
    const names = properties ?? propertiesOf(v);
    return renderList(names.map((name) => ({ name, value: cellText(getMember(v, name)) }))).join(
      '\n',
    );
  });
  return `\n${blocks.join('\n\n')}\n\n`;
}

export function tableText(lines: readonly string[]): string {
  return `\n${lines.join('\n')}\n\n`;
}

function typeNameOfValue(value: object): string {
  return (value as { [TYPE_NAMES]?: readonly string[] })[TYPE_NAMES]?.[0] ?? '';
}

/** A scalar on its own line: strings as is, dates in the long form, errors as their message. */
export function scalarText(value: unknown): string {
  if (value instanceof Date) return formatDateCustom(value, 'F');
  if (value instanceof ErrorRecord) return value.toString();
  if (isObject(value)) return toStr(value);
  return cellText(value);
}
