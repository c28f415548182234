import type { Expression } from '../ast.js';
import { ScriptRuntimeError } from '../errors.js';
import { convertTo } from './convert.js';
import type { Evaluator } from './evaluator.js';
import { getMember, invokeMethod } from './members.js';
import { staticMember } from './static-members.js';
import { binaryOperator, unaryOperator } from './operators.js';
import type { ExecState } from './state.js';
import { TypeRef } from './state.js';
import { Hashtable, ScriptBlock, toBool, toNumber, toStr, unwrap } from './values.js';
import { assignTo, readVariable } from './assign.js';

/** Evaluates one expression node; failures are positioned at the innermost failing node. */
export async function evaluateExpression(
  ev: Evaluator,
  expr: Expression,
  st: ExecState,
): Promise<unknown> {
  try {
    return await evaluateNode(ev, expr, st);
  } catch (error) {
    throw ev.wrap(error, expr.extent, st);
  }
}

async function evaluateNode(ev: Evaluator, expr: Expression, st: ExecState): Promise<unknown> {
  switch (expr.type) {
    case 'Constant':
      return expr.value;
    case 'Expandable': {
      let text = '';
      for (const part of expr.parts) {
        text += typeof part === 'string' ? part : toStr(await ev.evaluate(part, st));
      }
      return text;
    }
    case 'Variable':
      return readVariable(ev, expr.name, expr.scope, st);
    case 'ArrayLiteral': {
      const items = [];
      for (const item of expr.items) items.push(await ev.evaluate(item, st));
      return items;
    }
    case 'SubExpression': {
      const out: unknown[] = [];
      await ev.runBlock(expr.statements, st, async (value) => {
        out.push(value);
      });
      return expr.array ? out : unwrap(out);
    }
    case 'Paren':
      return ev.valueOf(expr.statement, st);
    case 'Hashtable': {
      const table = new Hashtable();
      for (const entry of expr.entries) {
        const key = await ev.evaluate(entry.key, st);
        table.add(key, await ev.valueOf(entry.value, st));
      }
      return table;
    }
    case 'ScriptBlock':
      return new ScriptBlock(expr.body, st.source);
    case 'Binary':
      if (expr.operator === '??') {
        const left = await ev.evaluate(expr.left, st);
        return left === null || left === undefined ? ev.evaluate(expr.right, st) : left;
      }
      return binary(ev, expr, st);
    case 'Ternary':
      return toBool(await ev.evaluate(expr.condition, st))
        ? ev.evaluate(expr.ifTrue, st)
        : ev.evaluate(expr.ifFalse, st);
    case 'Unary':
      return unary(ev, expr, st);
    case 'Cast': {
      const type = expr.typeName.toLowerCase();
      if (type === 'ordered' && expr.operand.type === 'Hashtable') {
        const table = (await ev.evaluate(expr.operand, st)) as Hashtable;
        return convertTo(table, 'ordered');
      }
      return convertTo(await ev.evaluate(expr.operand, st), expr.typeName);
    }
    case 'TypeLiteral':
      return new TypeRef(expr.typeName);
    case 'Member': {
      const name = toStr(await ev.evaluate(expr.member, st));
      if (expr.isStatic) return staticMember(typeNameOf(expr.target), name);
      const target = await ev.evaluate(expr.target, st);
      const value = getMember(target, name);
      if (value === null && (name.toLowerCase() === 'count' || name.toLowerCase() === 'length')) {
        return target === null || target === undefined ? 0 : 1;
      }
      return value;
    }
    case 'Invoke': {
      const name = toStr(await ev.evaluate(expr.member, st));
      const args = [];
      for (const arg of expr.args) args.push(await ev.evaluate(arg, st));
      if (expr.isStatic) return staticMember(typeNameOf(expr.target), name, args);
      const target = await ev.evaluate(expr.target, st);
      if (target instanceof ScriptBlock && /^invoke(returnasis)?$/i.test(name)) {
        const { invokeScriptBlock } = await import('./invoke.js');
        const out: unknown[] = [];
        await invokeScriptBlock(ev, target, {
          caller: st,
          args,
          dotSource: false,
          emit: async (v) => void out.push(v),
        });
        return unwrap(out);
      }
      try {
        return await invokeMethod(target, name, args, (block, input) =>
          ev.invokeBlockValue(block, st, input),
        );
      } catch (error) {
        throw methodFailure(error, name, args.length);
      }
    }
    case 'Index':
      return index(await ev.evaluate(expr.target, st), await ev.evaluate(expr.index, st));
  }
}

/** .NET exceptions inside a method surface as `Exception calling "X" with "N" argument(s)`. */
function methodFailure(error: unknown, name: string, count: number): unknown {
  if (!(error instanceof ScriptRuntimeError)) return error;
  if (
    ['MethodNotFound', 'InvokeMethodOnNull'].includes(error.errorId) ||
    error.message.startsWith('Exception calling')
  ) {
    return error;
  }
  return new ScriptRuntimeError(
    `Exception calling "${name}" with "${count}" argument(s): "${error.message}"`,
    'MethodInvocationException',
    'NotSpecified',
  );
}

function typeNameOf(target: Expression): string {
  if (target.type === 'TypeLiteral') return target.typeName;
  throw new ScriptRuntimeError(
    'Static member access needs a [type] on the left.',
    'StaticMemberAccess',
  );
}

async function binary(
  ev: Evaluator,
  expr: Extract<Expression, { type: 'Binary' }>,
  st: ExecState,
): Promise<unknown> {
  const left = await ev.evaluate(expr.left, st);
  if (expr.operator === 'and' || expr.operator === 'or') {
    const l = binaryOperator(
      expr.operator === 'and' ? 'and' : 'or',
      left,
      expr.operator === 'and',
      matchesScope(ev),
    );
    if (expr.operator === 'and' && !l) return false;
    if (expr.operator === 'or' && l) return true;
    return binaryOperator(expr.operator, left, await ev.evaluate(expr.right, st), matchesScope(ev));
  }
  const right = await ev.evaluate(expr.right, st);
  return binaryOperator(expr.operator, left, right, matchesScope(ev));
}

function matchesScope(ev: Evaluator): { setMatches(value: Hashtable | undefined): void } {
  return { setMatches: (value) => ev.session.current.set('Matches', value) };
}

async function unary(
  ev: Evaluator,
  expr: Extract<Expression, { type: 'Unary' }>,
  st: ExecState,
): Promise<unknown> {
  if (expr.operator === '++' || expr.operator === '--') {
    const before = toNumber(await ev.evaluate(expr.operand, st));
    const after = expr.operator === '++' ? before + 1 : before - 1;
    await assignTo(ev, expr.operand, after, st);
    return expr.postfix ? before : after;
  }
  return unaryOperator(expr.operator, await ev.evaluate(expr.operand, st));
}

/** `$a[i]`, `$a[-1]`, `$a[1..3]`, `$h['key']`, `$s[0]`. */
export function index(target: unknown, key: unknown): unknown {
  if (target === null || target === undefined) {
    throw new ScriptRuntimeError('Cannot index into a null array.', 'NullArray');
  }
  if (target instanceof Hashtable) {
    if (Array.isArray(key)) return key.map((k) => target.get(k));
    return target.get(key) ?? null;
  }
  if (Array.isArray(target) || typeof target === 'string') {
    const one = (k: unknown): unknown => {
      let i = toNumber(k);
      if (i < 0) i += target.length;
      return i >= 0 && i < target.length ? target[i] : null;
    };
    if (Array.isArray(key)) return key.map(one).filter((v) => v !== null);
    return one(key);
  }
  if (typeof target === 'object') {
    return getMember(target, toStr(key));
  }
  if (toNumber(key) === 0) return target;
  throw new ScriptRuntimeError(
    `Unable to index into an object of type ${typeof target}.`,
    'CannotIndex',
  );
}
