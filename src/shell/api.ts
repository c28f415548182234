import type { ParameterDefinition } from '../core/parameters.js';
import type { EngineApi } from '../provider/engine-api.js';
import type { ProgressEvent } from '../provider/types.js';

/**
 * The contracts between the shell and what sits around it: the host (Ink UI or plain
 * stdout/stderr) below which output appears, the cmdlets it runs, and the Shell object that the
 * UI and the CLI drive.
 */

/** Where a shell writes. The Ink UI and the plain script runner each implement it. */
export interface Host {
  /** True in the Ink UI; false for -c, script files and piped stdin (prompts then fail). */
  readonly interactive: boolean;
  /** Columns available for formatting tables. */
  readonly width: number;
  /** Whether ANSI colours may be used (false for NO_COLOR and non-TTY output). */
  readonly color: boolean;
  /** Formatted output, one or more whole lines each ending in `\n`. */
  write(text: string): void;
  /** Error records already rendered as text (stderr in plain mode, red in the UI). */
  writeError(text: string): void;
  writeWarning(text: string): void;
  writeVerbose(text: string): void;
  /** Progress of a running command; `undefined` clears it. Ignored in non-interactive runs. */
  progress(id: number, event: ProgressEvent | undefined): void;
  /**
   * Asks for a line of input (Read-Host, Get-Credential, mandatory parameters). Rejects with a
   * clear error in a non-interactive host instead of waiting.
   */
  readLine(prompt: string, options?: { mask?: boolean; signal?: AbortSignal }): Promise<string>;
  /**
   * PowerShell's choice prompt (-Confirm, ShouldContinue). Returns the chosen index. Rejects in a
   * non-interactive host.
   */
  choose(
    caption: string,
    message: string,
    choices: readonly { label: string; help: string }[],
    defaultIndex: number,
    signal?: AbortSignal,
  ): Promise<number>;
}

/** The result of running one piece of script text. */
export interface RunResult {
  /** Set when the text ran `exit N` (the caller should exit with it). */
  exitCode?: number;
  /** True when an unhandled terminating error (or parse error) stopped the text. */
  failed: boolean;
  /**
   * `$?` after the last statement: false when it failed (a non-terminating error included) or
   * an error stopped the text. `pwsh -Command` exits 1 on it; undefined after `exit N`.
   */
  lastStatus?: boolean;
}

export interface Completion {
  /** Offset in the line where the replaced text starts. */
  replaceStart: number;
  /** Length of the replaced text. */
  replaceLength: number;
  matches: readonly CompletionMatch[];
}

export interface CompletionMatch {
  /** Text inserted in place of the replaced range (already quoted when needed). */
  text: string;
  /** What the menu shows. */
  label: string;
  /** Item type, parameter type or kind shown beside the label in the menu. */
  kind: 'cmdlet' | 'alias' | 'function' | 'parameter' | 'value' | 'variable' | 'container' | 'leaf';
  detail?: string;
}

/** What the UI and the CLI use. `createShell` in src/shell/index.ts returns one. */
export interface Shell {
  /** Parses and runs `text` (one line, several, or a whole script file's content). */
  run(
    text: string,
    options?: { signal?: AbortSignal; file?: string; args?: readonly string[] },
  ): Promise<RunResult>;
  /** Tab completion at `cursor` in `line`. Cancelled lookups reject with an abort error. */
  complete(line: string, cursor: number, signal?: AbortSignal): Promise<Completion>;
  /** The prompt text, e.g. `PS /home/me> ` or `PS JAFS:\> `. */
  prompt(): Promise<string>;
  /** True when `text` is syntactically unfinished (open quote, brace, trailing backtick). */
  isIncomplete(text: string): boolean;
}

/** What cmdlets see of the session they run in. */
export interface SessionApi {
  readonly engine: EngineApi;
  getVariable(name: string): unknown;
  setVariable(name: string, value: unknown): void;
}

/** Parameters bound for one invocation (canonical names; switches are `true` when present). */
export type BoundParameters = Readonly<Record<string, unknown>>;

/** Everything a cmdlet can do while it runs. */
export interface CmdletContext {
  /** Bound parameters for the current pipeline record (rebound per record from the pipeline). */
  readonly params: BoundParameters;
  /** The current pipeline input object (`$_`), undefined in begin/end and without input. */
  readonly input: unknown;
  /** True when the cmdlet was given pipeline input at all. */
  readonly expectingInput: boolean;
  readonly signal: AbortSignal;
  readonly host: Host;
  /** The session the cmdlet runs in: variables and the provider engine. */
  readonly session: SessionApi;
  /** Emits an object down the pipeline; awaits the downstream stages. */
  write(value: unknown): Promise<void>;
  /** A non-terminating error: reported (per -ErrorAction) and the cmdlet goes on. */
  writeError(error: unknown, targetObject?: unknown): void;
  writeWarning(message: string): void;
  writeVerbose(message: string): void;
  progress(event: ProgressEvent | undefined): void;
  /**
   * -WhatIf/-Confirm: prints `What if: Performing the operation "<action>" on target
   * "<target>".` and returns false under -WhatIf; asks under -Confirm; else true. `impact`
   * raises the cmdlet's ConfirmImpact for this call (Remove-Item -Permanent: High), so it asks
   * unasked when it reaches $ConfirmPreference.
   */
  shouldProcess(target: string, action: string, impact?: ConfirmImpact): Promise<boolean>;
  /** A question that -Confirm:$false does not silence (Remove-Item of an item with children). */
  shouldContinue(query: string, caption: string): Promise<boolean>;
}

/** How risky a change is, as PowerShell's ConfirmImpact. */
export type ConfirmImpact = 'Low' | 'Medium' | 'High';

/** One cmdlet. Terminating errors are thrown; non-terminating ones go through writeError. */
export interface CmdletDefinition {
  /** Verb-Noun: `Get-ChildItem`. */
  name: string;
  aliases?: readonly string[];
  synopsis: string;
  description?: string;
  parameters: readonly ParameterDefinition[];
  defaultParameterSet?: string;
  /** Adds -WhatIf and -Confirm. */
  supportsShouldProcess?: boolean;
  /**
   * How risky the change is (default Medium). ShouldProcess asks without -Confirm when it
   * reaches $ConfirmPreference (High by default); -Confirm:$false or a bound -Force silence it.
   */
  confirmImpact?: ConfirmImpact;
  examples?: readonly { code: string; remarks: string }[];
  /** Provider dynamic parameters, given what is bound so far (Path, ItemType…). */
  dynamicParameters?(
    bound: BoundParameters,
    session: SessionApi,
  ): readonly ParameterDefinition[] | Promise<readonly ParameterDefinition[]>;
  begin?(ctx: CmdletContext): Promise<void> | void;
  /** Called once per pipeline record, or once when there is no pipeline input. */
  process?(ctx: CmdletContext): Promise<void> | void;
  end?(ctx: CmdletContext): Promise<void> | void;
}
