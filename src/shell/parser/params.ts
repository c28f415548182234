import type { Expression, ParameterDeclaration, ScriptBlockBody, Statement } from '../ast.js';
import type { Parser } from './parser.js';

/**
 * Script block bodies: an optional `[CmdletBinding()] param(…)` block, then either named
 * begin/process/end blocks or plain statements (which form the end block).
 */
export function parseParamBlock(p: Parser, closer: string, start: number): ScriptBlockBody {
  p.skipSeparators();
  let cmdletBinding = false;
  let params: ParameterDeclaration[] = [];

  const save = p.pos;
  const attributes = readAttributes(p);
  p.skipSpace(true);
  if (p.atKeyword('param')) {
    p.pos += 5;
    p.skipSpace(true);
    p.expect('(', "Missing '(' after 'param'.");
    params = parseParameterList(p);
    cmdletBinding = attributes.some((a) => a.name.toLowerCase() === 'cmdletbinding');
  } else {
    p.pos = save;
  }

  p.skipSeparators();
  const body: ScriptBlockBody = { params, cmdletBinding, text: '' };
  const named = /^(begin|process|end)\s*\{/i.exec(p.src.slice(p.pos));
  if (named) {
    for (;;) {
      p.skipSeparators();
      if (closer !== '' && p.peek() === closer) {
        p.pos += 1;
        break;
      }
      if (p.atEnd && closer === '') break;
      const block = /^(begin|process|end)\b/i.exec(p.src.slice(p.pos));
      if (!block)
        p.failAtEnd("Unexpected token in script block: expected 'begin', 'process' or 'end'.");
      p.pos += block[1].length;
      const statements = p.parseBlock(`after '${block[1]}'`);
      body[block[1].toLowerCase() as 'begin' | 'process' | 'end'] = statements;
    }
  } else {
    body.end = p.parseStatementList(closer);
  }
  body.text = p.src.slice(start, closer === '' ? p.pos : p.pos - 1);
  return body;
}

/** `function Name($a, [int]$b = 2)` style parameters (the `(` is at pos). */
export function parseFunctionParams(p: Parser): ParameterDeclaration[] {
  p.pos += 1;
  return parseParameterList(p);
}

interface Attribute {
  name: string;
  args: { name?: string; value?: Expression }[];
}

function readAttributes(p: Parser): Attribute[] {
  const attributes: Attribute[] = [];
  for (;;) {
    p.skipSpace(true);
    const match = /^\[\s*([\w.]+)\s*\(/.exec(p.src.slice(p.pos));
    if (!match) return attributes;
    p.pos += match[0].length;
    const args: Attribute['args'] = [];
    for (;;) {
      p.skipSpace(true);
      if (p.peek() === ')') break;
      const named = /^([a-z]\w*)\s*(=)?/i.exec(p.src.slice(p.pos));
      if (named && (named[2] || /^\s*[,)]/.test(p.src.slice(p.pos + named[0].length)))) {
        p.pos += named[0].length;
        p.skipSpace(true);
        const value = named[2] ? p.parseExpression(true) : undefined;
        args.push({ name: named[1], value });
      } else {
        args.push({ value: p.parseExpression(true) });
      }
      p.skipSpace(true);
      if (p.peek() === ',') p.pos += 1;
    }
    p.pos += 1;
    p.skipSpace();
    p.expect(']', "Missing ']' after attribute.");
    attributes.push({ name: match[1], args });
  }
}

function parseParameterList(p: Parser): ParameterDeclaration[] {
  const params: ParameterDeclaration[] = [];
  for (;;) {
    p.skipSpace(true);
    if (p.peek() === ')') {
      p.pos += 1;
      return params;
    }
    const declaration: ParameterDeclaration = {
      name: '',
      mandatory: false,
      valueFromPipeline: false,
      valueFromPipelineByPropertyName: false,
      aliases: [],
    };
    for (const attribute of readAttributes(p)) applyAttribute(declaration, attribute);
    p.skipSpace(true);
    const type = /^\[\s*([\w.]+(?:\[\])?)\s*\]/.exec(p.src.slice(p.pos));
    if (type) {
      declaration.typeName = type[1];
      p.pos += type[0].length;
      p.skipSpace(true);
    }
    if (p.peek() !== '$') p.failAtEnd("Missing ')' in function parameter list.");
    const variable = p.parseVariable();
    declaration.name = variable.type === 'Variable' ? variable.name : '';
    p.skipSpace(true);
    if (p.peek() === '=') {
      p.pos += 1;
      p.skipSpace(true);
      declaration.defaultValue = p.parseExpression(true);
    }
    params.push(declaration);
    p.skipSpace(true);
    if (p.peek() === ',') p.pos += 1;
    else if (p.peek() !== ')') p.failAtEnd("Missing ')' in function parameter list.");
  }
}

function applyAttribute(declaration: ParameterDeclaration, attribute: Attribute): void {
  const kind = attribute.name.toLowerCase();
  const constant = (e?: Expression): unknown => (e?.type === 'Constant' ? e.value : undefined);
  const strings = (): string[] =>
    attribute.args.flatMap((a) =>
      a.value?.type === 'ArrayLiteral'
        ? a.value.items.map((i) => String(constant(i)))
        : [String(constant(a.value))],
    );

  if (kind === 'parameter') {
    for (const arg of attribute.args) {
      const name = arg.name?.toLowerCase();
      const on = arg.value === undefined || isTrue(arg.value);
      if (name === 'mandatory') declaration.mandatory = on;
      else if (name === 'valuefrompipeline') declaration.valueFromPipeline = on;
      else if (name === 'valuefrompipelinebypropertyname')
        declaration.valueFromPipelineByPropertyName = on;
      else if (name === 'position') declaration.position = Number(constant(arg.value));
      else if (name === 'helpmessage') declaration.helpMessage = String(constant(arg.value));
    }
  } else if (kind === 'validateset') {
    declaration.validateSet = strings();
  } else if (kind === 'alias') {
    declaration.aliases = strings();
  }
}

function isTrue(e: Expression): boolean {
  if (e.type === 'Variable') return e.name.toLowerCase() === 'true';
  if (e.type === 'Constant') return Boolean(e.value);
  return true;
}

export type { Statement };
