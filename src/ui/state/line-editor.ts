/**
 * The line editor as a pure reducer: the text being typed (possibly several lines joined with
 * `\n`) and the cursor offset in it. Cursor moves step over whole code points so an emoji or an
 * astral character is never split.
 */

export interface EditorState {
  readonly text: string;
  /** Offset in `text` (UTF-16 units, always on a code-point boundary). */
  readonly cursor: number;
}

/** One editing step, named after what the key does. */
export type EditorAction =
  | { type: 'insert'; text: string }
  | { type: 'set'; text: string; cursor?: number }
  | { type: 'replace'; start: number; length: number; text: string }
  | { type: 'backward-char' }
  | { type: 'forward-char' }
  | { type: 'backward-word' }
  | { type: 'forward-word' }
  | { type: 'beginning-of-line' }
  | { type: 'end-of-line' }
  | { type: 'backward-delete-char' }
  | { type: 'delete-char' }
  | { type: 'kill-line' }
  | { type: 'backward-kill-line' }
  | { type: 'backward-kill-word' }
  | { type: 'kill-word' }
  | { type: 'line-up' }
  | { type: 'line-down' };

/** An empty line. */
export const EMPTY_EDITOR: EditorState = { text: '', cursor: 0 };

/** Length of the code point that ends at `offset`. */
function previousLength(text: string, offset: number): number {
  const low = text.charCodeAt(offset - 1);
  const high = text.charCodeAt(offset - 2);
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return offset >= 2 && pair ? 2 : 1;
}

/** Length of the code point that starts at `offset`. */
function nextLength(text: string, offset: number): number {
  const codePoint = text.codePointAt(offset) ?? 0;
  return codePoint > 0xffff ? 2 : 1;
}

const isWordChar = (char: string): boolean => /[\p{L}\p{N}_]/u.test(char);

/** Start of the word before `offset` (Alt+B): skip separators, then word characters. */
export function previousWordStart(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && !isWordChar(text[at - 1])) at--;
  while (at > 0 && isWordChar(text[at - 1])) at--;
  return at;
}

/** End of the word after `offset` (Alt+F): skip separators, then word characters. */
export function nextWordEnd(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && !isWordChar(text[at])) at++;
  while (at < text.length && isWordChar(text[at])) at++;
  return at;
}

/** Start of the whitespace-delimited word before `offset` (Ctrl+W, as in bash). */
function previousBlankWordStart(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  while (at > 0 && !/\s/.test(text[at - 1])) at--;
  return at;
}

/** Start and end offsets of the physical line (between `\n`s) holding `offset`. */
export function lineBounds(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  return { start, end: newline === -1 ? text.length : newline };
}

function cut(state: EditorState, from: number, to: number): EditorState {
  const [start, end] = from <= to ? [from, to] : [to, from];
  return { text: state.text.slice(0, start) + state.text.slice(end), cursor: start };
}

/** Moves to the same column on the previous or next physical line; unchanged at the edge. */
function verticalMove(state: EditorState, direction: -1 | 1): EditorState {
  const { text, cursor } = state;
  const here = lineBounds(text, cursor);
  const column = cursor - here.start;

  if (direction === -1 && here.start === 0) return state;
  if (direction === 1 && here.end === text.length) return state;

  const target =
    direction === -1 ? lineBounds(text, here.start - 1) : lineBounds(text, here.end + 1);
  return { text, cursor: Math.min(target.start + column, target.end) };
}

/** The line after `action`. */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  const { text, cursor } = state;

  switch (action.type) {
    case 'insert':
      return {
        text: text.slice(0, cursor) + action.text + text.slice(cursor),
        cursor: cursor + action.text.length,
      };
    case 'set':
      return { text: action.text, cursor: action.cursor ?? action.text.length };
    case 'replace':
      return {
        text: text.slice(0, action.start) + action.text + text.slice(action.start + action.length),
        cursor: action.start + action.text.length,
      };
    case 'backward-char':
      return cursor === 0 ? state : { text, cursor: cursor - previousLength(text, cursor) };
    case 'forward-char':
      return cursor >= text.length ? state : { text, cursor: cursor + nextLength(text, cursor) };
    case 'backward-word':
      return { text, cursor: previousWordStart(text, cursor) };
    case 'forward-word':
      return { text, cursor: nextWordEnd(text, cursor) };
    case 'beginning-of-line':
      return { text, cursor: lineBounds(text, cursor).start };
    case 'end-of-line':
      return { text, cursor: lineBounds(text, cursor).end };
    case 'backward-delete-char':
      return cursor === 0 ? state : cut(state, cursor - previousLength(text, cursor), cursor);
    case 'delete-char':
      return cursor >= text.length ? state : cut(state, cursor, cursor + nextLength(text, cursor));
    case 'kill-line': {
      const { end } = lineBounds(text, cursor);
      return cut(state, cursor, end === cursor && end < text.length ? end + 1 : end);
    }
    case 'backward-kill-line':
      return cut(state, lineBounds(text, cursor).start, cursor);
    case 'backward-kill-word':
      return cut(state, previousBlankWordStart(text, cursor), cursor);
    case 'kill-word':
      return cut(state, cursor, nextWordEnd(text, cursor));
    case 'line-up':
      return verticalMove(state, -1);
    case 'line-down':
      return verticalMove(state, 1);
  }
}
