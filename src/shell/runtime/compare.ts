import { ScriptRuntimeError } from '../errors.js';
import { parseNumber, toStr } from './values.js';

/**
 * Equality and ordering with PowerShell's rules: the left operand's type decides how the right
 * one is converted; strings compare case-insensitively unless asked otherwise.
 */
export function areEqual(left: unknown, right: unknown, caseSensitive = false): boolean {
  if (left === null || left === undefined) return right === null || right === undefined;
  if (right === null || right === undefined) return false;
  if (typeof left === 'number') {
    const r =
      typeof right === 'number'
        ? right
        : typeof right === 'boolean'
          ? Number(right)
          : parseNumber(toStr(right));
    return r !== undefined && left === r;
  }
  if (typeof left === 'boolean') {
    return left === (typeof right === 'string' ? right.length > 0 : Boolean(right));
  }
  if (typeof left === 'string') {
    const r = toStr(right);
    return caseSensitive ? left === r : left.toLowerCase() === r.toLowerCase();
  }
  if (left instanceof Date) {
    const r = right instanceof Date ? right : new Date(toStr(right));
    return left.getTime() === r.getTime();
  }
  return left === right;
}

/** -1, 0 or 1; throws when the operands cannot be ordered. */
export function compareValues(left: unknown, right: unknown, caseSensitive = false): number {
  if (left === null || left === undefined) {
    if (right === null || right === undefined) return 0;
    return -1;
  }
  if (right === null || right === undefined) return 1;
  if (typeof left === 'number' || typeof left === 'boolean') {
    const l = Number(left);
    const r = typeof right === 'number' ? right : parseNumber(toStr(right));
    if (r === undefined) {
      throw new ScriptRuntimeError(
        `Could not compare "${toStr(left)}" to "${toStr(right)}". Error: "Cannot convert value "${toStr(right)}" to type "System.Int32". Error: "The input string '${toStr(right)}' was not in a correct format.""`,
        'ComparisonFailure',
      );
    }
    return Math.sign(l - r);
  }
  if (left instanceof Date) {
    const r = right instanceof Date ? right : new Date(toStr(right));
    return Math.sign(left.getTime() - r.getTime());
  }
  const l = toStr(left);
  const r = toStr(right);
  return compareStrings(l, r, caseSensitive);
}

/** Culture-like ordering: case-insensitive first, lower case before upper on ties. */
export function compareStrings(l: string, r: string, caseSensitive = false): number {
  const base = l.localeCompare(r, 'en-US', { sensitivity: 'base' });
  if (base !== 0 || !caseSensitive) return Math.sign(base);
  return Math.sign(l.localeCompare(r, 'en-US', { sensitivity: 'case', caseFirst: 'lower' }));
}

/** PowerShell wildcard (`*`, `?`, `[a-z]`, backtick escape) as an anchored RegExp. */
export function wildcardToRegExp(pattern: string, caseSensitive = false): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i];
    if (c === '`' && i + 1 < pattern.length) {
      i += 1;
      source += escapeRegExp(pattern[i]);
    } else if (c === '*') source += '[\\s\\S]*';
    else if (c === '?') source += '[\\s\\S]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) {
        source += '\\[';
      } else {
        source += `[${pattern.slice(i + 1, close).replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else source += escapeRegExp(c);
  }
  return new RegExp(`^${source}$`, caseSensitive ? 'u' : 'iu');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function hasWildcard(text: string): boolean {
  return /[*?[]/.test(text);
}

/** .NET regular expression syntax mapped onto JavaScript's where they differ. */
export function toRegExp(pattern: string, caseSensitive: boolean, global = false): RegExp {
  const translated = pattern
    .replace(/\(\?<([A-Za-z_]\w*)>/g, '(?<$1>')
    .replace(/\\A/g, '^')
    .replace(/\\Z/gi, '$');
  try {
    return new RegExp(translated, `${caseSensitive ? '' : 'i'}${global ? 'g' : ''}u`);
  } catch {
    try {
      return new RegExp(translated, `${caseSensitive ? '' : 'i'}${global ? 'g' : ''}`);
    } catch (error) {
      throw new ScriptRuntimeError(
        `The regular expression pattern ${pattern} is not valid.`,
        'InvalidRegularExpression',
        'InvalidArgument',
      );
      void error;
    }
  }
}
