import { shortDate, shortTime } from '../runtime/values.js';
import { cellText } from './cells.js';

/**
 * Provider items carry PSParentPath, PSChildName and PSIsContainer; they get PowerShell's
 * children view. Get-ItemProperty -Name objects have the first two only and show as a list.
 */
export function isItem(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    'PSParentPath' in value &&
    'PSChildName' in value &&
    'PSIsContainer' in value
  );
}

/** `Provider\Name::JAFS:\Dev` → `JAFS:\Dev`. */
export function parentDisplay(item: Record<string, unknown>): string {
  const parent = String(item.PSParentPath ?? '');
  const cut = parent.indexOf('::');
  return cut >= 0 ? parent.slice(cut + 2) : parent;
}

export function childrenHeader(directory: string): string {
  const header = `${'Mode'.padEnd(7)} ${'LastWriteTime'.padStart(26)} ${'Length'.padStart(14)} Name`;
  const dashes = `${'----'.padEnd(7)} ${'-------------'.padStart(26)} ${'------'.padStart(14)} ----`;
  return `\n    Directory: ${directory}\n\n${header}\n${dashes}\n`;
}

/** `12/4/2026   3:34 PM`: short date padded to 10, short time right-aligned in 8. */
export function lastWriteTimeText(value: unknown): string {
  if (!(value instanceof Date)) return value === undefined || value === null ? '' : cellText(value);
  return `${shortDate(value).padEnd(10)} ${shortTime(value).padStart(8)}`;
}

export function childRow(item: Record<string, unknown>, color: boolean): string {
  const container = item.PSIsContainer === true;
  const mode = typeof item.Mode === 'string' ? item.Mode : container ? 'd----' : '-a---';
  const length =
    container || item.Length === undefined || item.Length === null ? '' : cellText(item.Length);
  const rawName = cellText(item.Name ?? item.PSChildName);
  const name = color && container ? `\x1b[44;1m${rawName}\x1b[0m` : rawName;
  return `${mode.padEnd(7)} ${lastWriteTimeText(item.LastWriteTime).padStart(26)} ${length.padStart(14)} ${name}\n`;
}
