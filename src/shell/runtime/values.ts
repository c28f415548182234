import { TYPE_NAMES, withTypeNames } from '../../core/psobject.js';
import type { ScriptBlockBody } from '../ast.js';
import { ErrorRecord, ScriptRuntimeError } from '../errors.js';

/**
 * The shell's value model on plain JavaScript: numbers, strings, booleans, null, arrays, Dates,
 * plain objects (PSCustomObject), and two classes of our own — Hashtable (case-insensitive keys,
 * insertion order kept) and ScriptBlock.
 */
export class Hashtable {
  private readonly entries = new Map<string, { key: unknown; value: unknown }>();

  constructor(readonly ordered = false) {}

  static from(record: Record<string, unknown>): Hashtable {
    const table = new Hashtable();
    for (const [key, value] of Object.entries(record)) table.set(key, value);
    return table;
  }

  private static slot(key: unknown): string {
    return typeof key === 'string' ? `s:${key.toLowerCase()}` : `v:${String(key)}`;
  }

  get(key: unknown): unknown {
    return this.entries.get(Hashtable.slot(key))?.value;
  }

  has(key: unknown): boolean {
    return this.entries.has(Hashtable.slot(key));
  }

  set(key: unknown, value: unknown): void {
    const slot = Hashtable.slot(key);
    const existing = this.entries.get(slot);
    if (existing) existing.value = value;
    else this.entries.set(slot, { key, value });
  }

  add(key: unknown, value: unknown): void {
    if (this.has(key)) {
      throw new ScriptRuntimeError(
        `Item has already been added. Key in dictionary: '${String(key)}'  Key being added: '${String(key)}'`,
        'ArgumentException',
        'InvalidArgument',
      );
    }
    this.set(key, value);
  }

  delete(key: unknown): void {
    this.entries.delete(Hashtable.slot(key));
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  keys(): unknown[] {
    return [...this.entries.values()].map((e) => e.key);
  }

  values(): unknown[] {
    return [...this.entries.values()].map((e) => e.value);
  }

  pairs(): { key: unknown; value: unknown }[] {
    return [...this.entries.values()];
  }

  clone(): Hashtable {
    const copy = new Hashtable(this.ordered);
    for (const { key, value } of this.pairs()) copy.set(key, value);
    return copy;
  }
}

/** A `{ … }` literal, invoked in the caller's scope (PowerShell's dynamic scoping). */
export class ScriptBlock {
  constructor(
    readonly body: ScriptBlockBody,
    readonly source: { text: string; file?: string },
  ) {}

  toString(): string {
    return this.body.text;
  }
}

/** Secure strings from Read-Host -AsSecureString: never printed. */
export class SecureString {
  constructor(readonly value: string) {}

  toString(): string {
    return 'System.Security.SecureString';
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
  );
}

/** Arrays enumerate in the pipeline and in foreach; everything else is one value. */
export function enumerate(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === null || value === undefined) return [];
  return [value];
}

/** `foreach` and pipelines enumerate `$null` as nothing but arrays element by element. */
export function toArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === undefined) return [];
  return [value];
}

/** Pipeline results: none → $null, one → that value, many → array. */
export function unwrap(values: unknown[]): unknown {
  if (values.length === 0) return null;
  if (values.length === 1) return values[0];
  return values;
}

export function newCustomObject(properties: Record<string, unknown>): Record<string, unknown> {
  return withTypeNames({ ...properties }, 'System.Management.Automation.PSCustomObject');
}

/** Formats a double the way .NET does by default (up to 15 significant digits). */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return Math.abs(value) >= 1e15 ? formatDouble(value) : String(value);
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  return formatDouble(value);
}

function formatDouble(value: number): string {
  let text = value.toPrecision(15);
  if (text.includes('e')) {
    const [mantissa, exponent] = text.split('e');
    const trimmed = mantissa.includes('.')
      ? mantissa.replace(/0+$/, '').replace(/\.$/, '')
      : mantissa;
    const sign = exponent.startsWith('-') ? '-' : '+';
    const digits = exponent.replace(/^[+-]/, '').padStart(2, '0');
    return `${trimmed}E${sign}${digits}`;
  }
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return text;
}

/** en-US `M/d/yyyy h:mm:ss tt`, what `[string]$date` gives. */
export function formatDate(date: Date): string {
  return `${shortDate(date)} ${longTime(date)}`;
}

export function shortDate(date: Date): string {
  return `${date.getMonth() + 1}/${date.getDate()}/${date.getFullYear()}`;
}

export function shortTime(date: Date): string {
  const hour = date.getHours() % 12 || 12;
  return `${hour}:${String(date.getMinutes()).padStart(2, '0')} ${date.getHours() < 12 ? 'AM' : 'PM'}`;
}

export function longTime(date: Date): string {
  const hour = date.getHours() % 12 || 12;
  const mm = String(date.getMinutes()).padStart(2, '0');
  const ss = String(date.getSeconds()).padStart(2, '0');
  return `${hour}:${mm}:${ss} ${date.getHours() < 12 ? 'AM' : 'PM'}`;
}

/** PowerShell's string conversion ([string]$x, "$x", -join, parameter binding). */
export function toStr(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(toStr).join(' ');
  if (value instanceof Date) return formatDate(value);
  if (value instanceof Hashtable) return 'System.Collections.Hashtable';
  if (value instanceof ScriptBlock) return value.toString();
  if (value instanceof ErrorRecord) return value.toString();
  if (value instanceof Error) return value.message;
  if (value instanceof SecureString) return value.toString();
  if (typeof value === 'object') {
    const own = value as Record<string, unknown>;
    if (typeof own.toString === 'function' && own.toString !== Object.prototype.toString) {
      return String(own.toString());
    }
    const names = (value as { [TYPE_NAMES]?: readonly string[] })[TYPE_NAMES];
    if (names && names[0] !== 'System.Management.Automation.PSCustomObject') {
      if ('PSPath' in own && typeof own.PSPath === 'string') return own.PSPath.replace(/^.*::/, '');
      if ('Name' in own) return toStr(own.Name);
      return names[0];
    }
    const fields = Object.entries(own).map(([k, v]) => `${k}=${toStr(v)}`);
    return `@{${fields.join('; ')}}`;
  }
  return String(value);
}

/** PowerShell's truthiness. */
export function toBool(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) {
    if (value.length === 0) return false;
    if (value.length === 1) return toBool(value[0]);
    return true;
  }
  return true;
}

/** Converts for arithmetic; strings must parse as numbers (hex and KB suffixes allowed). */
export function toNumber(value: unknown, typeName = 'System.Int32'): number {
  if (typeof value === 'number') return value;
  if (value === null || value === undefined) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') {
    const parsed = parseNumber(value);
    if (parsed !== undefined) return parsed;
  }
  if (Array.isArray(value) && value.length === 1) return toNumber(value[0], typeName);
  throw conversionError(value, typeName);
}

export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  const match = /^([+-]?)(0x[0-9a-f]+|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(kb|mb|gb|tb|pb)?$/i.exec(
    trimmed,
  );
  if (!match) return undefined;
  const body = match[2].toLowerCase();
  let value = body.startsWith('0x') ? parseInt(body, 16) : Number(body);
  const multipliers: Record<string, number> = { kb: 1, mb: 2, gb: 3, tb: 4, pb: 5 };
  if (match[3]) value *= 1024 ** multipliers[match[3].toLowerCase()];
  return match[1] === '-' ? -value : value;
}

export function conversionError(value: unknown, typeName: string): ScriptRuntimeError {
  const shown = value === null || value === undefined ? '' : toStr(value);
  const source = typeNameOf(value);
  if (typeof value === 'string') {
    return new ScriptRuntimeError(
      `Cannot convert value "${shown}" to type "${typeName}". Error: "The input string '${shown}' was not in a correct format."`,
      'InvalidCastFromStringToInteger',
      'InvalidArgument',
    );
  }
  return new ScriptRuntimeError(
    `Cannot convert the "${shown}" value of type "${source}" to type "${typeName}".`,
    'ConvertToFinalInvalidCastException',
    'InvalidArgument',
  );
}

/** The .NET type name PowerShell would report for a value. */
export function typeNameOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'System.String';
  if (typeof value === 'number') return Number.isInteger(value) ? 'System.Int32' : 'System.Double';
  if (typeof value === 'boolean') return 'System.Boolean';
  if (Array.isArray(value)) return 'System.Object[]';
  if (value instanceof Date) return 'System.DateTime';
  if (value instanceof Hashtable) {
    return value.ordered
      ? 'System.Collections.Specialized.OrderedDictionary'
      : 'System.Collections.Hashtable';
  }
  if (value instanceof ScriptBlock) return 'System.Management.Automation.ScriptBlock';
  if (value instanceof ErrorRecord) return 'System.Management.Automation.ErrorRecord';
  if (value instanceof Error) return value.name.replace(/Error$/, 'Exception');
  const names = (value as { [TYPE_NAMES]?: readonly string[] })[TYPE_NAMES];
  if (names) return names[0];
  return 'System.Management.Automation.PSCustomObject';
}

/** Case-insensitive own-property lookup on a plain object; returns the real key. */
export function findKey(object: object, name: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(object, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === lower);
}

/** The properties of a value as PowerShell lists them (for formatting and Select-Object *). */
export function propertiesOf(value: unknown): string[] {
  if (value instanceof ErrorRecord)
    return ['Exception', 'TargetObject', 'CategoryInfo', 'FullyQualifiedErrorId'];
  if (value instanceof Hashtable) return ['Keys', 'Values', 'Count'];
  if (isObject(value)) return Object.keys(value).filter((key) => !key.startsWith('_'));
  return [];
}
