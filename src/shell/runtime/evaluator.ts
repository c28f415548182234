import { isAbortError, OperationCanceledError } from '../../core/errors.js';
import { letEventsIn } from './events.js';
import type { ChainNode, Extent, Expression, Statement, SwitchNode, TryNode } from '../ast.js';
import { ErrorRecord, ThrownError, toError } from '../errors.js';
import { toRegExp, wildcardToRegExp, areEqual } from './compare.js';
import { evaluateExpression } from './expressions.js';
import { assign } from './assign.js';
import {
  BreakSignal,
  ContinueSignal,
  ExitSignal,
  isFlowSignal,
  ReturnSignal,
  TerminatingError,
} from './flow.js';
import { runPipeline } from './pipeline.js';
import type { Session } from './session.js';
import type { Emit, ExecState } from './state.js';
import { enumerate, ScriptBlock, toBool, toNumber, unwrap } from './values.js';

/** Reports an error record that no try/catch took (ConciseView text to the host). */
export type ErrorReporter = (record: ErrorRecord) => void;

/**
 * Walks statements: control flow, assignments and pipelines, with PowerShell's split between
 * statement-terminating errors (reported, the next statement runs) and script-terminating ones.
 */
export class Evaluator {
  constructor(
    readonly session: Session,
    /** An unhandled terminating error (counts as a failure of the run). */
    readonly report: ErrorReporter,
    /** A non-terminating error to show (the run goes on and does not fail). */
    readonly show: ErrorReporter = report,
  ) {}

  async runBlock(statements: readonly Statement[], st: ExecState, emit: Emit): Promise<void> {
    for (const statement of statements) {
      this.checkCancel(st);
      try {
        this.session.current = st.scope;
        await this.runStatement(statement, st, emit);
      } catch (error) {
        if (isFlowSignal(error) || isAbortError(error)) throw error;
        const failure = this.wrap(error, statement.extent, st);
        const stop =
          String(this.session.getVariable('ErrorActionPreference')).toLowerCase() === 'stop';
        if (failure.scriptTerminating || st.tryDepth > 0 || stop) {
          throw stop && !failure.scriptTerminating
            ? new TerminatingError(failure.record, true)
            : failure;
        }
        this.session.lastStatus = false;
        this.remember(failure.record);
        if (!failure.silent) this.report(failure.record);
      }
    }
  }

  /** Adds a record to `$Error` (newest first) once. */
  remember(record: ErrorRecord): void {
    if (this.session.errors[0] !== record) this.session.errors.unshift(record);
  }

  checkCancel(st: ExecState): void {
    if (st.signal.aborted) throw new OperationCanceledError();
  }

  /** Turns anything thrown into a TerminatingError positioned at `extent`. */
  wrap(error: unknown, extent: Extent, st: ExecState, commandName?: string): TerminatingError {
    if (error instanceof TerminatingError) return error;
    if (error instanceof ErrorRecord) return new TerminatingError(error, true);
    const exception = toError(error);
    const record = new ErrorRecord(exception, { commandName, source: st.source, extent });
    return new TerminatingError(record, exception instanceof ThrownError);
  }

  evaluate(expression: Expression, st: ExecState): Promise<unknown> {
    return evaluateExpression(this, expression, st);
  }

  /** Runs a statement and gathers what it outputs. */
  async collect(statement: Statement, st: ExecState): Promise<unknown[]> {
    const out: unknown[] = [];
    await this.runStatement(statement, st, async (value) => {
      out.push(value);
    });
    return out;
  }

  /**
   * The value of a statement used as an expression (`$x = …`, `(…)`, conditions): a lone
   * expression keeps its value as is; commands give their collected output.
   */
  async valueOf(statement: Statement, st: ExecState): Promise<unknown> {
    if (statement.type === 'Pipeline' && statement.elements.length === 1) {
      const only = statement.elements[0];
      if (only.type === 'ExpressionElement' && only.redirections.length === 0) {
        return this.evaluate(only.expression, st);
      }
    }
    if (statement.type === 'Assignment') {
      await this.runStatement(statement, st, async () => undefined);
      return this.evaluate(
        statement.target.type === 'Cast' ? statement.target.operand : statement.target,
        st,
      );
    }
    return unwrap(await this.collect(statement, st));
  }

  async runStatement(statement: Statement, st: ExecState, emit: Emit): Promise<void> {
    switch (statement.type) {
      case 'Pipeline':
        return runPipeline(this, statement, st, emit);
      case 'Chain':
        return this.runChain(statement, st, emit);
      case 'Assignment':
        return assign(this, statement, st);
      case 'If':
        for (const clause of statement.clauses) {
          if (toBool(await this.valueOf(clause.condition, st))) {
            return this.runBlock(clause.body, st, emit);
          }
        }
        if (statement.elseBody) await this.runBlock(statement.elseBody, st, emit);
        return;
      case 'Foreach': {
        const items = enumerate(await this.valueOf(statement.iterable, st));
        return this.loop(statement.label, st, async (body) => {
          for (const item of items) {
            st.scope.set(statement.variable, item);
            if (!(await body(() => this.runBlock(statement.body, st, emit)))) return;
          }
        });
      }
      case 'For':
        if (statement.init) await this.runStatement(statement.init, st, async () => undefined);
        return this.loop(statement.label, st, async (body) => {
          while (!statement.condition || toBool(await this.valueOf(statement.condition, st))) {
            if (!(await body(() => this.runBlock(statement.body, st, emit)))) return;
            if (statement.iterator)
              await this.runStatement(statement.iterator, st, async () => undefined);
          }
        });
      case 'While':
        return this.loop(statement.label, st, async (body) => {
          while (toBool(await this.valueOf(statement.condition, st))) {
            if (!(await body(() => this.runBlock(statement.body, st, emit)))) return;
          }
        });
      case 'Do':
        return this.loop(statement.label, st, async (body) => {
          for (;;) {
            if (!(await body(() => this.runBlock(statement.body, st, emit)))) return;
            const value = toBool(await this.valueOf(statement.condition, st));
            if (value === statement.until) return;
          }
        });
      case 'Switch':
        return this.runSwitch(statement, st, emit);
      case 'Function':
        this.session.functions.set(statement.name.toLowerCase(), {
          name: statement.name,
          body: statement.body,
          source: st.source,
        });
        return;
      case 'Return':
        if (statement.value) await this.runStatement(statement.value, st, emit);
        throw new ReturnSignal();
      case 'Break':
        throw new BreakSignal(statement.label);
      case 'Continue':
        throw new ContinueSignal(statement.label);
      case 'Exit':
        throw new ExitSignal(
          statement.value ? toNumber(await this.valueOf(statement.value, st)) : 0,
        );
      case 'Throw':
        throw await this.throwValue(statement.value, statement.extent, st);
      case 'Try':
        return this.runTry(statement, st, emit);
    }
  }

  private async throwValue(
    value: Statement | undefined,
    extent: Extent,
    st: ExecState,
  ): Promise<unknown> {
    const current = st.scope.lookup('_')?.value;
    if (!value && current instanceof ErrorRecord) return new TerminatingError(current, true);
    const thrown = value ? await this.valueOf(value, st) : 'ScriptHalted';
    if (thrown instanceof ErrorRecord) return new TerminatingError(thrown, true);
    const exception =
      thrown instanceof Error
        ? thrown
        : new ThrownError(String(thrown === null ? 'ScriptHalted' : thrown), thrown);
    const record = new ErrorRecord(exception, { source: st.source, extent });
    return new TerminatingError(record, true);
  }

  /**
   * Runs a loop; `body(run)` runs one iteration and returns false when the loop must end
   * (break). Labelled break/continue for other loops pass through.
   */
  private async loop(
    label: string | undefined,
    st: ExecState,
    drive: (body: (run: () => Promise<void>) => Promise<boolean>) => Promise<void>,
  ): Promise<void> {
    const mine = (signal: BreakSignal | ContinueSignal): boolean =>
      !signal.label || signal.label.toLowerCase() === label?.toLowerCase();
    try {
      await drive(async (run) => {
        await letEventsIn();
        this.checkCancel(st);
        try {
          await run();
          return true;
        } catch (error) {
          if (error instanceof ContinueSignal && mine(error)) return true;
          throw error;
        }
      });
    } catch (error) {
      if (error instanceof BreakSignal && mine(error)) return;
      throw error;
    }
  }

  private async runSwitch(node: SwitchNode, st: ExecState, emit: Emit): Promise<void> {
    const value = await this.valueOf(node.value, st);
    const items = Array.isArray(value) ? value : [value];
    await this.loop(node.label, st, async (body) => {
      for (const item of items) {
        let matched = false;
        const saved = st.scope.getLocal('_');
        st.scope.set('_', item);
        for (const clause of node.clauses) {
          if (clause.pattern === 'default') continue;
          if (await this.switchMatches(node, clause.pattern, item, st)) {
            matched = true;
            if (!(await body(() => this.runBlock(clause.body, st, emit)))) return;
          }
        }
        if (!matched) {
          for (const clause of node.clauses) {
            if (
              clause.pattern === 'default' &&
              !(await body(() => this.runBlock(clause.body, st, emit)))
            )
              return;
          }
        }
        if (saved) st.scope.set('_', saved.value);
      }
    });
  }

  private async switchMatches(
    node: SwitchNode,
    pattern: Expression,
    item: unknown,
    st: ExecState,
  ): Promise<boolean> {
    const value = await this.evaluate(pattern, st);
    if (value instanceof ScriptBlock) {
      const result = await this.invokeBlockValue(value, st, item);
      return result.some((r) => toBool(r));
    }
    const text = String(value ?? '');
    if (node.regex) {
      const match = toRegExp(text, node.caseSensitive).exec(String(item ?? ''));
      if (match)
        this.session.current.set('Matches', (await import('./operators.js')).matchTable(match));
      return match !== null;
    }
    if (node.wildcard) return wildcardToRegExp(text, node.caseSensitive).test(String(item ?? ''));
    return areEqual(item, value, node.caseSensitive);
  }

  /** Invokes a script block with `$_` set, in the current scope, gathering its output. */
  async invokeBlockValue(
    block: ScriptBlock,
    st: ExecState,
    dollarUnder: unknown,
  ): Promise<unknown[]> {
    const { invokeScriptBlock } = await import('./invoke.js');
    const out: unknown[] = [];
    await invokeScriptBlock(this, block, {
      caller: st,
      dollarUnder,
      dotSource: true,
      args: [],
      emit: async (v) => {
        out.push(v);
      },
    });
    return out;
  }

  /** `a && b` / `a || b`: a statement-terminating error on the left counts as failure. */
  private async runChain(node: ChainNode, st: ExecState, emit: Emit): Promise<void> {
    try {
      await this.runStatement(node.left, st, emit);
    } catch (error) {
      if (isFlowSignal(error) || isAbortError(error)) throw error;
      const failure = this.wrap(error, node.left.extent, st);
      if (failure.scriptTerminating || st.tryDepth > 0) throw failure;
      this.remember(failure.record);
      this.report(failure.record);
      this.session.lastStatus = false;
    }
    if (this.session.lastStatus === (node.operator === '&&')) {
      await this.runStatement(node.right, st, emit);
    }
  }

  private async runTry(node: TryNode, st: ExecState, emit: Emit): Promise<void> {
    try {
      await this.runBlock(node.body, { ...st, tryDepth: st.tryDepth + 1 }, emit);
    } catch (error) {
      if (isFlowSignal(error) || isAbortError(error)) throw error;
      const failure = this.wrap(error, node.extent, st);
      const handler = node.catches.find((c) => catchMatches(c.types, failure.record));
      if (!handler) throw failure;
      this.remember(failure.record);
      const saved = st.scope.getLocal('_');
      st.scope.set('_', failure.record);
      try {
        await this.runBlock(handler.body, st, emit);
      } finally {
        if (saved) st.scope.set('_', saved.value);
      }
    } finally {
      if (node.finallyBody) await this.runBlock(node.finallyBody, st, emit);
    }
  }
}

/** `catch [Type]` matching by the exception's class name, id, or a catch-all base type. */
function catchMatches(types: readonly string[], record: ErrorRecord): boolean {
  if (types.length === 0) return true;
  const exception = record.Exception;
  const inner = (exception as { innerType?: string }).innerType;
  const names = [exception.name, exception.name.replace(/Error$/, 'Exception'), inner ?? '']
    .filter(Boolean)
    .map((n) => n.toLowerCase());
  const errorId = (exception as { errorId?: string }).errorId?.toLowerCase();
  return types.some((type) => {
    const last = type.split('.').pop()?.toLowerCase() ?? '';
    if (['exception', 'systemexception', 'runtimeexception', 'object'].includes(last)) return true;
    return names.includes(last) || errorId === last || `${errorId}exception` === last;
  });
}
