import type { Expression, Extent, ScriptBlockBody, Statement } from '../ast.js';
import { CASE_AWARE_OPERATORS } from '../operator-names.js';
import { parseHashtable } from './hashtable.js';
import { isDoubleQuote, isSingleQuote, Scanner } from './scanner.js';
import { parseDoubleQuoted, parseHereString } from './strings.js';

const COMPARISON = new Set(
  [...CASE_AWARE_OPERATORS]
    .flatMap((op) => [op, `i${op}`, `c${op}`])
    .concat(['join', 'is', 'isnot', 'as', 'band', 'bor', 'bxor', 'shl', 'shr']),
);
const LOGICAL = new Set(['and', 'or', 'xor']);
const MULTIPLICATIVE = new Set(['*', '/', '%']);

/**
 * Expression-mode parsing: operators by PowerShell precedence (logical < comparison < additive <
 * multiplicative < -f < range < comma < unary < postfix), literals, variables, strings with
 * expansion, hashtables, script blocks and casts. Statement parsing is supplied by the subclass.
 */
export abstract class ExpressionParser extends Scanner {
  abstract parseStatementList(closer: string): Statement[];
  abstract parseStatement(): Statement | undefined;
  abstract parseScriptBlockBody(closer: string, start: number): ScriptBlockBody;

  /** From `start` to the current position, without trailing blanks. */
  extentFrom(start: number): Extent {
    let end = this.pos;
    while (end > start && /\s/.test(this.src[end - 1])) end -= 1;
    return { start, end };
  }

  /** PowerShell 7's `a ?? b` and `cond ? a : b` sit below every other operator. */
  parseExpression(noComma = false): Expression {
    const start = this.pos;
    const left = this.parseLogical(noComma);
    this.skipSpace();
    if (this.peek() === '?' && this.peek(1) === '?' && this.peek(2) !== '=') {
      this.pos += 2;
      this.skipSpace(true);
      const right = this.parseExpression(noComma);
      return { type: 'Binary', operator: '??', left, right, extent: this.extentFrom(start) };
    }
    if (this.peek() === '?' && /\s/.test(this.peek(1))) {
      this.pos += 1;
      this.skipSpace(true);
      const ifTrue = this.parseExpression(noComma);
      this.skipSpace(true);
      this.expect(':', "Missing ':' in the ternary expression.");
      this.skipSpace(true);
      const ifFalse = this.parseExpression(noComma);
      return { type: 'Ternary', condition: left, ifTrue, ifFalse, extent: this.extentFrom(start) };
    }
    return left;
  }

  private parseLogical(noComma: boolean): Expression {
    const start = this.pos;
    let left = this.parseComparison(noComma);
    for (;;) {
      const op = this.peekDashOperator(LOGICAL);
      if (!op) return left;
      this.pos += op.length + 1;
      this.skipSpace(true);
      const right = this.parseComparison(noComma);
      left = { type: 'Binary', operator: op, left, right, extent: this.extentFrom(start) };
    }
  }

  /** `-name` operator at pos (after blanks) whose name is in `set`; does not consume it. */
  peekDashOperator(set: Set<string>): string | undefined {
    this.skipSpace();
    if (this.peek() !== '-' && this.peek() !== '\u2013') return undefined;
    const match = /^[a-z]+/i.exec(this.src.slice(this.pos + 1));
    if (!match) return undefined;
    const name = match[0].toLowerCase();
    return set.has(name) ? name : undefined;
  }

  private parseComparison(noComma: boolean): Expression {
    const start = this.pos;
    let left = this.parseAdditive(noComma);
    for (;;) {
      const op = this.peekDashOperator(COMPARISON);
      if (!op) return left;
      const opStart = this.pos;
      this.pos += op.length + 1;
      this.skipSpace(true);
      if (this.atEnd || /[)};|]/.test(this.peek())) {
        this.failAtEnd(`You must provide a value expression following the '-${op}' operator.`);
      }
      const right = this.parseAdditive(noComma);
      left = { type: 'Binary', operator: op, left, right, extent: { start, end: this.pos } };
      void opStart;
    }
  }

  private parseAdditive(noComma: boolean): Expression {
    const start = this.pos;
    let left = this.parseMultiplicative(noComma);
    for (;;) {
      this.skipSpace();
      const c = this.peek();
      if ((c !== '+' && c !== '-') || this.peek(1) === '=' || this.peek(1) === c) return left;
      if (c === '-' && /[a-z]/i.test(this.peek(1))) return left;
      this.pos += 1;
      this.skipSpace(true);
      this.requireOperand(c);
      const right = this.parseMultiplicative(noComma);
      left = { type: 'Binary', operator: c, left, right, extent: this.extentFrom(start) };
    }
  }

  private requireOperand(op: string): void {
    if (this.atEnd || /[)};|]/.test(this.peek())) {
      this.failAtEnd(`You must provide a value expression following the '${op}' operator.`);
    }
  }

  private parseMultiplicative(noComma: boolean): Expression {
    const start = this.pos;
    let left = this.parseFormat(noComma);
    for (;;) {
      this.skipSpace();
      const c = this.peek();
      if (!MULTIPLICATIVE.has(c) || this.peek(1) === '=') return left;
      this.pos += 1;
      this.skipSpace(true);
      this.requireOperand(c);
      const right = this.parseFormat(noComma);
      left = { type: 'Binary', operator: c, left, right, extent: this.extentFrom(start) };
    }
  }

  private parseFormat(noComma: boolean): Expression {
    const start = this.pos;
    let left = this.parseRange(noComma);
    while (this.peekDashOperator(new Set(['f']))) {
      this.pos += 2;
      this.skipSpace(true);
      const right = this.parseRange(noComma);
      left = { type: 'Binary', operator: 'f', left, right, extent: this.extentFrom(start) };
    }
    return left;
  }

  private parseRange(noComma: boolean): Expression {
    const start = this.pos;
    const left = noComma ? this.parseUnary() : this.parseComma();
    this.skipSpace();
    if (!this.startsWith('..')) return left;
    this.pos += 2;
    this.skipSpace(true);
    const right = noComma ? this.parseUnary() : this.parseComma();
    return { type: 'Binary', operator: '..', left, right, extent: this.extentFrom(start) };
  }

  private parseComma(): Expression {
    const start = this.pos;
    const first = this.parseUnary();
    this.skipSpace();
    if (this.peek() !== ',') return first;
    const items = [first];
    while (this.peek() === ',') {
      this.pos += 1;
      this.skipSpace(true);
      if (this.atEnd || /[)};|]/.test(this.peek())) this.failAtEnd("Missing expression after ','.");
      items.push(this.parseUnary());
      this.skipSpace();
    }
    return { type: 'ArrayLiteral', items, extent: this.extentFrom(start) };
  }

  parseUnary(): Expression {
    this.skipSpace();
    const start = this.pos;
    const c = this.peek();
    let op: string | undefined;
    if (c === '!') op = '!';
    else if ((c === '+' || c === '-') && this.peek(1) === c) op = c + c;
    else if (c === ',') op = ',';
    else if (c === '-' || c === '\u2013') {
      const word = /^[a-z]+/i.exec(this.src.slice(this.pos + 1))?.[0]?.toLowerCase();
      if (word === 'not' || word === 'bnot' || word === 'join' || word === 'split') op = `-${word}`;
      else if (!word) op = '-';
    } else if (c === '+') op = '+';

    if (op) {
      this.pos += op === '-' || op === '+' || op === '!' || op === ',' ? 1 : op.length;
      if (op === '--' || op === '++') this.pos = start + 2;
      this.skipSpace(true);
      if (this.atEnd || /[)};|]/.test(this.peek())) {
        this.failAtEnd(`Missing expression after unary operator '${op}'.`);
      }
      const operand = this.parseUnary();
      if (op === ',')
        return { type: 'ArrayLiteral', items: [operand], extent: this.extentFrom(start) };
      return { type: 'Unary', operator: op, operand, extent: this.extentFrom(start) };
    }

    if (c === '[' && /^\[\s*[a-z_][\w.]*(\[\])?\s*\]/i.test(this.src.slice(this.pos))) {
      return this.parseTypeExpression();
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parseTypeExpression(): Expression {
    const start = this.pos;
    const typeName = this.readTypeName();
    if (this.startsWith('::')) {
      return this.parsePostfix({ type: 'TypeLiteral', typeName, extent: this.extentFrom(start) });
    }
    this.skipSpace();
    if (
      this.atEnd ||
      /[)};|,=\n]/.test(this.peek()) ||
      (this.peek() === '-' && /[a-z]/i.test(this.peek(1)))
    ) {
      return { type: 'TypeLiteral', typeName, extent: this.extentFrom(start) };
    }
    const operand = this.parseUnary();
    return { type: 'Cast', typeName, operand, extent: this.extentFrom(start) };
  }

  /** `[name]` at pos; returns the name. */
  readTypeName(): string {
    const close = this.src.indexOf(']', this.pos);
    let end = close;
    if (this.src.startsWith('[]', close - 1) || this.src[close + 1] === ']') end = close + 1;
    const name = this.src.slice(this.pos + 1, end).trim();
    this.pos = end + 1;
    return name;
  }

  parsePostfix(target: Expression): Expression {
    const start = target.extent.start;
    for (;;) {
      const c = this.peek();
      if (c === '[') {
        this.pos += 1;
        this.skipSpace(true);
        if (this.peek() === ']') this.fail('Array index expression is missing or not valid.');
        const index = this.parseExpression();
        this.skipSpace(true);
        this.expect(']', "Missing ']' after array index expression.");
        target = { type: 'Index', target, index, extent: this.extentFrom(start) };
      } else if ((c === '.' && this.peek(1) !== '.') || (c === ':' && this.peek(1) === ':')) {
        const isStatic = c === ':';
        this.pos += isStatic ? 2 : 1;
        const member = this.parseMemberName();
        if (this.peek() === '(') {
          this.pos += 1;
          const args = this.parseArguments();
          target = {
            type: 'Invoke',
            target,
            member,
            args,
            isStatic,
            extent: this.extentFrom(start),
          };
        } else {
          target = { type: 'Member', target, member, isStatic, extent: this.extentFrom(start) };
        }
      } else if ((c === '+' || c === '-') && this.peek(1) === c && target.type !== 'Constant') {
        this.pos += 2;
        return {
          type: 'Unary',
          operator: c + c,
          operand: target,
          postfix: true,
          extent: this.extentFrom(start),
        };
      } else {
        return target;
      }
    }
  }

  private parseMemberName(): Expression {
    const start = this.pos;
    const c = this.peek();
    if (c === '$' || c === '(' || isSingleQuote(c) || isDoubleQuote(c)) return this.parsePrimary();
    const name = this.readIdentifier();
    if (!name) this.fail('Missing property name after reference operator.');
    return { type: 'Constant', value: name, extent: this.extentFrom(start) };
  }

  private parseArguments(): Expression[] {
    const args: Expression[] = [];
    this.skipSpace(true);
    if (this.peek() === ')') {
      this.pos += 1;
      return args;
    }
    for (;;) {
      this.skipSpace(true);
      args.push(this.parseExpression(true));
      this.skipSpace(true);
      if (this.peek() === ',') {
        this.pos += 1;
        continue;
      }
      this.expect(')', "Missing ')' in method call.");
      return args;
    }
  }

  parsePrimary(): Expression {
    this.skipSpace();
    const start = this.pos;
    const c = this.peek();

    const number = this.tryNumber(true);
    if (number !== undefined)
      return { type: 'Constant', value: number, extent: this.extentFrom(start) };

    if (isSingleQuote(c)) {
      return { type: 'Constant', value: this.readSingleQuoted(), extent: this.extentFrom(start) };
    }
    if (isDoubleQuote(c)) return parseDoubleQuoted(this);
    if (c === '@' && (isDoubleQuote(this.peek(1)) || isSingleQuote(this.peek(1))))
      return parseHereString(this);
    if (c === '$' && this.peek(1) === '(') {
      this.pos += 2;
      const statements = this.parseStatementList(')');
      return { type: 'SubExpression', statements, array: false, extent: this.extentFrom(start) };
    }
    if (c === '@' && this.peek(1) === '(') {
      this.pos += 2;
      const statements = this.parseStatementList(')');
      return { type: 'SubExpression', statements, array: true, extent: this.extentFrom(start) };
    }
    if (c === '@' && this.peek(1) === '{') return parseHashtable(this);
    if (c === '$') return this.parseVariable();
    if (c === '(') {
      this.pos += 1;
      this.skipSpace(true);
      const statement = this.parseStatement();
      this.skipSpace(true);
      if (!statement) this.failAtEnd("An expression was expected after '('.");
      this.expect(')', "Missing closing ')' in expression.");
      return { type: 'Paren', statement, extent: this.extentFrom(start) };
    }
    if (c === '{') {
      this.pos += 1;
      const body = this.parseScriptBlockBody('}', this.pos);
      return { type: 'ScriptBlock', body, extent: this.extentFrom(start) };
    }
    if (this.atEnd) this.failAtEnd('An expression was expected.');
    const word = /^[^\s;|(){},]+/.exec(this.src.slice(this.pos))?.[0] ?? c;
    this.fail(`Unexpected token '${word}' in expression or statement.`, start, word.length);
  }

  parseVariable(): Expression {
    const start = this.pos;
    this.pos += 1;
    if (this.peek() === '{') {
      const end = this.src.indexOf('}', this.pos);
      if (end < 0) this.fail("Missing closing '}' in variable name.", this.src.length);
      const full = this.src.slice(this.pos + 1, end);
      this.pos = end + 1;
      return this.variableNode(full, start);
    }
    if ('$?^'.includes(this.peek()) && this.peek() !== '') {
      const name = this.peek();
      this.pos += 1;
      return { type: 'Variable', name, extent: this.extentFrom(start) };
    }
    let name = this.readIdentifier();
    if (this.peek() === ':' && this.peek(1) !== ':' && /[\w]/.test(this.peek(1))) {
      this.pos += 1;
      name = `${name}:${this.readIdentifier()}`;
    }
    if (!name) {
      return { type: 'Constant', value: '$', extent: this.extentFrom(start) };
    }
    return this.variableNode(name, start);
  }

  private variableNode(full: string, start: number): Expression {
    const colon = full.indexOf(':');
    if (colon > 0) {
      const scope = full.slice(0, colon).toLowerCase();
      return {
        type: 'Variable',
        name: full.slice(colon + 1),
        scope,
        extent: this.extentFrom(start),
      };
    }
    return { type: 'Variable', name: full, extent: this.extentFrom(start) };
  }

  skipSeparators(): void {
    for (;;) {
      this.skipSpace(true);
      if (this.peek() === ';') this.pos += 1;
      else return;
    }
  }
}
