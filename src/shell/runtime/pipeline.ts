import { isAbortError } from '../../core/errors.js';
import { letEventsIn } from './events.js';
import type { CommandNode, Expression, Extent, PipelineNode } from '../ast.js';
import { CommandNotFoundError, ParameterBindingError } from '../errors.js';
import type { BindingArgument } from './binder.js';
import type { Evaluator } from './evaluator.js';
import { StopUpstream, TerminatingError } from './flow.js';
import { CmdletStage } from './cmdlet-stage.js';
import { ScriptStage } from './script-stage.js';
import { planRedirections, RedirectionFile, type RedirectionPlan } from './redirect-file.js';
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
  const files: RedirectionFile[] = [];
  try {
    await runElements(ev, node, st, emit, files);
  } finally {
    await saveFiles(ev, node, st, files);
  }
}

async function runElements(
  ev: Evaluator,
  node: PipelineNode,
  st: ExecState,
  emit: Emit,
  files: RedirectionFile[],
): Promise<void> {
  const first = node.elements[0];
  const firstPlan =
    first.type === 'ExpressionElement'
      ? await planRedirections(ev, first.redirections, st, files)
      : undefined;
  if (node.elements.length === 1 && first.type === 'ExpressionElement') {
    const value = await ev.evaluate(first.expression, st);
    if (firstPlan?.discardOutput || isVoidStatement(first.expression)) return;
    for (const item of toArray(value)) await (firstPlan?.output ?? emit)(item);
    ev.session.lastStatus = true;
    return;
  }

  const stages: Stage[] = [];
  const commands = node.elements.slice(first.type === 'ExpressionElement' ? 1 : 0) as CommandNode[];
  let downstream = emit;
  for (let i = commands.length - 1; i >= 0; i -= 1) {
    const command = commands[i];
    const position = i + (first.type === 'ExpressionElement' ? 2 : 1);
    const stage = await createStage(ev, command, st, downstream, position, files);
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
        if (firstPlan?.discardOutput) continue;
        if (firstPlan?.output) await firstPlan.output(item);
        else await stages[0].process(item, true);
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

/** Writes every redirection file of the statement, even after a terminating error. */
async function saveFiles(
  ev: Evaluator,
  node: PipelineNode,
  st: ExecState,
  files: readonly RedirectionFile[],
): Promise<void> {
  for (const file of files) {
    try {
      await file.save(ev, st);
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw ev.wrap(error, node.extent, st);
    }
  }
}

/** Where a StopUpstream came from; stages before it skip their end blocks. */
function stoppedAt(error: unknown, stages: Stage[], from: number): number {
  if (!(error instanceof StopUpstream)) throw error;
  return Math.max(from, stages.indexOf(error.origin as Stage));
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
  files: RedirectionFile[],
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

  let plan: RedirectionPlan;
  try {
    plan = await planRedirections(ev, node.redirections, st, files);
  } catch (error) {
    if (error instanceof TerminatingError || isAbortError(error)) throw error;
    throw ev.wrap(error, node.extent, st);
  }
  const errorRedirect = plan.errors;
  if (plan.discardOutput) downstream = async () => undefined;
  else if (plan.output) downstream = plan.output;

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
    // `2> file` keeps it for the file instead.
    if (typeof errorRedirect === 'function' && !failure.scriptTerminating) {
      failure.silent = true;
      errorRedirect(failure.record);
    }
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
