import { ErrorRecord } from '../errors.js';
import {
  formatDate,
  formatNumber,
  Hashtable,
  ScriptBlock,
  SecureString,
  toStr,
} from '../runtime/values.js';

/** How many collection elements a table or list cell shows ($FormatEnumerationLimit). */
const ENUMERATION_LIMIT = 4;

/** The text of one value inside a table or list cell. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value instanceof Date) return formatDate(value);
  if (Array.isArray(value)) {
    const shown = value.slice(0, ENUMERATION_LIMIT).map(cellText);
    return `{${shown.join(', ')}${value.length > ENUMERATION_LIMIT ? '…' : ''}}`;
  }
  if (value instanceof Hashtable) return 'System.Collections.Hashtable';
  if (value instanceof ScriptBlock) return value.toString().trim();
  if (value instanceof ErrorRecord || value instanceof SecureString) return toStr(value);
  return toStr(value);
}

export function isNumeric(value: unknown): boolean {
  return typeof value === 'number' || typeof value === 'bigint';
}

/** Cuts `text` to `width` columns, marking the cut with an ellipsis. */
export function truncate(text: string, width: number): string {
  const line = text.split('\n')[0];
  if (line.length <= width) return line;
  if (width <= 1) return line.slice(0, width);
  return `${line.slice(0, width - 1)}…`;
}
