import { ScriptRuntimeError } from '../errors.js';
import { escapeRegExp, toRegExp } from './compare.js';
import { convertTo, toDate } from './convert.js';
import { formatComposite } from './format-string.js';
import { matchTable } from './operators.js';
import { enumerate, toNumber, toStr } from './values.js';

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
