import path from 'node:path';
import { setMaxListeners } from 'node:events';
import { isAbortError } from '../core/errors.js';
import type { EngineApi } from '../provider/engine-api.js';
import type { CmdletDefinition, Completion, Host, RunResult, Shell } from './api.js';
import { complete } from './completion/complete.js';
import { ErrorRecord, ParseError, type SourceInfo } from './errors.js';
import { renderError, renderErrorRecord } from './format/error-view.js';
import { OutDefault } from './format/out-default.js';
import { parse, parseScript } from './parser/parser.js';
import { ScriptInvocation } from './runtime/invoke.js';
import type { BindingArgument } from './runtime/binder.js';
import { Evaluator } from './runtime/evaluator.js';
import {
  BreakSignal,
  ContinueSignal,
  ExitSignal,
  ReturnSignal,
  TerminatingError,
} from './runtime/flow.js';
import { Scope } from './runtime/scope.js';
import { Session } from './runtime/session.js';
import type { ExecState } from './runtime/state.js';
import { toStr } from './runtime/values.js';

/** The Shell the UI and the CLI drive: one session, many runs. */
/** Listeners one command's AbortSignal may have before Node warns of a leak. */
const COMMAND_SIGNAL_LISTENERS = 1000;

export class ShellSession implements Shell {
  readonly session: Session;
  readonly evaluator: Evaluator;
  private unhandled = 0;

  constructor(options: {
    host: Host;
    engine: EngineApi;
    cmdlets: readonly CmdletDefinition[];
    variables?: Record<string, unknown>;
    env?: Record<string, string | undefined>;
  }) {
    this.session = new Session(options.engine, options.host, options.env);
    for (const cmdlet of options.cmdlets) this.session.register(cmdlet);
    for (const [name, value] of Object.entries(options.variables ?? {}))
      this.session.global.set(name, value);
    this.evaluator = new Evaluator(
      this.session,
      (record) => {
        this.unhandled += 1;
        this.reportError(record);
      },
      (record) => this.reportError(record),
    );
  }

  private reportError(record: ErrorRecord): void {
    this.session.host.writeError(
      renderError(record, this.session.global.lookup('ErrorView')?.value),
    );
  }

  async run(
    text: string,
    options: { signal?: AbortSignal; file?: string; args?: readonly string[] } = {},
  ): Promise<RunResult> {
    const source: SourceInfo = { text, file: options.file };
    let body;
    try {
      body = parseScript(text);
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      const record = new ErrorRecord(error, {
        source,
        extent: { start: error.offset, end: error.offset + error.length },
      });
      this.session.errors.unshift(record);
      this.reportError(record);
      return { failed: true };
    }

    const scope = options.file ? new Scope(this.session.global, 'script') : this.session.global;
    if (options.file) {
      scope.set('PSScriptRoot', path.dirname(options.file));
      scope.set('PSCommandPath', options.file);
      scope.set('MyInvocation', {
        MyCommand: { Path: options.file, Name: path.basename(options.file) },
      });
    }
    scope.set('args', [...(options.args ?? [])]);
    const signal = options.signal ?? new AbortController().signal;
    // Every request and stream of a command listens on its one signal, and transfers run several
    // at once: dozens of listeners are expected, not a leak.
    setMaxListeners(COMMAND_SIGNAL_LISTENERS, signal);
    const st: ExecState = { scope, source, signal, tryDepth: 0 };
    const host = this.session.host;
    const out = new OutDefault(
      (chunk) => {
        if (chunk) host.write(chunk);
      },
      () => host.width,
      host.color,
      renderErrorRecord,
    );

    const before = this.unhandled;
    const statements = [...(body.begin ?? []), ...(body.process ?? []), ...(body.end ?? [])];
    try {
      if (body.params.length > 0) {
        const script = new ScriptInvocation(this.evaluator, body, source, st, true);
        try {
          await script.bind(scriptArguments(options.args ?? []));
        } catch (error) {
          throw this.evaluator.wrap(error, { start: 0, end: 0 }, st);
        }
      }
      for (const statement of statements) {
        try {
          await this.evaluator.runBlock([statement], st, async (value) => out.push(value));
        } finally {
          out.flush();
        }
      }
    } catch (error) {
      return this.finish(error, before);
    } finally {
      this.session.current = this.session.global;
    }
    return { failed: this.unhandled > before, lastStatus: this.session.lastStatus };
  }

  private finish(error: unknown, before: number): RunResult {
    if (error instanceof ExitSignal) {
      this.session.global.set('LASTEXITCODE', error.code);
      return { exitCode: error.code, failed: false };
    }
    if (error instanceof TerminatingError) {
      this.evaluator.remember(error.record);
      this.reportError(error.record);
      return { failed: true, lastStatus: false };
    }
    if (
      error instanceof ReturnSignal ||
      error instanceof BreakSignal ||
      error instanceof ContinueSignal
    ) {
      return { failed: this.unhandled > before, lastStatus: this.session.lastStatus };
    }
    if (isAbortError(error)) return { failed: true, lastStatus: false };
    throw error;
  }

  complete(line: string, cursor: number, signal?: AbortSignal): Promise<Completion> {
    return complete(this.session, line, cursor, signal ?? new AbortController().signal);
  }

  async prompt(): Promise<string> {
    if (this.session.functions.has('prompt')) {
      const outputs: unknown[] = [];
      const host = this.session.host;
      const silent = { ...host, write: (t: string) => outputs.push(t) };
      void silent;
      const shell = this.evaluator;
      const st: ExecState = {
        scope: this.session.global,
        source: { text: 'prompt' },
        signal: new AbortController().signal,
        tryDepth: 0,
      };
      try {
        await shell.runBlock(parse('prompt'), st, async (value) => void outputs.push(value));
        return outputs.map(toStr).join('');
      } catch {
        // A broken prompt function falls back to the default prompt, as in PowerShell.
      }
    }
    return `PS ${this.session.engine.currentLocation().display}> `;
  }

  isIncomplete(text: string): boolean {
    try {
      parse(text);
      return false;
    } catch (error) {
      return error instanceof ParseError && error.incomplete;
    }
  }
}

/** Script arguments from the command line: `-Name value` pairs are named, the rest positional. */
function scriptArguments(args: readonly string[]): BindingArgument[] {
  return args.map((arg) =>
    /^-[A-Za-z_]\w*$/.test(arg)
      ? { kind: 'named' as const, name: arg.slice(1), hasValue: false }
      : { kind: 'positional' as const, value: arg },
  );
}
