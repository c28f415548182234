import type { CmdletContext, CmdletDefinition, Host, SessionApi } from '../../src/shell/api.js';
import type { ProgressEvent } from '../../src/provider/types.js';
import type { ProviderEngine } from '../../src/provider/index.js';

/** What one cmdlet run produced. */
export interface CmdletRun {
  output: unknown[];
  errors: unknown[];
  whatIf: string[];
  progress: ProgressEvent[];
  verbose: string[];
  variables: Map<string, unknown>;
}

/**
 * Runs a cmdlet's begin/process/end with a minimal CmdletContext, the way the shell's runner
 * will: once without pipeline input, or once per input record (params rebound per record).
 */
export async function runCmdlet(
  cmdlet: CmdletDefinition,
  engine: ProviderEngine,
  params: Record<string, unknown>,
  options: {
    input?: unknown[];
    bindInput?: (record: unknown) => Record<string, unknown>;
    whatIf?: boolean;
    answer?: boolean;
    signal?: AbortSignal;
  } = {},
): Promise<CmdletRun> {
  const run: CmdletRun = {
    output: [],
    errors: [],
    whatIf: [],
    progress: [],
    verbose: [],
    variables: new Map(),
  };
  const session: SessionApi = {
    engine,
    getVariable: (name) => run.variables.get(name),
    setVariable: (name, value) => run.variables.set(name, value),
  };

  const context = (bound: Record<string, unknown>, input: unknown): CmdletContext => ({
    params: bound,
    input,
    expectingInput: options.input !== undefined,
    signal: options.signal ?? new AbortController().signal,
    host: quietHost(),
    session,
    write: async (value) => void run.output.push(value),
    writeError: (error) => void run.errors.push(error),
    writeWarning: () => undefined,
    writeVerbose: (message) => void run.verbose.push(message),
    progress: (event) => void (event && run.progress.push(event)),
    shouldProcess: async (target, action) => {
      if (!options.whatIf) return true;
      run.whatIf.push(`What if: Performing the operation "${action}" on target "${target}".`);
      return false;
    },
    shouldContinue: async () => options.answer ?? false,
  });

  await cmdlet.begin?.(context(params, undefined));
  if (options.input === undefined) {
    await cmdlet.process?.(context(params, undefined));
  } else {
    for (const record of options.input) {
      const bound = { ...params, ...(options.bindInput?.(record) ?? {}) };
      await cmdlet.process?.(context(bound, record));
    }
  }

  await cmdlet.end?.(context(params, undefined));
  return run;
}

/** A host that prints nothing and refuses every prompt, as a non-interactive run does. */
export function quietHost(): Host {
  const refuse = () => Promise.reject(new Error('not interactive'));
  return {
    interactive: false,
    width: 120,
    color: false,
    write: () => undefined,
    writeError: () => undefined,
    writeWarning: () => undefined,
    writeVerbose: () => undefined,
    progress: () => undefined,
    readLine: refuse,
    choose: refuse,
  };
}

/** The message of each recorded error. */
export function messages(errors: readonly unknown[]): string[] {
  return errors.map((error) => (error instanceof Error ? error.message : String(error)));
}
