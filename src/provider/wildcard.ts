import { WildcardPatternError } from './errors.js';

/**
 * PowerShell's wildcard language: `*` (any run), `?` (exactly one character), `[abc]` and
 * `[a-z]` (one character of a set), and the backtick escaping the next character. Glob libraries
 * differ on `[]`, backticks and case rules, so the pattern is compiled to a RegExp here.
 */
export class WildcardPattern {
  readonly pattern: string;
  readonly caseSensitive: boolean;
  private readonly regex: RegExp;

  constructor(pattern: string, options: { caseSensitive?: boolean } = {}) {
    this.pattern = pattern;
    this.caseSensitive = options.caseSensitive ?? false;
    try {
      this.regex = new RegExp(`^${compile(pattern)}$`, this.caseSensitive ? 'su' : 'siu');
    } catch (error) {
      // A reversed range such as `[z-a]` is a RegExp syntax error.
      if (error instanceof WildcardPatternError) throw error;
      throw new WildcardPatternError(pattern);
    }
  }

  isMatch(text: string): boolean {
    return this.regex.test(text);
  }

  /** True when `text` has an unescaped `*`, `?`, `[` or `]` (it must be globbed). */
  static containsWildcard(text: string): boolean {
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      if (char === '`') i++;
      else if (char === '*' || char === '?' || char === '[' || char === ']') return true;
    }

    return false;
  }

  /** Removes the backticks that escape wildcard characters (and escaped backticks). */
  static unescape(text: string): string {
    return text.replace(/`([*?[\]`])/g, '$1');
  }

  /** Escapes the wildcard characters of a literal name so it matches only itself. */
  static escape(text: string): string {
    return text.replace(/[*?[\]`]/g, '`$&');
  }
}

/** True when `name` matches any of `patterns` (an empty list matches nothing). */
export function matchesAny(name: string, patterns: readonly WildcardPattern[]): boolean {
  return patterns.some((pattern) => pattern.isMatch(name));
}

function literal(char: string): string {
  return `\\u{${char.codePointAt(0)!.toString(16)}}`;
}

function compile(pattern: string): string {
  const chars = Array.from(pattern);
  let out = '';

  for (let i = 0; i < chars.length; i++) {
    const char = chars[i];
    if (char === '`') {
      // A trailing backtick escapes nothing and stands for itself.
      out += literal(chars[i + 1] ?? '`');
      i++;
    } else if (char === '*') {
      out += '.*';
    } else if (char === '?') {
      out += '.';
    } else if (char === '[') {
      const end = compileSet(chars, i, pattern);
      out += end.source;
      i = end.index;
    } else {
      out += literal(char);
    }
  }

  return out;
}

/** Compiles `[…]` starting at `start`; returns the class and the index of the closing `]`. */
function compileSet(chars: string[], start: number, pattern: string) {
  const members: string[] = [];
  let i = start + 1;

  for (; i < chars.length && chars[i] !== ']'; i++) {
    let char = chars[i];
    if (char === '`' && i + 1 < chars.length) char = chars[++i];

    const isRange = chars[i + 1] === '-' && i + 2 < chars.length && chars[i + 2] !== ']';
    if (isRange) {
      let high = chars[i + 2];
      i += 2;
      if (high === '`' && i + 1 < chars.length) high = chars[++i];
      members.push(`${literal(char)}-${literal(high)}`);
    } else {
      members.push(literal(char));
    }
  }

  if (i >= chars.length || members.length === 0) throw new WildcardPatternError(pattern);
  return { source: `[${members.join('')}]`, index: i };
}
