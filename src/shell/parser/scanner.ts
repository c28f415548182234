import { ParseError } from '../errors.js';

/** Characters that end a bare word in command mode. */
const WORD_DELIMITERS = new Set([
  ' ',
  '\t',
  '\r',
  '\n',
  ';',
  '|',
  '(',
  ')',
  '{',
  '}',
  ',',
  '>',
  '<',
  '\f',
]);

const NUMBER =
  /^(?:0x[0-9a-f]+|(?:\d+(?:\.(?!\.)\d*)?|\.\d+)(?:e[+-]?\d+)?)(l|d)?(kb|mb|gb|tb|pb)?/i;

const MULTIPLIERS: Record<string, number> = {
  kb: 1024,
  mb: 1024 ** 2,
  gb: 1024 ** 3,
  tb: 1024 ** 4,
  pb: 1024 ** 5,
};

/**
 * Character-level reading shared by the expression and statement parsers. PowerShell lexes
 * differently in command mode and expression mode, so the parsers ask for what they expect at
 * the current position instead of consuming a fixed token stream.
 */
export class Scanner {
  pos = 0;

  constructor(readonly src: string) {}

  get atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  peek(offset = 0): string {
    return this.src[this.pos + offset] ?? '';
  }

  startsWith(text: string): boolean {
    return this.src.startsWith(text, this.pos);
  }

  /** Case-insensitive keyword test that requires a word boundary after it. */
  atKeyword(word: string): boolean {
    const slice = this.src.slice(this.pos, this.pos + word.length);
    if (slice.toLowerCase() !== word) return false;
    const next = this.src[this.pos + word.length] ?? '';
    return !/[\w-]/.test(next) || next === '';
  }

  fail(message: string, offset = this.pos, length = 1): never {
    throw new ParseError(message, offset, { length, incomplete: offset >= this.src.length });
  }

  /** Like fail, but marks the error as "needs more input" whenever the text ended. */
  failAtEnd(message: string): never {
    throw new ParseError(message, this.pos, { incomplete: this.atEnd });
  }

  expect(text: string, message: string): void {
    if (!this.startsWith(text)) this.failAtEnd(message);
    this.pos += text.length;
  }

  /** Skips blanks, comments and backtick line continuations; newlines too when asked. */
  skipSpace(newlines = false): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t' || c === '\f' || c === '\r' || c === '\u00a0') {
        this.pos += 1;
      } else if (
        c === '`' &&
        (this.peek(1) === '\n' || (this.peek(1) === '\r' && this.peek(2) === '\n'))
      ) {
        this.pos += this.peek(1) === '\r' ? 3 : 2;
      } else if (c === '`' && this.pos + 1 === this.src.length) {
        this.fail('Missing the continuation line after the backtick.', this.pos + 1);
      } else if (c === '\n' && newlines) {
        this.pos += 1;
      } else if (c === '#') {
        while (!this.atEnd && this.peek() !== '\n') this.pos += 1;
      } else if (c === '<' && this.peek(1) === '#') {
        const end = this.src.indexOf('#>', this.pos + 2);
        if (end < 0) this.fail("Missing the closing '#>' of a block comment.", this.src.length);
        this.pos = end + 2;
      } else {
        return;
      }
    }
  }

  isDelimiter(c: string): boolean {
    return c === '' || WORD_DELIMITERS.has(c);
  }

  /** A number literal at pos, if one ends at a delimiter (any end when `loose`). */
  tryNumber(loose: boolean, command = false): number | undefined {
    const match = NUMBER.exec(this.src.slice(this.pos));
    if (!match) return undefined;

    const after = this.src[this.pos + match[0].length] ?? '';
    if (/[\w]/.test(after)) return undefined;
    if (command && !this.isDelimiter(after)) return undefined;
    if (!loose && !this.isDelimiter(after) && !'+-*/%=!.]'.includes(after)) return undefined;
    if (!loose && after === '.' && this.src[this.pos + match[0].length + 1] !== '.')
      return undefined;

    const body = match[0].slice(
      0,
      match[0].length - (match[1]?.length ?? 0) - (match[2]?.length ?? 0),
    );
    let value = body.toLowerCase().startsWith('0x') ? parseInt(body, 16) : Number(body);
    if (match[2]) value *= MULTIPLIERS[match[2].toLowerCase()];
    this.pos += match[0].length;
    return value;
  }

  /** An identifier made of word characters (member names, hashtable keys, parameter names). */
  readIdentifier(): string {
    const start = this.pos;
    while (/[\w]/.test(this.peek())) this.pos += 1;
    return this.src.slice(start, this.pos);
  }

  /** The text of a single-quoted string (the opening quote is at pos). */
  readSingleQuoted(): string {
    const start = this.pos;
    this.pos += 1;
    let out = '';
    for (;;) {
      if (this.atEnd) {
        throw new ParseError("The string is missing the terminator: '.", start, {
          incomplete: true,
        });
      }
      const c = this.peek();
      if (isSingleQuote(c)) {
        if (isSingleQuote(this.peek(1))) {
          out += "'";
          this.pos += 2;
          continue;
        }
        this.pos += 1;
        return out;
      }
      out += c;
      this.pos += 1;
    }
  }

  /** A backtick escape inside a double-quoted string or bare word (the backtick is at pos). */
  readEscape(): string {
    const c = this.peek(1);
    this.pos += 2;
    const table: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      '0': '\0',
      a: '\x07',
      b: '\b',
      e: '\x1b',
      f: '\f',
      v: '\v',
    };
    return table[c] ?? c;
  }
}

export function isSingleQuote(c: string): boolean {
  return c === "'" || c === '\u2018' || c === '\u2019';
}

export function isDoubleQuote(c: string): boolean {
  return c === '"' || c === '\u201c' || c === '\u201d';
}
