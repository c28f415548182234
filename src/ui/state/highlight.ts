/**
 * A small lexical highlighter for the line being typed, so it is coloured the way PSReadLine
 * colours it. It only needs to be right enough for colour: the shell's parser stays the judge of
 * what the text means, and unfinished text (an open quote) simply colours to the end.
 */

export type TokenKind =
  | 'command'
  | 'parameter'
  | 'string'
  | 'variable'
  | 'number'
  | 'comment'
  | 'operator'
  | 'keyword'
  | 'plain';

/** A coloured range `[start, end)` of the text. */
export interface Span {
  start: number;
  end: number;
  kind: TokenKind;
}

const KEYWORDS = new Set(
  (
    'if elseif else foreach for while do until switch function filter return break continue ' +
    'param begin process end try catch finally throw trap exit in'
  ).split(' '),
);

/** After these a bare word is a command name. */
const COMMAND_STARTERS = new Set(['|', ';', '{', '(', '\n', '&', '=']);

const OPERATOR_CHARS = /[|;{}()[\],=+*/%<>!&.]/;

function scanString(text: string, at: number): number {
  const quote = text[at];
  let index = at + 1;
  while (index < text.length) {
    const char = text[index];
    if (quote === '"' && char === '`') {
      index += 2;
      continue;
    }
    if (char === quote) {
      if (quote === "'" && text[index + 1] === "'") {
        index += 2;
        continue;
      }
      return index + 1;
    }
    index++;
  }
  return text.length;
}

function scanWhile(text: string, at: number, pattern: RegExp): number {
  let index = at;
  while (index < text.length && pattern.test(text[index])) index++;
  return index;
}

function scanVariable(text: string, at: number): number {
  if (text[at + 1] === '{') {
    const close = text.indexOf('}', at + 2);
    return close === -1 ? text.length : close + 1;
  }
  if (text[at + 1] === '_' || text[at + 1] === '?' || text[at + 1] === '$') {
    return scanWhile(text, at + 2, /[\w:]/);
  }
  return scanWhile(text, at + 1, /[\w:]/);
}

/** Splits `text` into coloured spans (gaps between spans are plain). */
export function highlight(text: string): Span[] {
  const spans: Span[] = [];
  let commandNext = true;
  let index = 0;

  const push = (end: number, kind: TokenKind): void => {
    spans.push({ start: index, end, kind });
    index = end;
  };

  while (index < text.length) {
    const char = text[index];

    if (char === '\n' || char === ' ' || char === '\t') {
      if (char === '\n') commandNext = true;
      index++;
    } else if (text.startsWith('<#', index)) {
      const close = text.indexOf('#>', index + 2);
      push(close === -1 ? text.length : close + 2, 'comment');
    } else if (char === '#') {
      const newline = text.indexOf('\n', index);
      push(newline === -1 ? text.length : newline, 'comment');
    } else if (char === "'" || char === '"') {
      push(scanString(text, index), 'string');
      commandNext = false;
    } else if (char === '$') {
      push(scanVariable(text, index), 'variable');
      commandNext = false;
    } else if (char === '-' && /[A-Za-z]/.test(text[index + 1] ?? '') && !commandNext) {
      push(scanWhile(text, index + 1, /[\w:-]/), 'parameter');
    } else if (/\d/.test(char)) {
      push(scanWhile(text, index, /[\w.]/), 'number');
      commandNext = false;
    } else if (
      OPERATOR_CHARS.test(char) &&
      !(commandNext && char === '.' && text[index + 1] !== ' ')
    ) {
      commandNext = COMMAND_STARTERS.has(char);
      push(index + 1, 'operator');
    } else {
      const end = scanWhile(text, index, /[^\s|;{}()'"$,=]/);
      const word = text.slice(index, end);
      const keyword = KEYWORDS.has(word.toLowerCase());
      push(end, keyword ? 'keyword' : commandNext ? 'command' : 'plain');
      // After a keyword such as `foreach` comes `(`, after `else` comes `{`: a command may follow.
      commandNext = keyword && /^(else|try|finally|do|begin|process|end)$/i.test(word);
    }
  }

  return spans;
}
