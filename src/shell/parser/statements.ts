import type { Expression, Statement, SwitchNode, TryNode } from '../ast.js';
import type { Parser } from './parser.js';

/** if / foreach / for / while / do / switch / function / try and the flow keywords. */
export function parseControlStatement(p: Parser, word: string, label?: string): Statement {
  const start = p.pos;
  p.pos += word.length;
  switch (word) {
    case 'if':
      return parseIf(p, start);
    case 'foreach':
      return parseForeach(p, start, label);
    case 'for':
      return parseFor(p, start, label);
    case 'while': {
      const condition = parseCondition(p, 'while');
      const body = p.parseBlock("after 'while' condition");
      return { type: 'While', condition, body, label, extent: p.extentFrom(start) };
    }
    case 'do':
      return parseDo(p, start, label);
    case 'switch':
      return parseSwitch(p, start, label);
    case 'function':
    case 'filter':
      return parseFunction(p, start, word === 'filter');
    case 'try':
      return parseTry(p, start);
    case 'trap':
      p.fail("The 'trap' statement is not supported; use try/catch instead.", start, 4);
      break;
    default:
      return parseFlow(p, word, start);
  }
}

function parseCondition(p: Parser, keyword: string): Statement {
  p.skipSpace(true);
  p.expect('(', `Missing opening '(' after keyword '${keyword}'.`);
  p.skipSpace(true);
  const condition = p.parseStatement();
  if (!condition) p.failAtEnd(`Missing condition in ${keyword} statement after '${keyword} ('.`);
  p.skipSpace(true);
  p.expect(')', `Missing closing ')' after expression in '${keyword}' statement.`);
  return condition;
}

function parseIf(p: Parser, start: number): Statement {
  const clauses = [];
  let elseBody: Statement[] | undefined;
  const condition = parseCondition(p, 'if') as never;
  clauses.push({ condition, body: p.parseBlock('after if ( condition )') });
  for (;;) {
    const save = p.pos;
    p.skipSpace(true);
    if (p.atKeyword('elseif')) {
      p.pos += 6;
      const next = parseCondition(p, 'elseif') as never;
      clauses.push({ condition: next, body: p.parseBlock('after elseif ( condition )') });
    } else if (p.atKeyword('else')) {
      p.pos += 4;
      elseBody = p.parseBlock("after 'else' keyword");
      break;
    } else {
      p.pos = save;
      break;
    }
  }
  return { type: 'If', clauses, elseBody, extent: p.extentFrom(start) };
}

function parseForeach(p: Parser, start: number, label?: string): Statement {
  p.skipSpace(true);
  p.expect('(', "Missing opening '(' after keyword 'foreach'.");
  p.skipSpace(true);
  if (p.peek() !== '$') p.failAtEnd('Missing variable name after foreach.');
  const variable = p.parseVariable() as Extract<Expression, { type: 'Variable' }>;
  p.skipSpace(true);
  if (!p.atKeyword('in')) p.failAtEnd("Missing 'in' after variable in foreach loop.");
  p.pos += 2;
  p.skipSpace(true);
  const iterable = p.parseStatement();
  if (!iterable) p.failAtEnd("Missing foreach loop collection after 'in'.");
  p.skipSpace(true);
  p.expect(')', "Missing closing ')' after expression in 'foreach' statement.");
  const body = p.parseBlock('in foreach loop');
  return {
    type: 'Foreach',
    variable: variable.name,
    iterable,
    body,
    label,
    extent: p.extentFrom(start),
  };
}

function parseFor(p: Parser, start: number, label?: string): Statement {
  p.skipSpace(true);
  p.expect('(', "Missing opening '(' after keyword 'for'.");
  const part = (end: string): Statement | undefined => {
    p.skipSpace(true);
    const statement = p.peek() === end ? undefined : p.parseStatement();
    p.skipSpace(true);
    p.expect(
      end,
      end === ')'
        ? "Missing closing ')' after expression in 'for' statement."
        : "Missing ';' in 'for' statement.",
    );
    return statement;
  };
  const init = part(';');
  const condition = part(';');
  const iterator = part(')');
  const body = p.parseBlock("in 'for' loop");
  return { type: 'For', init, condition, iterator, body, label, extent: p.extentFrom(start) };
}

function parseDo(p: Parser, start: number, label?: string): Statement {
  const body = p.parseBlock("after 'do'");
  p.skipSpace(true);
  const until = p.atKeyword('until');
  if (!until && !p.atKeyword('while')) p.failAtEnd("Missing 'while' or 'until' after 'do' block.");
  p.pos += until ? 5 : 5;
  const condition = parseCondition(p, until ? 'until' : 'while');
  return { type: 'Do', body, condition, until, label, extent: p.extentFrom(start) };
}

function parseSwitch(p: Parser, start: number, label?: string): SwitchNode {
  const node: SwitchNode = {
    type: 'Switch',
    value: undefined as never,
    wildcard: false,
    regex: false,
    caseSensitive: false,
    exact: false,
    clauses: [],
    label,
    extent: { start, end: start },
  };
  for (;;) {
    p.skipSpace();
    const flag = /^-(wildcard|regex|casesensitive|exact)\b/i.exec(p.src.slice(p.pos));
    if (!flag) break;
    p.pos += flag[0].length;
    const name = flag[1].toLowerCase();
    if (name === 'wildcard') node.wildcard = true;
    else if (name === 'regex') node.regex = true;
    else if (name === 'casesensitive') node.caseSensitive = true;
    else node.exact = true;
  }
  node.value = parseCondition(p, 'switch');
  p.skipSpace(true);
  p.expect('{', "Missing opening '{' in switch statement.");
  for (;;) {
    p.skipSeparators();
    if (p.peek() === '}') {
      p.pos += 1;
      break;
    }
    if (p.atEnd) p.failAtEnd("Missing closing '}' in switch statement.");
    let pattern: Expression | 'default';
    if (p.atKeyword('default')) {
      p.pos += 7;
      pattern = 'default';
    } else if (/[\w]/.test(p.peek()) && !isNumberAt(p)) {
      const clauseStart = p.pos;
      const word = /^[^\s{]+/.exec(p.src.slice(p.pos))?.[0] ?? '';
      p.pos += word.length;
      pattern = { type: 'Constant', value: word, extent: p.extentFrom(clauseStart) };
    } else {
      pattern = p.parseUnary();
    }
    const body = p.parseBlock('in switch clause');
    node.clauses.push({ pattern, body });
  }
  node.extent = p.extentFrom(start);
  return node;
}

function parseFunction(p: Parser, start: number, filter: boolean): Statement {
  p.skipSpace();
  const name = /^[^\s(){}]+/.exec(p.src.slice(p.pos))?.[0];
  if (!name) p.failAtEnd('Missing name after function keyword.');
  p.pos += name.length;
  p.skipSpace();
  const params = p.peek() === '(' ? p.parseFunctionParams() : undefined;
  p.skipSpace(true);
  if (p.peek() !== '{') p.failAtEnd('Missing function body in function declaration.');
  p.pos += 1;
  const body = p.parseScriptBlockBody('}', p.pos);
  if (params) body.params = params;
  if (filter && !body.process) {
    body.process = body.end;
    body.end = undefined;
  }
  return { type: 'Function', name, body, filter, extent: p.extentFrom(start) };
}

function parseTry(p: Parser, start: number): TryNode {
  const body = p.parseBlock("after 'try'");
  const node: TryNode = { type: 'Try', body, catches: [], extent: { start, end: start } };
  for (;;) {
    const save = p.pos;
    p.skipSpace(true);
    if (p.atKeyword('catch')) {
      p.pos += 5;
      const types: string[] = [];
      for (;;) {
        p.skipSpace();
        const type = /^\[\s*([\w.]+)\s*\]/.exec(p.src.slice(p.pos));
        if (!type) break;
        types.push(type[1]);
        p.pos += type[0].length;
        p.skipSpace();
        if (p.peek() === ',') p.pos += 1;
      }
      node.catches.push({ types, body: p.parseBlock("after 'catch'") });
    } else if (p.atKeyword('finally')) {
      p.pos += 7;
      node.finallyBody = p.parseBlock("after 'finally'");
      break;
    } else {
      p.pos = save;
      break;
    }
  }
  if (node.catches.length === 0 && !node.finallyBody) {
    p.failAtEnd('The Try statement is missing its Catch or Finally block.');
  }
  node.extent = p.extentFrom(start);
  return node;
}

function parseFlow(p: Parser, word: string, start: number): Statement {
  const type = (word[0].toUpperCase() + word.slice(1)) as
    'Return' | 'Break' | 'Continue' | 'Throw' | 'Exit';
  p.skipSpace();
  let label: string | undefined;
  let value: Statement | undefined;
  if ((type === 'Break' || type === 'Continue') && /[\w]/.test(p.peek())) {
    label = p.readIdentifier();
  } else if (type !== 'Break' && type !== 'Continue') {
    value = p.parseStatement();
  }
  return { type, value, label, extent: p.extentFrom(start) };
}

function isNumberAt(p: Parser): boolean {
  const save = p.pos;
  const number = p.tryNumber(false);
  p.pos = save;
  return number !== undefined;
}
