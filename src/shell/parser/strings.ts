import type { Expression } from '../ast.js';
import type { ExpressionParser } from './expressions.js';
import { isDoubleQuote } from './scanner.js';

/** `"…"` with `$var`, `$(…)` and backtick escapes expanded at run time. */
export function parseDoubleQuoted(p: ExpressionParser): Expression {
  const start = p.pos;
  p.pos += 1;
  const parts: (string | Expression)[] = [];
  let text = '';
  for (;;) {
    if (p.atEnd) throw unterminated(p, start, '"');
    const c = p.peek();
    if (isDoubleQuote(c)) {
      if (isDoubleQuote(p.peek(1))) {
        text += '"';
        p.pos += 2;
        continue;
      }
      p.pos += 1;
      break;
    }
    if (c === '`') {
      if (p.pos + 1 >= p.src.length) throw unterminated(p, start, '"');
      text += p.readEscape();
    } else if (c === '$' && /[\w{(?$^]/.test(p.peek(1)) && p.peek(1) !== '') {
      if (text) parts.push(text);
      text = '';
      parts.push(p.peek(1) === '(' ? p.parsePrimary() : p.parseVariable());
    } else {
      text += c;
      p.pos += 1;
    }
  }
  if (text || parts.length === 0) parts.push(text);
  if (parts.length === 1 && typeof parts[0] === 'string') {
    return { type: 'Constant', value: parts[0], extent: p.extentFrom(start) };
  }
  return { type: 'Expandable', parts, extent: p.extentFrom(start) };
}

export function unterminated(p: ExpressionParser, start: number, quote: string): Error {
  p.pos = p.src.length;
  try {
    p.fail(`The string is missing the terminator: ${quote}.`, p.src.length);
  } catch (error) {
    (error as { offset: number }).offset = start;
    return error as Error;
  }
}

export function parseHereString(p: ExpressionParser): Expression {
  const start = p.pos;
  const quote = p.peek(1);
  const expandable = isDoubleQuote(quote);
  const lineEnd = p.src.indexOf('\n', p.pos);
  if (lineEnd < 0 || p.src.slice(p.pos + 2, lineEnd).trim() !== '') {
    if (lineEnd < 0 && p.src.slice(p.pos + 2).trim() === '') {
      throw unterminated(p, start, `${quote}@`);
    }
    p.fail(
      'No characters are allowed after a here-string header but before the end of the line.',
      p.pos + 2,
    );
  }
  const closer = new RegExp(`\\r?\\n${expandable ? '["\u201c\u201d]' : "['\u2018\u2019]"}@`, 'g');
  closer.lastIndex = lineEnd;
  const found = closer.exec(p.src);
  if (!found) throw unterminated(p, start, `${quote}@`);
  const body = p.src.slice(lineEnd + 1, found.index);
  const bodyStart = lineEnd + 1;
  p.pos = found.index + found[0].length;
  if (!expandable) return { type: 'Constant', value: body, extent: p.extentFrom(start) };

  const resume = p.pos;
  const parts: (string | Expression)[] = [];
  let text = '';
  p.pos = bodyStart;
  const bodyEnd = bodyStart + body.length;
  while (p.pos < bodyEnd) {
    const c = p.peek();
    if (c === '`') text += p.readEscape();
    else if (c === '$' && /[\w{(?$^]/.test(p.peek(1))) {
      if (text) parts.push(text);
      text = '';
      parts.push(p.peek(1) === '(' ? p.parsePrimary() : p.parseVariable());
    } else {
      text += c;
      p.pos += 1;
    }
  }
  if (text || parts.length === 0) parts.push(text);
  p.pos = resume;
  return { type: 'Expandable', parts, extent: p.extentFrom(start) };
}
