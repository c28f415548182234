import type {
  AssignmentNode,
  CommandArgument,
  CommandNode,
  Expression,
  ExpressionElement,
  PipelineNode,
  Redirection,
  ScriptBlockBody,
  Statement,
} from '../ast.js';
import { ParseError } from '../errors.js';
import { ExpressionParser } from './expressions.js';
import { parseParamBlock, parseFunctionParams } from './params.js';
import { isDoubleQuote, isSingleQuote } from './scanner.js';
import { parseControlStatement } from './statements.js';

const ASSIGNMENT = /^(=|\+=|-=|\*=|\/=|%=|\?\?=)(?!=)/;
const KEYWORDS = new Set([
  'if',
  'foreach',
  'for',
  'while',
  'do',
  'switch',
  'function',
  'filter',
  'return',
  'break',
  'continue',
  'throw',
  'exit',
  'try',
  'trap',
]);

/** Parses a whole script (or one line) into statements. Throws ParseError. */
export function parse(text: string): Statement[] {
  const parser = new Parser(text);
  const statements = parser.parseStatementList('');
  return statements;
}

/** Parses a script file's text: an optional `param(…)` block, then its statements. */
export function parseScript(text: string): ScriptBlockBody {
  const parser = new Parser(text);
  return parser.parseScriptBlockBody('', 0);
}

/**
 * Statements, pipelines and commands (command-mode argument parsing). Control-flow statements
 * live in statements.ts and parameter blocks in params.ts; both drive this class.
 */
export class Parser extends ExpressionParser {
  parseStatementList(closer: string): Statement[] {
    const statements: Statement[] = [];
    const open = this.pos - 1;
    for (;;) {
      this.skipSeparators();
      if (this.atEnd) {
        if (closer === '') return statements;
        const message =
          closer === '}'
            ? "Missing closing '}' in statement block or type definition."
            : "Missing closing ')' in subexpression.";
        throw new ParseError(message, this.src.length, { incomplete: true, errorId: String(open) });
      }
      if (closer !== '' && this.peek() === closer) {
        this.pos += 1;
        return statements;
      }
      const statement = this.parseStatement();
      if (!statement) {
        const c = this.peek();
        this.fail(`Unexpected token '${c}' in expression or statement.`);
      }
      statements.push(statement);
      this.skipSpace();
      const c = this.peek();
      if (!this.atEnd && c !== '\n' && c !== ';' && c !== closer) {
        const word = /^[^\s;]+/.exec(this.src.slice(this.pos))?.[0] ?? c;
        this.fail(`Unexpected token '${word}' in expression or statement.`, this.pos, word.length);
      }
    }
  }

  parseStatement(): Statement | undefined {
    this.skipSpace();
    if (this.atEnd || /[)}\n;]/.test(this.peek())) return undefined;

    let label: string | undefined;
    if (this.peek() === ':' && /[a-z]/i.test(this.peek(1))) {
      this.pos += 1;
      label = this.readIdentifier();
      this.skipSpace(true);
    }
    const word = /^[a-z]+/i.exec(this.src.slice(this.pos))?.[0]?.toLowerCase();
    if (word && KEYWORDS.has(word) && this.atKeyword(word)) {
      return parseControlStatement(this, word, label);
    }
    return this.parseChain(this.parsePipeline());
  }

  /** `first && second || third`, left to right. */
  private parseChain(first: Statement): Statement {
    let left = first;
    for (;;) {
      this.skipSpace();
      const op = this.startsWith('&&') ? '&&' : this.startsWith('||') ? '||' : undefined;
      if (!op) return left;
      this.pos += 2;
      this.skipSpace(true);
      if (this.atEnd || /[)};]/.test(this.peek()))
        this.failAtEnd(`Missing expression after '${op}'.`);
      const right = this.parsePipeline();
      left = {
        type: 'Chain',
        left,
        operator: op,
        right,
        extent: { start: left.extent.start, end: right.extent.end },
      };
    }
  }

  parsePipeline(): PipelineNode | AssignmentNode {
    const start = this.pos;
    const elements: PipelineNode['elements'] = [];
    for (;;) {
      this.skipSpace();
      const element = this.parsePipelineElement(elements.length === 0);
      if (elements.length === 0 && element.type === 'ExpressionElement') {
        this.skipSpace();
        const assign = ASSIGNMENT.exec(this.src.slice(this.pos));
        if (assign) return this.parseAssignment(element.expression, assign[1], start);
      }
      elements.push(element);
      this.skipSpace();
      if (this.peek() === '|' && this.peek(1) !== '|') {
        this.pos += 1;
        this.skipSpace(true);
        if (this.atEnd || /[)};|]/.test(this.peek())) {
          this.failAtEnd('An empty pipe element is not allowed.');
        }
        continue;
      }
      if (this.continuesOnNextLine()) continue;
      return { type: 'Pipeline', elements, extent: this.extentFrom(start) };
    }
  }

  /** PowerShell 7 lets a pipeline continue on a line that starts with `|`. */
  private continuesOnNextLine(): boolean {
    const save = this.pos;
    this.skipSpace(true);
    if (this.peek() === '|' && this.peek(1) !== '|') {
      this.pos += 1;
      this.skipSpace(true);
      return true;
    }
    this.pos = save;
    return false;
  }

  private parseAssignment(target: Expression, operator: string, start: number): AssignmentNode {
    const valid =
      ['Variable', 'Member', 'Index', 'Cast'].includes(target.type) ||
      (target.type === 'ArrayLiteral' && target.items.every((i) => i.type === 'Variable'));
    if (!valid) {
      this.fail(
        'The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.',
        target.extent.start,
        target.extent.end - target.extent.start,
      );
    }
    this.pos += operator.length;
    this.skipSpace(true);
    const value = this.parseStatement();
    if (!value)
      this.failAtEnd(`You must provide a value expression following the '${operator}' operator.`);
    return { type: 'Assignment', target, operator, value, extent: this.extentFrom(start) };
  }

  private parsePipelineElement(first: boolean): CommandNode | ExpressionElement {
    const start = this.pos;
    const c = this.peek();
    if (c === '&' && this.peek(1) !== '&') {
      this.pos += 1;
      this.skipSpace();
      const name = this.parseCommandNameExpression();
      return this.parseCommandRest(name, '&', start);
    }
    if (c === '.' && (this.peek(1) === ' ' || this.peek(1) === '\t')) {
      this.pos += 1;
      this.skipSpace();
      const name = this.parseCommandNameExpression();
      return this.parseCommandRest(name, '.', start);
    }
    if (this.startsExpression()) {
      if (!first) {
        this.fail('Expressions are only allowed as the first element of a pipeline.', start);
      }
      const expression = this.parseExpression();
      const redirections = this.parseRedirections();
      return {
        type: 'ExpressionElement',
        expression,
        redirections,
        extent: this.extentFrom(start),
      };
    }
    const name = this.readBareWord();
    return this.parseCommandRest(name, null, start);
  }

  private parseCommandNameExpression(): string | Expression {
    const c = this.peek();
    if (c === '$' || c === '(' || c === '{' || isSingleQuote(c) || isDoubleQuote(c)) {
      return this.parsePostfix(this.parsePrimary());
    }
    return this.readBareWord();
  }

  private startsExpression(): boolean {
    const c = this.peek();
    if ('$(@\'"{[!,'.includes(c) || isSingleQuote(c) || isDoubleQuote(c)) return true;
    if (c === '-' || c === '+') return !/^-[a-z]+-/i.test(this.src.slice(this.pos, this.pos + 40));
    if (/[\d.]/.test(c)) {
      const save = this.pos;
      const number = this.tryNumber(false);
      this.pos = save;
      return number !== undefined;
    }
    return false;
  }

  private readBareWord(): string {
    const start = this.pos;
    let text = '';
    while (!this.atEnd && !this.isDelimiter(this.peek())) {
      if (this.peek() === '`') text += this.readEscape();
      else {
        text += this.peek();
        this.pos += 1;
      }
    }
    if (this.pos === start)
      this.fail(`Unexpected token '${this.peek()}' in expression or statement.`);
    return text;
  }

  private parseCommandRest(
    name: string | Expression,
    invocation: '&' | '.' | null,
    start: number,
  ): CommandNode {
    const args: CommandArgument[] = [];
    const redirections: Redirection[] = [];
    for (;;) {
      this.skipSpace();
      const c = this.peek();
      if (this.atEnd || c === '\n' || c === ';' || c === ')' || c === '}' || c === '|') break;
      if (c === '&' && this.peek(1) === '&') break;
      const redirection = this.tryRedirection();
      if (redirection) {
        redirections.push(redirection);
        continue;
      }
      args.push(this.parseCommandArgument());
    }
    return {
      type: 'Command',
      name,
      invocation,
      args,
      redirections,
      extent: this.extentFrom(start),
    };
  }

  private parseRedirections(): Redirection[] {
    const redirections: Redirection[] = [];
    for (;;) {
      this.skipSpace();
      const redirection = this.tryRedirection();
      if (!redirection) return redirections;
      redirections.push(redirection);
    }
  }

  private tryRedirection(): Redirection | undefined {
    const match = /^([1-6*]?)>(>?)(&1)?/.exec(this.src.slice(this.pos));
    if (!match) return undefined;
    this.pos += match[0].length;
    const from = match[1] || '1';
    if (match[3]) return { from, to: '&1' };
    this.skipSpace();
    return { from, to: this.parseCommandValue(), append: match[2] === '>' };
  }

  private parseCommandArgument(): CommandArgument {
    const start = this.pos;
    const c = this.peek();
    if (c === '@' && /[\w]/.test(this.peek(1))) {
      this.pos += 1;
      return { kind: 'splat', name: this.readIdentifier(), extent: this.extentFrom(start) };
    }
    if ((c === '-' || c === '\u2013') && /[a-z_?]/i.test(this.peek(1))) {
      this.pos += 1;
      let name = '';
      while (!this.atEnd && !this.isDelimiter(this.peek()) && this.peek() !== ':') {
        name += this.peek();
        this.pos += 1;
      }
      const text = this.src.slice(start, this.pos);
      if (this.peek() === ':') {
        this.pos += 1;
        this.skipSpace();
        const value = this.parseCommandValue();
        return { kind: 'parameter', name, value, text, extent: this.extentFrom(start) };
      }
      return { kind: 'parameter', name, text, extent: this.extentFrom(start) };
    }
    const value = this.parseCommandValue();
    return { kind: 'argument', value, extent: this.extentFrom(start) };
  }

  /** One command-mode value, with `a,b,c` arrays. */
  parseCommandValue(): Expression {
    const start = this.pos;
    const first = this.parseCommandElement();
    this.skipSpace();
    if (this.peek() !== ',') return first;
    const items = [first];
    while (this.peek() === ',') {
      this.pos += 1;
      this.skipSpace(true);
      items.push(this.parseCommandElement());
      this.skipSpace();
    }
    return { type: 'ArrayLiteral', items, extent: this.extentFrom(start) };
  }

  private parseCommandElement(): Expression {
    const start = this.pos;
    const c = this.peek();
    const parts: (string | Expression)[] = [];

    if ('$(@{'.includes(c) && c !== '' && !(c === '@' && !'({'.includes(this.peek(1)))) {
      parts.push(
        c === '$' && this.peek(1) !== '('
          ? this.parsePostfix(this.parseVariable())
          : this.parsePostfix(this.parsePrimary()),
      );
    } else if (isSingleQuote(c) || isDoubleQuote(c)) {
      parts.push(this.parsePrimary());
    } else {
      const save = this.pos;
      const number = /[\d.-]/.test(c) ? this.tryNumber(false, true) : undefined;
      if (number !== undefined) {
        return {
          type: 'Constant',
          value: c === '-' ? number : number,
          extent: this.extentFrom(start),
        };
      }
      this.pos = save;
      if (c === '-' && /\d/.test(this.peek(1))) {
        this.pos += 1;
        const negative = this.tryNumber(false, true);
        if (negative !== undefined)
          return { type: 'Constant', value: -negative, extent: this.extentFrom(start) };
        this.pos = save;
      }
    }

    let text = '';
    while (!this.atEnd && !this.isDelimiter(this.peek())) {
      const ch = this.peek();
      if (ch === '`') {
        text += this.readEscape();
      } else if (ch === '$' && /[\w{(]/.test(this.peek(1))) {
        if (text) parts.push(text);
        text = '';
        parts.push(this.peek(1) === '(' ? this.parsePrimary() : this.parseVariable());
      } else if (isSingleQuote(ch) || isDoubleQuote(ch)) {
        if (text) parts.push(text);
        text = '';
        parts.push(this.parsePrimary());
      } else {
        text += ch;
        this.pos += 1;
      }
    }
    if (text) parts.push(text);

    if (parts.length === 1 && typeof parts[0] !== 'string') return parts[0];
    if (parts.every((part) => typeof part === 'string')) {
      return { type: 'Constant', value: parts.join(''), extent: this.extentFrom(start) };
    }
    return { type: 'Expandable', parts, extent: this.extentFrom(start) };
  }

  parseBlock(what: string): Statement[] {
    this.skipSpace(true);
    if (this.peek() !== '{') this.failAtEnd(`Missing statement block ${what}.`);
    this.pos += 1;
    return this.parseStatementList('}');
  }

  parseScriptBlockBody(closer: string, start: number): ScriptBlockBody {
    return parseParamBlock(this, closer, start);
  }

  parseFunctionParams(): ReturnType<typeof parseFunctionParams> {
    return parseFunctionParams(this);
  }
}
