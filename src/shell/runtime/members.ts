import { ErrorRecord, ScriptRuntimeError } from '../errors.js';
import { escapeRegExp, toRegExp } from './compare.js';
import { convertTo, toDate } from './convert.js';
import { formatComposite, formatValue } from './format-string.js';
import { matchTable } from './operators.js';
import {
  enumerate,
  findKey,
  Hashtable,
  isObject,
  ScriptBlock,
  toNumber,
  toStr,
  typeNameOf,
} from './values.js';

/**
 * Property access and the .NET methods scripts commonly call, on our JavaScript values. Member
 * access on an array without that member applies to each element (member enumeration).
 */
export function getMember(target: unknown, name: string): unknown {
  if (target === null || target === undefined) return null;
  const lower = name.toLowerCase();

  if (typeof target === 'string') {
    if (lower === 'length') return target.length;
    return null;
  }
  if (Array.isArray(target)) {
    if (lower === 'count' || lower === 'length') return target.length;
    const values = target
      .map((item) => getMember(item, name))
      .filter((v) => v !== null && v !== undefined);
    return values.length === 1 ? values[0] : values.flat();
  }
  if (target instanceof Hashtable) {
    if (target.has(name)) return target.get(name);
    if (lower === 'count') return target.size;
    if (lower === 'keys') return target.keys();
    if (lower === 'values') return target.values();
    return null;
  }
  if (target instanceof Date) return dateMember(target, lower);
  if (target instanceof ErrorRecord) {
    const key =
      findKey(target, name) ??
      [
        'Exception',
        'TargetObject',
        'FullyQualifiedErrorId',
        'CategoryInfo',
        'InvocationInfo',
        'ErrorDetails',
      ].find((k) => k.toLowerCase() === lower);
    return key ? (target as unknown as Record<string, unknown>)[key] : null;
  }
  if (target instanceof Error) {
    if (lower === 'message') return target.message;
    if (lower === 'innerexception') return (target as { cause?: unknown }).cause ?? null;
    if (lower === 'gettype') return null;
    const key = findKey(target, name);
    return key ? (target as unknown as Record<string, unknown>)[key] : null;
  }
  if (target instanceof ScriptBlock) return null;
  if (typeof target === 'object') {
    const key = findKey(target, name);
    if (key !== undefined) return (target as Record<string, unknown>)[key];
    return null;
  }
  if (typeof target === 'number' && lower === 'length') return 1;
  return null;
}

export function setMember(target: unknown, name: string, value: unknown): void {
  if (target instanceof Hashtable) {
    target.set(name, value);
    return;
  }
  if (isObject(target)) {
    const key = findKey(target, name);
    if (
      key === undefined &&
      !(target.constructor === Object || Object.getPrototypeOf(target) === null)
    ) {
      throw new ScriptRuntimeError(
        `The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`,
        'PropertyNotFound',
      );
    }
    if (key === undefined) {
      throw new ScriptRuntimeError(
        `The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`,
        'PropertyNotFound',
      );
    }
    (target as Record<string, unknown>)[key] = value;
    return;
  }
  throw new ScriptRuntimeError(
    `The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`,
    'PropertyNotFound',
  );
}

function dateMember(date: Date, lower: string): unknown {
  const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  switch (lower) {
    case 'year':
      return date.getFullYear();
    case 'month':
      return date.getMonth() + 1;
    case 'day':
      return date.getDate();
    case 'hour':
      return date.getHours();
    case 'minute':
      return date.getMinutes();
    case 'second':
      return date.getSeconds();
    case 'millisecond':
      return date.getMilliseconds();
    case 'dayofweek':
      return days[date.getDay()];
    case 'dayofyear':
      return Math.floor(
        (date.getTime() - new Date(date.getFullYear(), 0, 0).getTime()) / 86_400_000,
      );
    case 'date':
      return new Date(date.getFullYear(), date.getMonth(), date.getDate());
    case 'ticks':
      return date.getTime() * 10_000 + 621_355_968_000_000_000;
  }
  return null;
}

/** Calls a method; `invokeBlock` runs script blocks for .Where() / .ForEach(). */
export async function invokeMethod(
  target: unknown,
  name: string,
  args: unknown[],
  invokeBlock: (block: ScriptBlock, input: unknown) => Promise<unknown[]>,
): Promise<unknown> {
  const lower = name.toLowerCase();
  if (target === null || target === undefined) {
    throw new ScriptRuntimeError(
      'You cannot call a method on a null-valued expression.',
      'InvokeMethodOnNull',
    );
  }
  if (lower === 'tostring') {
    if (args.length > 0) return formatValue(target, toStr(args[0]));
    return toStr(target);
  }
  if (lower === 'gettype') {
    const full = typeNameOf(target);
    return { Name: full.split('.').pop(), FullName: full, toString: () => full };
  }
  if (lower === 'equals') return toStr(target) === toStr(args[0]);

  if (typeof target === 'string') return stringMethod(target, lower, args, name);
  if (Array.isArray(target)) {
    if (lower === 'where' && args[0] instanceof ScriptBlock) {
      const out: unknown[] = [];
      for (const item of target) {
        const result = await invokeBlock(args[0], item);
        if (result.some((r) => Boolean(r))) out.push(item);
      }
      return out;
    }
    if (lower === 'foreach' && args[0] instanceof ScriptBlock) {
      const out: unknown[] = [];
      for (const item of target) out.push(...(await invokeBlock(args[0], item)));
      return out;
    }
    if (lower === 'contains') return target.some((item) => toStr(item) === toStr(args[0]));
    if (lower === 'indexof') return target.findIndex((item) => toStr(item) === toStr(args[0]));
    if (lower === 'clone') return [...target];
    const results = [];
    for (const item of target) results.push(await invokeMethod(item, name, args, invokeBlock));
    return results;
  }
  if (target instanceof Hashtable) return hashtableMethod(target, lower, args, name);
  if (target instanceof Date) return dateMethod(target, lower, args, name);
  if (typeof target === 'number') {
    if (lower === 'compareto') return Math.sign(target - toNumber(args[0]));
  }
  throw methodNotFound(target, name);
}

function methodNotFound(target: unknown, name: string): ScriptRuntimeError {
  return new ScriptRuntimeError(
    `Method invocation failed because [${typeNameOf(target)}] does not contain a method named '${name}'.`,
    'MethodNotFound',
  );
}

function stringMethod(s: string, lower: string, args: unknown[], name: string): unknown {
  const a = args.map((arg) => (typeof arg === 'string' ? arg : arg));
  const str = (i: number): string => toStr(a[i]);
  const ignoreCase = (i: number): boolean => /ignorecase/i.test(toStr(a[i] ?? ''));
  switch (lower) {
    case 'toupper':
    case 'toupperinvariant':
      return s.toUpperCase();
    case 'tolower':
    case 'tolowerinvariant':
      return s.toLowerCase();
    case 'trim':
      return args.length ? trimChars(s, str(0), true, true) : s.trim();
    case 'trimstart':
      return args.length ? trimChars(s, str(0), true, false) : s.trimStart();
    case 'trimend':
      return args.length ? trimChars(s, str(0), false, true) : s.trimEnd();
    case 'startswith':
      return ignoreCase(1)
        ? s.toLowerCase().startsWith(str(0).toLowerCase())
        : s.startsWith(str(0));
    case 'endswith':
      return ignoreCase(1) ? s.toLowerCase().endsWith(str(0).toLowerCase()) : s.endsWith(str(0));
    case 'contains':
      return ignoreCase(1) ? s.toLowerCase().includes(str(0).toLowerCase()) : s.includes(str(0));
    case 'indexof':
      return s.indexOf(str(0), args[1] === undefined ? 0 : toNumber(args[1]));
    case 'lastindexof':
      return s.lastIndexOf(str(0));
    case 'replace':
      return s.split(str(0)).join(str(1));
    case 'split': {
      const separators = enumerate(args[0])
        .map(toStr)
        .flatMap((sep) =>
          sep.length > 1 && typeof args[0] === 'string' && args.length === 1 ? [...sep] : [sep],
        );
      if (separators.length === 0) return s.split(/\s/);
      const pattern = new RegExp(separators.map(escapeRegExp).join('|'));
      const parts = s.split(pattern);
      return /removeemptyentries/i.test(toStr(args[args.length - 1] ?? ''))
        ? parts.filter((p) => p)
        : parts;
    }
    case 'substring': {
      const start = toNumber(args[0]);
      const length = args.length > 1 ? toNumber(args[1]) : s.length - start;
      if (start < 0 || start > s.length || length < 0 || start + length > s.length) {
        throw new ScriptRuntimeError(
          `Exception calling "Substring" with "${args.length}" argument(s): "${args.length > 1 ? 'Index and length must refer to a location within the string.' : 'startIndex cannot be larger than length of string.'}${args.length > 1 ? " (Parameter 'length')" : " (Parameter 'startIndex')"}"`,
          'MethodInvocationException',
        );
      }
      return s.substr(start, length);
    }
    case 'padleft':
      return s.padStart(toNumber(args[0]), args.length > 1 ? str(1) : ' ');
    case 'padright':
      return s.padEnd(toNumber(args[0]), args.length > 1 ? str(1) : ' ');
    case 'insert':
      return s.slice(0, toNumber(args[0])) + str(1) + s.slice(toNumber(args[0]));
    case 'remove': {
      const start = toNumber(args[0]);
      return args.length > 1
        ? s.slice(0, start) + s.slice(start + toNumber(args[1]))
        : s.slice(0, start);
    }
    case 'tochararray':
      return [...s];
    case 'compareto':
      return Math.sign(s.localeCompare(str(0)));
    case 'normalize':
      return s.normalize();
    case 'getenumerator':
      return [...s];
  }
  throw methodNotFound(s, name);
}

function trimChars(s: string, chars: string, start: boolean, end: boolean): string {
  let from = 0;
  let to = s.length;
  while (start && from < to && chars.includes(s[from])) from += 1;
  while (end && to > from && chars.includes(s[to - 1])) to -= 1;
  return s.slice(from, to);
}

function hashtableMethod(table: Hashtable, lower: string, args: unknown[], name: string): unknown {
  switch (lower) {
    case 'containskey':
    case 'contains':
      return table.has(args[0]);
    case 'containsvalue':
      return table.values().some((v) => toStr(v) === toStr(args[0]));
    case 'add':
      table.add(args[0], args[1]);
      return undefined;
    case 'remove':
      table.delete(args[0]);
      return undefined;
    case 'clear':
      table.clear();
      return undefined;
    case 'clone':
      return table.clone();
    case 'getenumerator':
      return table.pairs().map(({ key, value }) => ({ Key: key, Value: value, Name: key }));
  }
  throw methodNotFound(table, name);
}

function dateMethod(date: Date, lower: string, args: unknown[], name: string): unknown {
  const n = toNumber(args[0] ?? 0, 'System.Double');
  const add = (ms: number): Date => new Date(date.getTime() + ms);
  switch (lower) {
    case 'adddays':
      return add(n * 86_400_000);
    case 'addhours':
      return add(n * 3_600_000);
    case 'addminutes':
      return add(n * 60_000);
    case 'addseconds':
      return add(n * 1000);
    case 'addmilliseconds':
      return add(n);
    case 'addmonths': {
      const copy = new Date(date);
      copy.setMonth(copy.getMonth() + n);
      return copy;
    }
    case 'addyears': {
      const copy = new Date(date);
      copy.setFullYear(copy.getFullYear() + n);
      return copy;
    }
    case 'toshortdatestring':
      return formatValue(date, 'd');
    case 'tolongdatestring':
      return formatValue(date, 'D');
    case 'toshorttimestring':
      return formatValue(date, 't');
    case 'tostring':
      return formatValue(date, toStr(args[0]));
    case 'subtract':
      return (date.getTime() - toDate(args[0]).getTime()) / 86_400_000;
  }
  throw methodNotFound(date, name);
}

/** `[type]::Member` and `[type]::Method(args)` for the few static types scripts use. */
export function staticMember(typeName: string, name: string, args?: unknown[]): unknown {
  const type = typeName.toLowerCase().replace(/^system\./, '');
  const member = name.toLowerCase();
  const n = (i: number): number => toNumber(args?.[i], 'System.Double');
  if (type === 'math') {
    const fns: Record<string, () => unknown> = {
      pi: () => Math.PI,
      e: () => Math.E,
      round: () => roundHalfEven(n(0), args && args.length > 1 ? n(1) : 0),
      floor: () => Math.floor(n(0)),
      ceiling: () => Math.ceil(n(0)),
      truncate: () => Math.trunc(n(0)),
      abs: () => Math.abs(n(0)),
      max: () => Math.max(n(0), n(1)),
      min: () => Math.min(n(0), n(1)),
      pow: () => Math.pow(n(0), n(1)),
      sqrt: () => Math.sqrt(n(0)),
      log: () => (args && args.length > 1 ? Math.log(n(0)) / Math.log(n(1)) : Math.log(n(0))),
      log10: () => Math.log10(n(0)),
      sign: () => Math.sign(n(0)),
    };
    if (fns[member]) return fns[member]();
  }
  if (type === 'string') {
    if (member === 'empty') return '';
    if (member === 'isnullorempty')
      return args?.[0] === null || args?.[0] === undefined || toStr(args[0]) === '';
    if (member === 'isnullorwhitespace') return toStr(args?.[0]).trim() === '';
    if (member === 'join')
      return enumerate(args?.slice(1).length === 1 ? args[1] : args?.slice(1))
        .map(toStr)
        .join(toStr(args?.[0]));
    if (member === 'format')
      return formatComposite(
        toStr(args?.[0]),
        args?.slice(1).length === 1 ? enumerate(args[1]) : (args?.slice(1) ?? []),
      );
    if (member === 'concat') return (args ?? []).map(toStr).join('');
  }
  if (type === 'int' || type === 'int32') {
    if (member === 'maxvalue') return 2147483647;
    if (member === 'minvalue') return -2147483648;
    if (member === 'parse') return convertTo(args?.[0], 'int');
  }
  if (type === 'long' || type === 'int64') {
    if (member === 'maxvalue') return Number.MAX_SAFE_INTEGER;
    if (member === 'minvalue') return Number.MIN_SAFE_INTEGER;
  }
  if (type === 'double' && member === 'parse') return convertTo(args?.[0], 'double');
  if (type === 'datetime') {
    if (member === 'now') return new Date();
    if (member === 'today') {
      const now = new Date();
      return new Date(now.getFullYear(), now.getMonth(), now.getDate());
    }
    if (member === 'parse') return toDate(args?.[0]);
  }
  if (type === 'regex') {
    if (member === 'escape') return escapeRegExp(toStr(args?.[0]));
    if (member === 'match') {
      const match = toRegExp(toStr(args?.[1]), false).exec(toStr(args?.[0]));
      return match
        ? { Success: true, Value: match[0], Index: match.index, Groups: matchTable(match).values() }
        : { Success: false, Value: '' };
    }
    if (member === 'ismatch') return toRegExp(toStr(args?.[1]), false).test(toStr(args?.[0]));
    if (member === 'replace')
      return toStr(args?.[0]).replace(toRegExp(toStr(args?.[1]), false, true), toStr(args?.[2]));
  }
  if (type === 'environment' && member === 'newline') return '\n';
  if (type === 'array' && member === 'indexof') {
    return enumerate(args?.[0]).findIndex((item) => toStr(item) === toStr(args?.[1]));
  }
  if (type === 'guid' && member === 'newguid') return crypto.randomUUID();
  if (type === 'io.path' || type === 'path') {
    if (member === 'getextension') return /\.[^./\\]*$/.exec(toStr(args?.[0]))?.[0] ?? '';
    if (member === 'getfilename') return toStr(args?.[0]).split(/[\\/]/).pop();
    if (member === 'getfilenamewithoutextension')
      return (toStr(args?.[0]).split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '');
  }
  throw new ScriptRuntimeError(
    args
      ? `Method invocation failed because [${typeName}] does not contain a method named '${name}'.`
      : `Unable to find type [${typeName}].`,
    args ? 'MethodNotFound' : 'TypeNotFound',
  );
}

/** [math]::Round uses banker's rounding. */
function roundHalfEven(value: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = value * factor;
  const floor = Math.floor(scaled);
  const diff = scaled - floor;
  let rounded: number;
  if (Math.abs(diff - 0.5) < 1e-9) rounded = floor % 2 === 0 ? floor : floor + 1;
  else rounded = Math.round(scaled);
  return rounded / factor;
}
