import type { ProgressEvent } from '../../provider/types.js';
import type { BoundParameters, CmdletContext, Host, SessionApi } from '../api.js';
import { ErrorRecord, toError, type SourceInfo } from '../errors.js';
import type { Extent } from '../ast.js';
import type { Evaluator } from './evaluator.js';
import { StopUpstream, TerminatingError } from './flow.js';
import { invokeScriptBlock } from './invoke.js';
import type { Emit, ExecState } from './state.js';
import type { ErrorRedirect } from './redirect-file.js';
import { shouldProcess, YES_NO } from './should-process.js';
import { ScriptBlock, toStr } from './values.js';

const RUNTIME = Symbol('jafs.shell.runtime');

/** What one cmdlet invocation shares across its begin/process/end contexts. */
export interface InvocationState {
  commandName: string;
  /** The cmdlet's ConfirmImpact: asks without -Confirm when it reaches $ConfirmPreference. */
  confirmImpact?: 'Low' | 'Medium' | 'High';
  extent: Extent;
  source: SourceInfo;
  st: ExecState;
  ev: Evaluator;
  /** Common parameters as bound (ErrorAction, WhatIf, …). */
  common: BoundParameters;
  /** `2>$null` / `2>&1` / `2> file` on this command. */
  errorRedirect?: ErrorRedirect;
  progressId: number;
  /** Set after the first -Confirm "Yes to All" / "No to All". */
  confirmAll?: boolean;
  hadError: boolean;
  /** Records to send down the pipeline under `2>&1`. */
  merged: ErrorRecord[];
  /** Per-invocation scratch space for the built-in cmdlets (gathered input, counters). */
  locals: Record<string, unknown>;
}

/** Builds the CmdletContext a cmdlet sees for one call of begin, process or end. */
export function createContext(
  inv: InvocationState,
  params: BoundParameters,
  input: unknown,
  expectingInput: boolean,
  write: Emit,
): CmdletContext {
  const session = inv.ev.session;
  const host: Host = session.host;
  const preference = (common: string, variable: string): string =>
    toStr(inv.common[common] ?? session.getVariable(variable)).toLowerCase();

  const ctx: CmdletContext & { [RUNTIME]: InvocationState } = {
    params,
    input,
    expectingInput,
    signal: inv.st.signal,
    host,
    session: session as SessionApi,
    write,
    writeError(error, targetObject) {
      reportNonTerminating(inv, error, targetObject);
    },
    writeWarning(message) {
      if (preference('WarningAction', 'WarningPreference') === 'silentlycontinue') return;
      host.writeWarning(message);
    },
    writeVerbose(message) {
      const on = inv.common.Verbose === true || preference('', 'VerbosePreference') === 'continue';
      if (on && inv.common.Verbose !== false) host.writeVerbose(message);
    },
    progress(event: ProgressEvent | undefined) {
      if (preference('ProgressAction', 'ProgressPreference') === 'silentlycontinue') return;
      host.progress(inv.progressId, event);
    },
    shouldProcess: (target, action, impact) =>
      shouldProcess(inv, target, action, params.Force === true, impact),
    async shouldContinue(query, caption) {
      const choice = await host.choose(caption, query, YES_NO, 0, inv.st.signal);
      return choice === 0 || choice === 1;
    },
    [RUNTIME]: inv,
  };
  Object.defineProperty(ctx, RUNTIME, { enumerable: false });
  return ctx;
}

/** A non-terminating error, handled per -ErrorAction / $ErrorActionPreference. */
export function reportNonTerminating(
  inv: InvocationState,
  error: unknown,
  targetObject?: unknown,
): void {
  // Already terminating (a refused confirmation, -ErrorAction Stop further in): never downgraded.
  if (error instanceof StopUpstream || error instanceof TerminatingError) throw error;
  const session = inv.ev.session;
  // Write-Error inside a function reports the function's call, as PowerShell does.
  const site = inv.commandName === 'Write-Error' ? inv.st.invocation : undefined;
  const record =
    error instanceof ErrorRecord
      ? error
      : new ErrorRecord(toError(error), {
          commandName: site?.name ?? inv.commandName,
          targetObject,
          source: site?.source ?? inv.source,
          extent: site?.extent ?? inv.extent,
        });
  inv.hadError = true;

  const variable = inv.common.ErrorVariable;
  if (typeof variable === 'string' && variable) {
    const append = variable.startsWith('+');
    const name = append ? variable.slice(1) : variable;
    const existing = append ? session.getVariable(name) : [];
    inv.st.scope.set(name, [...(Array.isArray(existing) ? existing : []), record]);
  }

  const action = toStr(
    inv.common.ErrorAction ?? session.getVariable('ErrorActionPreference'),
  ).toLowerCase();
  if (action === 'ignore') return;
  if (action === 'stop') throw new TerminatingError(record, true);
  session.errors.unshift(record);
  if (action === 'silentlycontinue' || inv.errorRedirect === 'null') return;
  if (typeof inv.errorRedirect === 'function') {
    inv.errorRedirect(record);
    return;
  }
  if (inv.errorRedirect === 'merge') {
    inv.merged.push(record);
    return;
  }
  inv.ev.show(record);
}

/** Runs a script block for a cmdlet (ForEach-Object, Where-Object, calculated properties). */
export async function invokeForCmdlet(
  ctx: CmdletContext,
  block: ScriptBlock,
  options: { input?: unknown; args?: unknown[]; emit?: Emit; hasInput?: boolean },
): Promise<unknown[]> {
  const inv = (ctx as unknown as { [RUNTIME]?: InvocationState })[RUNTIME];
  if (!inv)
    throw new Error('Script blocks can only run inside the shell that created the context.');
  const out: unknown[] = [];
  const emit = options.emit ?? (async (value: unknown) => void out.push(value));
  await invokeScriptBlock(inv.ev, block, {
    caller: inv.st,
    args: options.args ?? [],
    dotSource: true,
    ...(options.hasInput === false ? {} : { dollarUnder: options.input }),
    emit,
  });
  return out;
}

/** The shell internals behind a context, for the language cmdlets (Get-Command, Get-Help…). */
export function runtimeOf(ctx: CmdletContext): InvocationState {
  const inv = (ctx as unknown as { [RUNTIME]?: InvocationState })[RUNTIME];
  if (!inv) throw new Error('This cmdlet needs the shell that created the context.');
  return inv;
}

/** Per-invocation state shared by begin, process and end of one cmdlet in one pipeline. */
export function localsOf(ctx: CmdletContext): Record<string, unknown> {
  return runtimeOf(ctx).locals;
}
