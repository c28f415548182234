import type { Redirection } from '../ast.js';
import { ScriptRuntimeError, type ErrorRecord } from '../errors.js';
import type { Evaluator } from './evaluator.js';
import { writeOutputFile, renderForFile } from './output-file.js';
import type { Emit, ExecState } from './state.js';
import { toStr } from './values.js';

/** Where a command's error records go: hidden, merged into output, or kept for a file. */
export type ErrorRedirect = 'null' | 'merge' | ((record: ErrorRecord) => void);

/** What a command's redirections do to its streams. */
export interface RedirectionPlan {
  /** `> $null`, `*> $null`: output goes nowhere. */
  discardOutput: boolean;
  /** `>`/`>>`/`*>` to a file: output is kept for it instead of going downstream. */
  output?: Emit;
  errors?: ErrorRedirect;
}

/**
 * One file a statement's streams are redirected to. What reaches it is kept in order (output
 * and error records interleaved under `*>`) and written once the statement ends, formatted as
 * the host would have shown it.
 */
export class RedirectionFile {
  private readonly items: unknown[] = [];

  constructor(
    readonly path: string,
    readonly append: boolean,
  ) {}

  readonly push = async (value: unknown): Promise<void> => {
    this.items.push(value);
  };

  /** Writes the kept text (an empty file when nothing came, as PowerShell creates it). */
  async save(ev: Evaluator, st: ExecState): Promise<void> {
    const session = ev.session;
    const text = renderForFile(this.items, session.host.width, session.getVariable('ErrorView'));
    await writeOutputFile(session.engine, this.path, text, {
      append: this.append,
      literal: true,
      signal: st.signal,
    });
  }
}

/** Streams 3–6 (warning, verbose, debug, information) are written straight to the host. */
const HOST_STREAMS = new Set(['3', '4', '5', '6']);

/**
 * Evaluates the targets of `redirections` and says where each stream goes. Files it opens are
 * added to `files`, one per distinct path, for the caller to save when the statement ends.
 */
export async function planRedirections(
  ev: Evaluator,
  redirections: readonly Redirection[],
  st: ExecState,
  files: RedirectionFile[],
): Promise<RedirectionPlan> {
  const plan: RedirectionPlan = { discardOutput: false };

  for (const redirection of redirections) {
    const { from, to } = redirection;
    if (to === '&1') {
      if (from === '2') plan.errors = 'merge';
      continue;
    }

    const target = await ev.evaluate(to, st);
    const output = from === '1' || from === '*';
    const errors = from === '2' || from === '*';
    if (target === null || target === undefined) {
      if (output) plan.discardOutput = true;
      if (errors) plan.errors = 'null';
      continue;
    }

    if (HOST_STREAMS.has(from)) {
      throw new ScriptRuntimeError(
        `Redirecting stream ${from} to a file is not supported yet: only output (1), errors ` +
          '(2) and * reach a file. Use 3>$null to hide warnings.',
        'RedirectionNotSupported',
      );
    }

    const file = fileFor(files, toStr(target), redirection.append === true);
    if (output) plan.output = file.push;
    if (errors) plan.errors = (record) => void file.push(record);
  }

  return plan;
}

/** `> f 2> f` share one file, as one writer. */
function fileFor(files: RedirectionFile[], path: string, append: boolean): RedirectionFile {
  const known = files.find((file) => file.path === path);
  if (known) return known;
  const file = new RedirectionFile(path, append);
  files.push(file);
  return file;
}
