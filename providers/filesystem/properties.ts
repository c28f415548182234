import { stat, utimes } from 'node:fs/promises';
import { ItemNotFoundError } from '../../src/provider/errors.js';
import type { ProviderItem } from '../../src/provider/types.js';
import {
  PropertyNotFoundError,
  PropertyValueError,
  ReadOnlyPropertyError,
} from '../../src/provider/property-errors.js';
import { statItem } from './items.js';

/** The properties Set-ItemProperty can change, as the item shows them: the two file times. */
const SETTABLE = ['LastWriteTime', 'LastAccessTime'] as const;

function toDate(name: string, value: unknown): Date {
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) throw new PropertyValueError(name, value, 'System.DateTime');
  return date;
}

/**
 * Set-ItemProperty on the file system: LastWriteTime and LastAccessTime (utimes). Linux keeps
 * no settable creation time, and the other properties (Length, Name…) follow from the file, so
 * they are read-only; a name the item does not have is PowerShell's "does not exist".
 */
export async function setFileProperty(
  fullName: string,
  name: string,
  value: unknown,
): Promise<ProviderItem> {
  const before = await statItem(fullName);
  if (!before) throw new ItemNotFoundError(fullName);
  const known = Object.keys(before.properties).concat(SETTABLE);
  const canonical = known.find((key) => key.toLowerCase() === name.toLowerCase());
  if (canonical === undefined) throw new PropertyNotFoundError(name, fullName);

  const settable = SETTABLE.find((key) => key === canonical);
  if (settable === undefined) throw new ReadOnlyPropertyError(canonical);

  const times = await stat(fullName);
  const date = toDate(canonical, value);
  if (settable === 'LastWriteTime') await utimes(fullName, times.atime, date);
  else await utimes(fullName, date, times.mtime);
  return (await statItem(fullName)) ?? before;
}
