import { withTypeNames } from '../../core/psobject.js';
import { ScriptRuntimeError } from '../errors.js';
import {
  conversionError,
  enumerate,
  Hashtable,
  isObject,
  newCustomObject,
  parseNumber,
  ScriptBlock,
  toBool,
  toNumber,
  toStr,
} from './values.js';

/** .NET names for the type accelerators scripts write, used in conversion messages. */
const FULL_NAMES: Record<string, string> = {
  int: 'System.Int32',
  int32: 'System.Int32',
  long: 'System.Int64',
  int64: 'System.Int64',
  double: 'System.Double',
  decimal: 'System.Decimal',
  single: 'System.Single',
  float: 'System.Single',
  string: 'System.String',
  bool: 'System.Boolean',
  boolean: 'System.Boolean',
  datetime: 'System.DateTime',
  char: 'System.Char',
  byte: 'System.Byte',
};

export function fullTypeName(typeName: string): string {
  return FULL_NAMES[typeName.toLowerCase().replace(/^system\./, '')] ?? typeName;
}

/** `[type]value`: the casts and parameter conversions the language supports. */
export function convertTo(value: unknown, typeName: string): unknown {
  const name = typeName.toLowerCase().replace(/^system\./, '');
  if (name.endsWith('[]')) {
    const element = name.slice(0, -2);
    return enumerate(value).map((item) => (element === 'object' ? item : convertTo(item, element)));
  }

  switch (name) {
    case 'int':
    case 'int32':
    case 'long':
    case 'int64':
    case 'byte':
      return toInteger(value, fullTypeName(name));
    case 'double':
    case 'decimal':
    case 'single':
    case 'float':
      return toNumber(value, fullTypeName(name));
    case 'string':
      return value === null || value === undefined ? '' : toStr(value);
    case 'bool':
    case 'boolean':
      return toBool(value);
    case 'switch':
    case 'switchparameter':
      return toBool(value);
    case 'char':
      return typeof value === 'number' ? String.fromCharCode(value) : toStr(value).slice(0, 1);
    case 'datetime':
      return toDate(value);
    case 'array':
    case 'object[]':
      return Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
    case 'hashtable':
      if (value instanceof Hashtable) return value;
      throw conversionError(value, 'System.Collections.Hashtable');
    case 'ordered':
      return toOrdered(value);
    case 'pscustomobject':
    case 'psobject':
      return toCustomObject(value);
    case 'scriptblock':
      if (value instanceof ScriptBlock) return value;
      throw conversionError(value, 'System.Management.Automation.ScriptBlock');
    case 'void':
      return undefined;
    case 'object':
    case 'psobject[]':
      return value;
    case 'regex':
      return toStr(value);
  }
  throw new ScriptRuntimeError(
    `Unable to find type [${typeName}].`,
    'TypeNotFound',
    'InvalidOperation',
  );
}

/** Integers round half to even, like .NET. */
function toInteger(value: unknown, fullName: string): number {
  if (typeof value === 'string' && parseNumber(value) === undefined)
    throw conversionError(value, fullName);
  const n = toNumber(value, fullName);
  const floor = Math.floor(n);
  const diff = n - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string') {
    const us =
      /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i.exec(
        value.trim(),
      );
    if (us) {
      let hour = Number(us[4] ?? 0);
      if (us[7]?.toUpperCase() === 'PM' && hour < 12) hour += 12;
      if (us[7]?.toUpperCase() === 'AM' && hour === 12) hour = 0;
      return new Date(
        Number(us[3]),
        Number(us[1]) - 1,
        Number(us[2]),
        hour,
        Number(us[5] ?? 0),
        Number(us[6] ?? 0),
      );
    }
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(value.trim())
      ? new Date(`${value.trim()}T00:00:00`)
      : new Date(value);
    if (!Number.isNaN(iso.getTime())) return iso;
  }
  if (typeof value === 'number') return new Date(value);
  throw new ScriptRuntimeError(
    `Cannot convert value "${toStr(value)}" to type "System.DateTime". Error: "String '${toStr(value)}' was not recognized as a valid DateTime."`,
    'InvalidCastParseTargetInvocation',
    'InvalidArgument',
  );
}

function toOrdered(value: unknown): Hashtable {
  if (!(value instanceof Hashtable)) {
    throw new ScriptRuntimeError(
      'The ordered attribute can be specified only on a hash literal node.',
      'OrderedAttributeOnlyOnHashLiteralNode',
    );
  }
  const ordered = new Hashtable(true);
  for (const { key, value: v } of value.pairs()) ordered.set(key, v);
  return ordered;
}

function toCustomObject(value: unknown): unknown {
  if (value instanceof Hashtable) {
    const record: Record<string, unknown> = {};
    for (const { key, value: v } of value.pairs()) record[toStr(key)] = v;
    return newCustomObject(record);
  }
  if (isObject(value)) return value;
  return value;
}

export { withTypeNames };
