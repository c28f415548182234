import type { ProgressEvent } from '../provider/types.js';
import type { Host } from '../shell/api.js';
import { PromptCancelledError } from './session/requests.js';
import type { InteractiveSession } from './session/session.js';
import { EMPTY_EDITOR } from './state/line-editor.js';

/** What the Ink host needs to know about the terminal. */
export interface InkHostOptions {
  /** Where the UI draws; its `columns` is read on every access so a resize reflows tables. */
  stdout: { columns?: number };
  /** Whether output may carry ANSI colours (see `colorEnabled`). */
  color: boolean;
}

/** Colours are on unless NO_COLOR is set (https://no-color.org) or stdout is not a terminal. */
export function colorEnabled(
  env: Readonly<Record<string, string | undefined>>,
  stdout: { isTTY?: boolean },
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stdout.isTTY === true;
}

function prefixed(prefix: string, text: string): string {
  return text.startsWith(prefix) ? text : prefix + text;
}

function rejectIfAborted(signal: AbortSignal | undefined): Promise<never> | undefined {
  return signal?.aborted ? Promise.reject(new PromptCancelledError()) : undefined;
}

/**
 * The Host the shell writes to inside the Ink UI: output goes into the session's transcript
 * (printed once through `<Static>`), progress into the live area, and questions become an
 * answer line in the UI.
 */
export function createInkHost(session: InteractiveSession, options: InkHostOptions): Host {
  return {
    interactive: true,
    get width() {
      return options.stdout.columns && options.stdout.columns > 0 ? options.stdout.columns : 80;
    },
    color: options.color,
    write: (text) => session.append('output', text),
    writeError: (text) => session.append('error', text),
    writeWarning: (text) => session.append('warning', prefixed('WARNING: ', text)),
    writeVerbose: (text) => session.append('verbose', prefixed('VERBOSE: ', text)),
    progress: (id: number, event: ProgressEvent | undefined) => session.setProgress(id, event),
    readLine(prompt, readOptions = {}) {
      const { mask = false, signal } = readOptions;
      const request = { kind: 'line' as const, prompt, mask, editor: EMPTY_EDITOR };
      return rejectIfAborted(signal) ?? (session.requests.ask(request, signal) as Promise<string>);
    },
    choose(caption, message, choices, defaultIndex, signal) {
      const request = {
        kind: 'choice' as const,
        caption,
        message,
        choices,
        defaultIndex,
        editor: EMPTY_EDITOR,
        showHelp: false,
      };
      return rejectIfAborted(signal) ?? (session.requests.ask(request, signal) as Promise<number>);
    },
  };
}
