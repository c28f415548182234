/**
 * Command history as a pure reducer. Walking up and back down keeps what was typed: the
 * unfinished draft and any edits made to recalled entries (as PSReadLine and gemini-cli do),
 * until the next line is accepted.
 */

export interface HistoryState {
  /** Accepted lines, oldest first, without duplicates. */
  readonly entries: readonly string[];
  /** Position being shown; `entries.length` is the draft line. */
  readonly index: number;
  /** Text edited at each visited position (the draft lives at `entries.length`). */
  readonly edits: Readonly<Record<number, string>>;
}

/** Moves through history (`current` is the text shown, kept as an edit), adds, loads. */
export type HistoryAction =
  | { type: 'previous'; current: string }
  | { type: 'next'; current: string }
  | { type: 'add'; line: string; limit?: number }
  | { type: 'load'; entries: readonly string[] }
  | { type: 'rewind' }
  | { type: 'search'; prefix: string; current: string; step: -1 | 1 };

/** PSReadLine keeps 4096; a thousand lines is plenty for a cloud shell and loads instantly. */
export const DEFAULT_HISTORY_LIMIT = 1000;

/** No entries, showing the draft. */
export const EMPTY_HISTORY: HistoryState = { entries: [], index: 0, edits: {} };

/** The text shown for the current position. */
export function historyText(state: HistoryState): string {
  return state.edits[state.index] ?? state.entries[state.index] ?? '';
}

/** Appends `line`, dropping an older copy of it and the oldest entries beyond `limit`. */
export function addEntry(
  entries: readonly string[],
  line: string,
  limit = DEFAULT_HISTORY_LIMIT,
): string[] {
  if (line.trim() === '') return [...entries];

  const kept = entries.filter((entry) => entry !== line);
  kept.push(line);
  return kept.slice(Math.max(0, kept.length - limit));
}

function move(state: HistoryState, current: string, step: -1 | 1, to?: number): HistoryState {
  const index = to ?? state.index + step;
  if (index < 0 || index > state.entries.length) return state;

  return { ...state, index, edits: { ...state.edits, [state.index]: current } };
}

/** The history state after `action`. */
export function historyReducer(state: HistoryState, action: HistoryAction): HistoryState {
  switch (action.type) {
    case 'previous':
      return move(state, action.current, -1);
    case 'next':
      return move(state, action.current, 1);
    case 'search': {
      const prefix = action.prefix.toLowerCase();
      let index = state.index + action.step;
      while (index >= 0 && index < state.entries.length) {
        if (state.entries[index].toLowerCase().startsWith(prefix)) break;
        index += action.step;
      }
      if (index < 0 || index >= state.entries.length) return state;
      return move(state, action.current, action.step, index);
    }
    case 'add': {
      const entries = addEntry(state.entries, action.line, action.limit);
      return { entries, index: entries.length, edits: {} };
    }
    case 'rewind':
      return { ...state, index: state.entries.length, edits: {} };
    case 'load': {
      const entries = action.entries.reduce<string[]>((all, line) => addEntry(all, line), []);
      return { entries, index: entries.length, edits: {} };
    }
  }
}

/**
 * Words that make a line look like it carries a secret. Such lines stay in the session's memory
 * but are never written to the history file (PSReadLine's rule, widened for JAFS tokens).
 */
const SECRET_PATTERN =
  /password|passwd|asplaintext|securestring|token|apikey|api[-_]key|secret|credential|bearer/i;

/** Whether `line` must not be persisted. */
export function looksSecret(line: string): boolean {
  return SECRET_PATTERN.test(line);
}
