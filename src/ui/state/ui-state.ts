import type { ProgressEvent } from '../../provider/types.js';
import type { CompletionState } from './completion.js';
import type { EditorState } from './line-editor.js';
import type { HistoryState } from './history.js';
import type { SearchState } from './reverse-search.js';

/**
 * Everything the interactive UI shows, as one immutable snapshot the components render from.
 */

/** `command` is an accepted line (shown after its prompt, coloured); `echo` an answer. */
export type OutputKind = 'command' | 'echo' | 'output' | 'error' | 'warning' | 'verbose' | 'info';

/** One finished block of output, printed once above the live area. */
export interface OutputEntry {
  readonly id: number;
  readonly kind: OutputKind;
  readonly text: string;
  /** For `command` entries: the prompt it was typed at. */
  readonly prompt?: string;
}

/** One running operation's progress. */
export interface ProgressView {
  readonly id: number;
  readonly event: ProgressEvent;
  /** When the first event for this id arrived (ms), for the transfer rate and time left. */
  readonly startedAt: number;
  /** When the latest event arrived (ms). */
  readonly updatedAt: number;
}

/** A question a running command asks through the host (Read-Host, -Confirm). */
export type InputRequest =
  | {
      readonly kind: 'line';
      readonly prompt: string;
      readonly mask: boolean;
      readonly editor: EditorState;
    }
  | {
      readonly kind: 'choice';
      readonly caption: string;
      readonly message: string;
      readonly choices: readonly { label: string; help: string }[];
      readonly defaultIndex: number;
      readonly editor: EditorState;
      /** Set after `?`: the help text of each choice is shown. */
      readonly showHelp: boolean;
    };

/** A Ctrl+R search in progress. */
export interface ActiveSearch extends SearchState {
  /** The line before Ctrl+R, restored by Escape or Ctrl+G. */
  readonly original: EditorState;
}

/** The whole UI snapshot. */
export interface UiState {
  readonly prompt: string;
  readonly editor: EditorState;
  readonly history: HistoryState;
  readonly completion: CompletionState;
  readonly search: ActiveSearch | undefined;
  /** A command is running (keys other than Ctrl+C are typed ahead). */
  readonly running: boolean;
  readonly request: InputRequest | undefined;
  /**
   * Output of the current command. A new array starts with each command (and after Ctrl+L) so
   * the memory held stays bounded: earlier output is already on the terminal.
   */
  readonly transcript: readonly OutputEntry[];
  /** Changes with each new transcript array; it keys `<Static>` so a new one starts empty. */
  readonly segment: number;
  /** Bumped on every append, so a mutated transcript still yields a new snapshot. */
  readonly outputVersion: number;
  readonly progress: readonly ProgressView[];
  /** Bumped by Ctrl+L; the App clears the terminal when it changes. */
  readonly screen: number;
  /** Set once the user has left (`exit`, Ctrl+D). */
  readonly exitCode: number | undefined;
}
