import type { AssignmentNode, Expression } from '../ast.js';
import { ScriptRuntimeError } from '../errors.js';
import { convertTo } from './convert.js';
import type { Evaluator } from './evaluator.js';
import { setMember } from './members.js';
import { binaryOperator } from './operators.js';
import type { ExecState } from './state.js';
import { Hashtable, toNumber, toStr } from './values.js';

/** `$x = …`, `$x += …`, `$obj.Prop = …`, `$a[1] = …`, `$env:X = …`, `[int]$n = …`. */
export async function assign(ev: Evaluator, node: AssignmentNode, st: ExecState): Promise<void> {
  let value = await ev.valueOf(node.value, st);
  if (node.operator === '??=') {
    const current = await ev.evaluate(node.target, st);
    if (current !== null && current !== undefined) return;
  } else if (node.operator !== '=') {
    const current = await ev.evaluate(
      node.target.type === 'Cast' ? node.target.operand : node.target,
      st,
    );
    const op = node.operator.slice(0, -1);
    value = binaryOperator(op, current, value, { setMatches: () => undefined });
  }
  await assignTo(ev, node.target, value, st);
}

export async function assignTo(
  ev: Evaluator,
  target: Expression,
  value: unknown,
  st: ExecState,
): Promise<void> {
  switch (target.type) {
    case 'ArrayLiteral': {
      // `$first, $rest = 1, 2, 3`: one value each, the last variable takes what is left.
      const values = Array.isArray(value) ? value : [value];
      const last = target.items.length - 1;
      for (const [i, item] of target.items.entries()) {
        const share = i < last ? (values[i] ?? null) : values.slice(last);
        const single = Array.isArray(share)
          ? share.length === 0
            ? null
            : share.length === 1
              ? share[0]
              : share
          : share;
        await assignTo(ev, item, single, st);
      }
      return;
    }
    case 'Variable':
      return writeVariable(ev, target.name, target.scope, value, st);
    case 'Cast':
      return assignTo(ev, target.operand, convertTo(value, target.typeName), st);
    case 'Member': {
      const object = await ev.evaluate(target.target, st);
      const name = toStr(await ev.evaluate(target.member, st));
      setMember(object, name, value);
      return;
    }
    case 'Index': {
      const object = await ev.evaluate(target.target, st);
      const key = await ev.evaluate(target.index, st);
      if (object instanceof Hashtable) {
        object.set(key, value);
        return;
      }
      if (Array.isArray(object)) {
        let i = toNumber(key);
        if (i < 0) i += object.length;
        if (i < 0 || i >= object.length) {
          throw new ScriptRuntimeError(
            'Index was outside the bounds of the array.',
            'IndexOutOfRange',
          );
        }
        object[i] = value;
        return;
      }
      if (object && typeof object === 'object') {
        setMember(object, toStr(key), value);
        return;
      }
      throw new ScriptRuntimeError('Unable to index into an object of this type.', 'CannotIndex');
    }
  }
  throw new ScriptRuntimeError('The assignment expression is not valid.', 'InvalidLeftHandSide');
}

export function readVariable(
  ev: Evaluator,
  name: string,
  scope: string | undefined,
  st: ExecState,
): unknown {
  const session = ev.session;
  if (scope === 'env') {
    const key =
      Object.keys(session.env).find((k) => k === name) ??
      Object.keys(session.env).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? null : (session.env[key] ?? null);
  }
  const lower = name.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (lower === 'pwd') return session.pwd();
  if (lower === 'error') return session.errors;
  if (lower === '?') return session.lastStatus;
  if (lower === 'psitem') return st.scope.lookup('_')?.value ?? null;
  if (scope === 'script' || scope === 'global')
    return st.scope.find(scope).lookup(name)?.value ?? null;
  return st.scope.lookup(name)?.value ?? null;
}

function writeVariable(
  ev: Evaluator,
  name: string,
  scope: string | undefined,
  value: unknown,
  st: ExecState,
): void {
  if (scope === 'env') {
    // Deleted rather than set to undefined: process.env would store the text 'undefined'.
    if (value === null || value === undefined || value === '') delete ev.session.env[name];
    else ev.session.env[name] = toStr(value);
    return;
  }
  const lower = name.toLowerCase();
  if (['true', 'false', 'null'].includes(lower)) {
    throw new ScriptRuntimeError(
      `Cannot overwrite variable ${name} because it is read-only or constant.`,
      'VariableNotWritable',
      'WriteError',
    );
  }
  if (scope === 'script' || scope === 'global') {
    st.scope.find(scope).set(name, value);
    return;
  }
  st.scope.set(name, value);
}
