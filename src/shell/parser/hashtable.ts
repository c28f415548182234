import type { Expression, Statement } from '../ast.js';
import type { ExpressionParser } from './expressions.js';

/** `@{ key = value; … }`: keys are bare words, strings, numbers or expressions. */
export function parseHashtable(p: ExpressionParser): Expression {
  const start = p.pos;
  p.pos += 2;
  const entries: { key: Expression; value: Statement }[] = [];
  for (;;) {
    p.skipSeparators();
    if (p.peek() === '}') {
      p.pos += 1;
      return { type: 'Hashtable', entries, extent: p.extentFrom(start) };
    }
    if (p.atEnd) p.failAtEnd("Missing closing '}' in hash literal.");
    const keyStart = p.pos;
    let key: Expression;
    if (/[\w]/.test(p.peek()) && p.tryNumber(false) === undefined) {
      const word = /^[\w-]+/.exec(p.src.slice(p.pos))?.[0] ?? '';
      p.pos += word.length;
      key = { type: 'Constant', value: word, extent: p.extentFrom(keyStart) };
    } else {
      p.pos = keyStart;
      key = p.parseUnary();
    }
    p.skipSpace();
    p.expect('=', "Missing '=' operator after key in hash literal.");
    p.skipSpace(true);
    const value = p.parseStatement();
    if (!value) p.failAtEnd("Missing statement after '=' in hash literal.");
    entries.push({ key, value });
    p.skipSpace();
    if (!/[;\n}]/.test(p.peek()) && !p.atEnd) {
      p.fail("Missing '=' operator after key in hash literal.");
    }
  }
}
