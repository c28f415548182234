/**
 * Ctrl+R incremental reverse search (`bck-i-search:`) as pure functions over the history
 * entries. Matching is case-insensitive, like PSReadLine's.
 */

export interface SearchState {
  readonly query: string;
  /** Index in the history entries of the shown match, or -1 before the first match. */
  readonly match: number;
  /** True when the query matches nothing at or before the last match (`failed-bck-i-search`). */
  readonly failed: boolean;
}

/** Typing, Backspace, and Ctrl+R again (older match). */
export type SearchAction =
  { type: 'type'; text: string } | { type: 'backspace' } | { type: 'older' };

/** A search with nothing typed yet. */
export const NEW_SEARCH: SearchState = { query: '', match: -1, failed: false };

/** Newest entry at or before `from` that contains `query`, or -1. */
export function findOlder(entries: readonly string[], query: string, from: number): number {
  const needle = query.toLowerCase();
  for (let index = Math.min(from, entries.length - 1); index >= 0; index--) {
    if (entries[index].toLowerCase().includes(needle)) return index;
  }
  return -1;
}

function searchFrom(
  entries: readonly string[],
  state: SearchState,
  query: string,
  from: number,
): SearchState {
  if (query === '') return { query, match: -1, failed: false };

  const match = findOlder(entries, query, from);
  if (match === -1) return { query, match: state.match, failed: true };
  return { query, match, failed: false };
}

/** The search state after `action`, over `entries` (oldest first). */
export function searchReducer(
  entries: readonly string[],
  state: SearchState,
  action: SearchAction,
): SearchState {
  const newest = entries.length - 1;

  switch (action.type) {
    case 'type': {
      const from = state.match === -1 ? newest : state.match;
      return searchFrom(entries, state, state.query + action.text, from);
    }
    case 'backspace':
      return searchFrom(entries, state, [...state.query].slice(0, -1).join(''), newest);
    case 'older': {
      if (state.query === '' || state.match <= 0) return { ...state, failed: state.query !== '' };
      return searchFrom(entries, state, state.query, state.match - 1);
    }
  }
}

/** The label PSReadLine shows before the query. */
export function searchLabel(state: SearchState): string {
  return state.failed ? 'failed-bck-i-search: ' : 'bck-i-search: ';
}
