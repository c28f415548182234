/** A word of the line being completed. */
export interface LineToken {
  text: string;
  /** The text without its quotes (what the user means). */
  value: string;
  start: number;
  end: number;
  quoted: boolean;
  /** True when this word names a command (statement start, or after `|` `;` `(` `{` `&`). */
  commandPosition: boolean;
}

const BREAKS = new Set(['|', ';', '(', ')', '{', '}', '&', '\n']);

/**
 * Splits the text before the cursor into words, tolerating what is unfinished (an open quote).
 * A lighter cousin of the parser: completion runs on half-typed input.
 */
export function tokenize(text: string): LineToken[] {
  const tokens: LineToken[] = [];
  let commandNext = true;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      i += 1;
      continue;
    }
    if (BREAKS.has(c)) {
      commandNext = c !== ')' && c !== '}';
      i += 1;
      continue;
    }
    if (c === '=' || c === ',') {
      commandNext = false;
      i += 1;
      continue;
    }
    const start = i;
    let value = '';
    let quoted = false;
    while (
      i < text.length &&
      !(text[i] === ' ' || text[i] === '\t' || BREAKS.has(text[i]) || text[i] === ',')
    ) {
      const q = text[i];
      if (q === "'" || q === '"') {
        quoted = true;
        i += 1;
        while (i < text.length && text[i] !== q) {
          value += text[i];
          i += 1;
        }
        if (i < text.length) i += 1;
        continue;
      }
      if (q === '`' && i + 1 < text.length) {
        value += text[i + 1];
        i += 2;
        continue;
      }
      value += q;
      i += 1;
    }
    const tokenText = text.slice(start, i);
    tokens.push({
      text: tokenText,
      value,
      start,
      end: i,
      quoted,
      commandPosition: commandNext && !tokenText.startsWith('$'),
    });
    commandNext = false;
  }
  return tokens;
}

/** Characters that force a completed path into single quotes. */
export function needsQuotes(text: string): boolean {
  return /[\s'"`$;,(){}&|@#<>]/.test(text);
}

export function singleQuote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
