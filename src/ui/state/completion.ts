import type { Completion, CompletionMatch } from '../../shell/api.js';
import type { EditorState } from './line-editor.js';

/**
 * Tab completion as a pure reducer over the editor and the completion state.
 *
 * - one match: inserted at once;
 * - several: the first Tab inserts the first (Shift+Tab the last) and the following Tab opens the
 *   menu; inside it Tab/Shift+Tab and the arrows cycle, the line always showing the highlighted
 *   match; Enter keeps it, Escape restores the line as it was before the first Tab;
 * - Ctrl+Space opens the menu straight away;
 * - typing in the menu narrows it to the matches that still fit (PSReadLine's MenuComplete).
 * A lookup in flight has an id; a result for an older id (the user typed on) is ignored.
 */

/** Rows the menu shows at once; longer lists scroll. */
export const MENU_ROWS = 8;

/** Idle, waiting for the shell, or showing matches (cycling or in the menu). */
export type CompletionState =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'loading';
      readonly id: number;
      readonly menu: boolean;
      readonly reverse: boolean;
      /** Tab (+1) and Shift+Tab (-1) pressed while the lookup ran, applied when it answers. */
      readonly extra: number;
    }
  | {
      readonly kind: 'active';
      readonly completion: Completion;
      readonly index: number;
      readonly menu: boolean;
      /** First menu row shown. */
      readonly scrollTop: number;
      /** The line before the first Tab, restored by Escape. */
      readonly original: EditorState;
      /** Every match of the lookup; `completion.matches` is what the typed filter leaves. */
      readonly all: readonly CompletionMatch[];
      /** Characters typed while the menu was open. */
      readonly filter: string;
    };

/** What the keys and the lookup do to the completion. */
export type CompletionAction =
  | { type: 'request'; id: number; menu: boolean; reverse: boolean }
  | { type: 'resolve'; id: number; completion: Completion }
  | { type: 'step'; delta: number }
  | { type: 'again'; delta: number; menu: boolean }
  | { type: 'open-menu' }
  | { type: 'narrow'; text: string }
  | { type: 'widen' }
  | { type: 'accept' }
  | { type: 'revert' }
  | { type: 'reset' };

/** The editor and the completion, changed together. */
export interface CompletionModel {
  readonly editor: EditorState;
  readonly completion: CompletionState;
}

/** No completion in progress. */
export const IDLE: CompletionState = { kind: 'idle' };

const QUOTES = new Set(["'", '"']);

/** The line with `match` put in place of the completed range of `original`. */
export function applyMatch(
  original: EditorState,
  completion: Completion,
  match: CompletionMatch,
): EditorState {
  const { replaceStart, replaceLength } = completion;
  const text =
    original.text.slice(0, replaceStart) +
    match.text +
    original.text.slice(replaceStart + replaceLength);
  let cursor = replaceStart + match.text.length;

  // A quoted container ('.\My Files\') leaves the cursor inside the closing quote, so the next
  // path segment can be typed straight away (PSReadLine does the same).
  const last = match.text.at(-1) ?? '';
  const beforeLast = match.text.at(-2) ?? '';
  if (match.kind === 'container' && QUOTES.has(last) && /[\\/]/.test(beforeLast)) cursor--;

  return { text, cursor };
}

/** Keeps `index` inside the window of `rows` rows starting at `scrollTop`. */
export function scrollTo(index: number, scrollTop: number, rows = MENU_ROWS): number {
  if (index < scrollTop) return index;
  if (index >= scrollTop + rows) return index - rows + 1;
  return scrollTop;
}

function select(model: CompletionModel, index: number, menu: boolean): CompletionModel {
  const state = model.completion;
  if (state.kind !== 'active') return model;

  const count = state.completion.matches.length;
  const wrapped = ((index % count) + count) % count;
  return {
    editor: applyMatch(state.original, state.completion, state.completion.matches[wrapped]),
    completion: { ...state, index: wrapped, menu, scrollTop: scrollTo(wrapped, state.scrollTop) },
  };
}

function resolve(
  model: CompletionModel,
  loading: Extract<CompletionState, { kind: 'loading' }>,
  completion: Completion,
): CompletionModel {
  const { matches } = completion;
  if (matches.length === 0) return { ...model, completion: IDLE };

  if (matches.length === 1) {
    return { editor: applyMatch(model.editor, completion, matches[0]), completion: IDLE };
  }

  const active: CompletionState = {
    kind: 'active',
    completion,
    index: 0,
    menu: loading.menu,
    scrollTop: 0,
    original: model.editor,
    all: matches,
    filter: '',
  };
  const first = loading.reverse ? -1 : 0;
  return select({ ...model, completion: active }, first + loading.extra, loading.menu);
}

type ActiveState = Extract<CompletionState, { kind: 'active' }>;

const unquote = (text: string): string => text.replace(/^['"]/, '');

/**
 * The matches left when `filter` is typed in the menu: those whose label starts with the last
 * path segment of the word plus `filter`, or whose (unquoted) text starts with the whole word
 * plus `filter`. Case-insensitive, as PowerShell names are.
 */
export function narrowMatches(state: ActiveState, filter: string): readonly CompletionMatch[] {
  const { replaceStart, replaceLength } = state.completion;
  const word = unquote(state.original.text.slice(replaceStart, replaceStart + replaceLength));
  const whole = (word + filter).toLowerCase();
  const segment = (word.split(/[\\/]/).at(-1) + filter).toLowerCase();

  return state.all.filter(
    (match) =>
      match.label.toLowerCase().startsWith(segment) ||
      unquote(match.text).toLowerCase().startsWith(whole),
  );
}

function refilter(model: CompletionModel, state: ActiveState, filter: string): CompletionModel {
  const matches = narrowMatches(state, filter);
  if (matches.length === 0) return model;

  const narrowed = { ...state, filter, completion: { ...state.completion, matches } };
  return select({ ...model, completion: { ...narrowed, index: 0, scrollTop: 0 } }, 0, true);
}

/** The editor and completion after `action`. */
export function completionReducer(
  model: CompletionModel,
  action: CompletionAction,
): CompletionModel {
  const state = model.completion;

  switch (action.type) {
    case 'request':
      return { ...model, completion: { kind: 'loading', ...action, extra: 0 } };
    case 'again':
      if (state.kind !== 'loading') return model;
      return {
        ...model,
        completion: {
          ...state,
          extra: state.extra + action.delta,
          menu: state.menu || action.menu,
        },
      };
    case 'resolve':
      if (state.kind !== 'loading' || state.id !== action.id) return model;
      return resolve(model, state, action.completion);
    case 'step':
      if (state.kind !== 'active') return model;
      return select(model, state.index + action.delta, state.menu);
    case 'open-menu':
      if (state.kind !== 'active') return model;
      return { ...model, completion: { ...state, menu: true } };
    case 'narrow':
      if (state.kind !== 'active') return model;
      return refilter(model, state, state.filter + action.text);
    case 'widen':
      if (state.kind !== 'active' || state.filter === '') return model;
      return refilter(model, state, [...state.filter].slice(0, -1).join(''));
    case 'accept':
    case 'reset':
      return { ...model, completion: IDLE };
    case 'revert':
      if (state.kind !== 'active') return { ...model, completion: IDLE };
      return { editor: state.original, completion: IDLE };
  }
}
