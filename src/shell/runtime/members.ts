import { ErrorRecord, ScriptRuntimeError } from '../errors.js';
import { formatValue } from './format-string.js';
import { dateMember, dateMethod } from './date-members.js';
import { stringMethod } from './string-methods.js';
import {
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
    if (lower === 'clear') {
      target.length = 0;
      return undefined;
    }
    if (lower === 'add') {
      target.push(args[0]);
      return undefined;
    }
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
