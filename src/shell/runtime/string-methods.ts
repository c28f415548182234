import { ScriptRuntimeError } from '../errors.js';
import { escapeRegExp } from './compare.js';
import { enumerate, toNumber, toStr } from './values.js';

/** The System.String methods scripts call most. */
export function stringMethod(s: string, lower: string, args: unknown[], name: string): unknown {
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
  throw new ScriptRuntimeError(
    `Method invocation failed because [System.String] does not contain a method named '${name}'.`,
    'MethodNotFound',
  );
}

function trimChars(s: string, chars: string, start: boolean, end: boolean): string {
  let from = 0;
  let to = s.length;
  while (start && from < to && chars.includes(s[from])) from += 1;
  while (end && to > from && chars.includes(s[to - 1])) to -= 1;
  return s.slice(from, to);
}
