import { isAbortError } from '../../core/errors.js';
import { letEventsIn } from './events.js';
import type { CommandNode, Expression, Extent, PipelineNode, Redirection } from '../ast.js';
import { CommandNotFoundError, ParameterBindingError, ScriptRuntimeError } from '../errors.js';
import type { BindingArgument } from './binder.js';
import type { Evaluator } from './evaluator.js';
import { StopUpstream, TerminatingError } from './flow.js';
import { CmdletStage } from './cmdlet-stage.js';
import { ScriptStage } from './script-stage.js';
import type { Emit, ExecState } from './state.js';
import { Hashtable, ScriptBlock, toArray, toStr } from './values.js';

/** One element of a running pipeline. */
export interface Stage {
  begin(): Promise<void>;
  /** One input record; `hasInput` false for the first stage's single no-input call. */
  process(input: unknown, hasInput: boolean): Promise<void>;
  end(): Promise<void>;
  readonly failed: boolean;
}

/**
 * Runs `a | b | c`: binds every command's arguments first, then begin (left to right), feeds
 * records through process as they are written (streaming), then end in order.
 */
export async function runPipeline(
  ev: Evaluator,
  node: PipelineNode,
  st: ExecState,
  emit: Emit,
): Promise<void> {
  const first = node.elements[0];
  if (node.elements.length === 1 && first.type === 'ExpressionElement') {
    const value = await ev.evaluate(first.expression, st);
    if (discardsOutput(first.redirections) || isVoidStatement(first.expression)) return;
    for (const item of toArray(value)) await emit(item);
    ev.session.lastStatus = true;
    return;
  }

  const stages: Stage[] = [];
  const commands = node.elements.slice(first.type === 'ExpressionElement' ? 1 : 0) as CommandNode[];
  let downstream = emit;
  for (let i = commands.length - 1; i >= 0; i -= 1) {
    const command = commands[i];
    const out = discardsOutput(command.redirections) ? async () => undefined : downstream;
    const stage = await createStage(
      ev,
      command,
      st,
      out,
      i + (first.type === 'ExpressionElement' ? 2 : 1),
    );
    stages.unshift(stage);
    downstream = (value) => stage.process(value, true);
  }

  for (const stage of stages) await stage.begin();
  let from = 0;
  try {
    if (first.type === 'ExpressionElement') {
      const value = await ev.evaluate(first.expression, st);
      for (const item of toArray(value)) {
        await letEventsIn();
        ev.checkCancel(st);
        await stages[0].process(item, true);
      }
    } else {
      await stages[0].process(undefined, false);
    }
  } catch (error) {
    from = stoppedAt(error, stages, from);
  }
  for (let i = 0; i < stages.length; i += 1) {
    if (i < from) continue;
    try {
      await stages[i].end();
    } catch (error) {
      from = stoppedAt(error, stages, from);
    }
  }
  ev.session.lastStatus = !stages.some((s) => s.failed);
}

/** Where a StopUpstream came from; stages before it skip their end blocks. */
function stoppedAt(error: unknown, stages: Stage[], from: number): number {
  if (!(error instanceof StopUpstream)) throw error;
  return Math.max(from, stages.indexOf(error.origin as Stage));
}

function discardsOutput(redirections: readonly Redirection[]): boolean {
  return redirections.some(
    (r) => (r.from === '1' || r.from === '*') && r.to !== '&1' && isNullTarget(r.to),
  );
}

function isNullTarget(target: Redirection['to']): boolean {
  return (
    typeof target === 'object' && target.type === 'Variable' && target.name.toLowerCase() === 'null'
  );
}

/** `$i++` and `[void]…` as statements print nothing. */
function isVoidStatement(expression: Expression): boolean {
  if (expression.type === 'Unary' && (expression.operator === '++' || expression.operator === '--'))
    return true;
  return expression.type === 'Cast' && expression.typeName.toLowerCase() === 'void';
}

async function createStage(
  ev: Evaluator,
  node: CommandNode,
  st: ExecState,
  downstream: Emit,
  position: number,
): Promise<Stage> {
  let name: string;
  let block: ScriptBlock | undefined;
  if (typeof node.name === 'string') {
    name = node.name;
  } else {
    const value = await ev.evaluate(node.name, st);
    if (value instanceof ScriptBlock) block = value;
    name = block ? '' : toStr(value);
  }

  const errorRedirect = node.redirections.some((r) => r.from === '2' && r.to === '&1')
    ? 'merge'
    : node.redirections.some(
          (r) => (r.from === '2' || r.from === '*') && r.to !== '&1' && isNullTarget(r.to),
        )
      ? 'null'
      : undefined;
  const unsupported = node.redirections.find((r) => r.to !== '&1' && !isNullTarget(r.to));
  if (unsupported) {
    throw ev.wrap(
      new ScriptRuntimeError(
        'Redirecting output to a file is not supported; use Set-Content or Out-File instead.',
        'RedirectionNotSupported',
      ),
      node.extent,
      st,
    );
  }

  try {
    const args = await evaluateArguments(ev, node, st);
    if (block)
      return await ScriptStage.create(
        ev,
        block.body,
        block.source,
        args,
        st,
        node,
        downstream,
        node.invocation === '.',
      );
    const resolved = ev.session.resolveCommand(name);
    if (!resolved) throw new CommandNotFoundError(name);
    if (resolved.kind === 'function') {
      return await ScriptStage.create(
        ev,
        resolved.fn.body,
        resolved.fn.source,
        args,
        st,
        node,
        downstream,
        false,
      );
    }
    return await CmdletStage.create(ev, resolved.cmdlet, args, st, node, downstream, {
      errorRedirect,
      position,
    });
  } catch (error) {
    if (error instanceof TerminatingError || isAbortError(error)) throw error;
    const failure = ev.wrap(error, extentOf(error, node, name), st, name || undefined);
    // `2>$null` also hides a command that cannot start (unknown name, bad arguments).
    if (errorRedirect === 'null' && !failure.scriptTerminating) failure.silent = true;
    throw failure;
  }
}

/** Binding errors point at the argument; an unknown command at its name; others at the command. */
function extentOf(error: unknown, node: CommandNode, name: string): Extent {
  if (error instanceof ParameterBindingError && error.extent) return error.extent;
  if (error instanceof CommandNotFoundError && typeof node.name === 'string') {
    return { start: node.extent.start, end: node.extent.start + name.length };
  }
  return node.extent;
}

async function evaluateArguments(
  ev: Evaluator,
  node: CommandNode,
  st: ExecState,
): Promise<BindingArgument[]> {
  const args: BindingArgument[] = [];
  for (const arg of node.args) {
    if (arg.kind === 'parameter') {
      const extent = { start: arg.extent.start, end: arg.extent.start + arg.text.length };
      if (arg.value) {
        const value = await ev.evaluate(arg.value, st);
        args.push({ kind: 'named', name: arg.name, value, hasValue: true, extent });
      } else {
        args.push({ kind: 'named', name: arg.name, hasValue: false, extent });
      }
    } else if (arg.kind === 'argument') {
      const value = await ev.evaluate(arg.value, st);
      args.push({ kind: 'positional', value, extent: arg.extent });
    } else {
      const value = st.scope.lookup(arg.name)?.value;
      if (value instanceof Hashtable) {
        for (const { key, value: v } of value.pairs()) {
          args.push({ kind: 'named', name: toStr(key), value: v, hasValue: true });
        }
      } else {
        for (const item of toArray(value)) args.push({ kind: 'positional', value: item });
      }
    }
  }
  return args;
}
