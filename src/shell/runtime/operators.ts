import { ScriptRuntimeError } from '../errors.js';
import { CASE_AWARE_OPERATORS } from '../operator-names.js';
import { timeSpan } from './timespan.js';
import { isType } from './type-test.js';
import { areEqual, compareValues, toRegExp, wildcardToRegExp } from './compare.js';
import { convertTo } from './convert.js';
import { formatComposite } from './format-string.js';
import { enumerate, Hashtable, toArray, toBool, toNumber, toStr, typeNameOf } from './values.js';

/** What an operator may need from the running session ($Matches). */
export interface OperatorScope {
  setMatches(value: Hashtable | undefined): void;
}

/** Evaluates `left <op> right` (op without the dash, e.g. `eq`, `+`, `ilike`). */
export function binaryOperator(
  op: string,
  left: unknown,
  right: unknown,
  scope: OperatorScope,
): unknown {
  switch (op) {
    case '+':
      return add(left, right);
    case '-':
      if (left instanceof Date && right instanceof Date)
        return timeSpan(left.getTime() - right.getTime());
      return arithmetic(left, right, (a, b) => a - b, '-');
    case '*':
      return multiply(left, right);
    case '/':
      return arithmetic(left, right, divide, '/');
    case '%':
      return arithmetic(left, right, (a, b) => a % b, '%');
    case '..':
      return range(toNumber(left), toNumber(right));
    case 'f':
      return formatComposite(toStr(left), toArray(right));
    case 'and':
      return toBool(left) && toBool(right);
    case 'or':
      return toBool(left) || toBool(right);
    case 'xor':
      return toBool(left) !== toBool(right);
    case 'join':
      return enumerate(left).map(toStr).join(toStr(right));
    case 'is':
    case 'isnot':
      return isType(left, toStr(right)) === (op === 'is');
    case 'as':
      try {
        return convertTo(left, toStr(right));
      } catch {
        return null;
      }
    case 'band':
      return toNumber(left) & toNumber(right);
    case 'bor':
      return toNumber(left) | toNumber(right);
    case 'bxor':
      return toNumber(left) ^ toNumber(right);
    case 'shl':
      return toNumber(left) << toNumber(right);
    case 'shr':
      return toNumber(left) >> toNumber(right);
  }

  const base = CASE_AWARE_OPERATORS.has(op) ? op : op.slice(1);
  const caseSensitive = base !== op && op.startsWith('c');
  return comparison(base, left, right, caseSensitive, scope);
}

function comparison(
  op: string,
  left: unknown,
  right: unknown,
  cs: boolean,
  scope: OperatorScope,
): unknown {
  const test = (value: unknown): boolean => compareOne(op, value, right, cs, scope);
  switch (op) {
    case 'contains':
      return enumerate(left).some((item) => areEqual(item, right, cs));
    case 'notcontains':
      return !enumerate(left).some((item) => areEqual(item, right, cs));
    case 'in':
      return enumerate(right).some((item) => areEqual(item, left, cs));
    case 'notin':
      return !enumerate(right).some((item) => areEqual(item, left, cs));
    case 'replace':
      return replace(left, right, cs);
    case 'split':
      return split(left, right, cs);
  }
  if (Array.isArray(left)) {
    if (op === 'match' || op === 'notmatch') {
      return left.filter((item) =>
        compareOne(op, item, right, cs, { setMatches: () => undefined }),
      );
    }
    return left.filter(test);
  }
  return test(left);
}

function compareOne(
  op: string,
  left: unknown,
  right: unknown,
  cs: boolean,
  scope: OperatorScope,
): boolean {
  switch (op) {
    case 'eq':
      return areEqual(left, right, cs);
    case 'ne':
      return !areEqual(left, right, cs);
    case 'gt':
      return compareValues(left, right, cs) > 0;
    case 'ge':
      return compareValues(left, right, cs) >= 0;
    case 'lt':
      return compareValues(left, right, cs) < 0;
    case 'le':
      return compareValues(left, right, cs) <= 0;
    case 'like':
      return wildcardToRegExp(toStr(right), cs).test(toStr(left));
    case 'notlike':
      return !wildcardToRegExp(toStr(right), cs).test(toStr(left));
    case 'match':
    case 'notmatch': {
      const match = toRegExp(toStr(right), cs).exec(toStr(left));
      if (match) scope.setMatches(matchTable(match));
      return op === 'match' ? match !== null : match === null;
    }
  }
  throw new ScriptRuntimeError(
    `Unexpected token '-${op}' in expression or statement.`,
    'UnexpectedToken',
  );
}

/** `$Matches`: group numbers and names to captured text. */
export function matchTable(match: RegExpExecArray): Hashtable {
  const table = new Hashtable();
  for (const [name, value] of Object.entries(match.groups ?? {})) {
    if (value !== undefined) table.set(name, value);
  }
  for (let i = match.length - 1; i >= 0; i -= 1) {
    if (match[i] !== undefined) table.set(i, match[i]);
  }
  return table;
}

function add(left: unknown, right: unknown): unknown {
  if (left === null || left === undefined) return Array.isArray(right) ? [...right] : right;
  if (Array.isArray(left)) return [...left, ...(Array.isArray(right) ? right : [right])];
  if (left instanceof Hashtable) {
    if (!(right instanceof Hashtable)) {
      throw new ScriptRuntimeError(
        'A hash table can only be added to another hash table.',
        'AddHashTableToNonHashTable',
      );
    }
    const merged = left.clone();
    for (const { key, value } of right.pairs()) merged.add(key, value);
    return merged;
  }
  if (typeof left === 'string') return left + toStr(right);
  if (left instanceof Date) return new Date(left.getTime() + toNumber(right) / 10_000);
  return arithmetic(left, right, (a, b) => a + b, '+');
}

function multiply(left: unknown, right: unknown): unknown {
  if (typeof left === 'string') return left.repeat(Math.max(0, toNumber(right)));
  if (Array.isArray(left)) {
    const times = toNumber(right);
    return Array.from({ length: times }, () => left).flat();
  }
  return arithmetic(left, right, (a, b) => a * b, '*');
}

function divide(a: number, b: number): number {
  if (b === 0)
    throw new ScriptRuntimeError(
      'Attempted to divide by zero.',
      'RuntimeException',
      'NotSpecified',
      'DivideByZeroException',
    );
  return a / b;
}

function arithmetic(
  left: unknown,
  right: unknown,
  fn: (a: number, b: number) => number,
  op: string,
): number {
  if (
    Array.isArray(left) ||
    left instanceof Hashtable ||
    (typeof left === 'object' && left !== null && !(left instanceof Date))
  ) {
    throw new ScriptRuntimeError(
      `Method invocation failed because [${typeNameOf(left)}] does not contain a method named 'op_${opName(op)}'.`,
      'MethodNotFound',
    );
  }
  const a = toNumber(
    left,
    typeof right === 'number' && !Number.isInteger(right) ? 'System.Double' : 'System.Int32',
  );
  const b = toNumber(
    right,
    typeof left === 'number' && !Number.isInteger(left) ? 'System.Double' : 'System.Int32',
  );
  if (op === '%' && b === 0)
    throw new ScriptRuntimeError(
      'Attempted to divide by zero.',
      'RuntimeException',
      'NotSpecified',
      'DivideByZeroException',
    );
  return fn(a, b);
}

function opName(op: string): string {
  return (
    { '-': 'Subtraction', '*': 'Multiply', '/': 'Division', '%': 'Modulus', '+': 'Addition' }[op] ??
    op
  );
}

export function range(from: number, to: number): number[] {
  const a = Math.round(from);
  const b = Math.round(to);
  const out: number[] = [];
  if (Math.abs(b - a) > 50_000_000) {
    throw new ScriptRuntimeError('The range is too large.', 'RangeTooLarge');
  }
  if (a <= b) for (let i = a; i <= b; i += 1) out.push(i);
  else for (let i = a; i >= b; i -= 1) out.push(i);
  return out;
}

function replace(left: unknown, right: unknown, cs: boolean): unknown {
  const [pattern, replacement] = Array.isArray(right) ? right : [right, ''];
  const regex = toRegExp(toStr(pattern), cs, true);
  const substitute = toStr(replacement)
    .replace(/\$\{(\w+)\}/g, '$<$1>')
    .replace(/\$0/g, '$&');
  const one = (value: unknown): string => toStr(value).replace(regex, substitute);
  return Array.isArray(left) ? left.map(one) : one(left);
}

function split(left: unknown, right: unknown, cs: boolean): unknown {
  const [pattern, limit] = Array.isArray(right) ? right : [right, 0];
  const max = toNumber(limit);
  const regex = toRegExp(toStr(pattern), cs, true);
  return enumerate(left).flatMap((value) => {
    const text = toStr(value);
    if (max <= 0) return text.split(regex).filter((part) => part !== undefined);
    const parts: string[] = [];
    let rest = text;
    let match: RegExpExecArray | null;
    regex.lastIndex = 0;
    while (parts.length < max - 1 && (match = regex.exec(rest)) !== null) {
      parts.push(rest.slice(0, match.index));
      rest = rest.slice(match.index + match[0].length);
      regex.lastIndex = 0;
    }
    parts.push(rest);
    return parts;
  });
}

/** The unary operators (-not, !, -, +, -join, -split, -bnot). */
export function unaryOperator(op: string, value: unknown): unknown {
  switch (op) {
    case '!':
    case '-not':
      return !toBool(value);
    case '-':
      return -toNumber(value);
    case '+':
      return toNumber(value);
    case '-bnot':
      return ~toNumber(value);
    case '-join':
      return enumerate(value).map(toStr).join('');
    case '-split':
      return enumerate(value).flatMap((v) => toStr(v).trim().split(/\s+/));
  }
  throw new ScriptRuntimeError(`Unknown operator '${op}'.`, 'UnknownOperator');
}

export { isType };
