import { commandFor } from '../keys/bindings.js';
import type { KeyPress } from '../keys/decode.js';
import { searchReducer, type SearchAction } from '../state/reverse-search.js';
import type { InteractiveSession } from './session.js';

function searchStep(session: InteractiveSession, action: SearchAction): void {
  const { search, history } = session.getState();
  if (!search) return;

  const next = { ...search, ...searchReducer(history.entries, search, action) };
  const found = next.match === -1 ? search.original.text : history.entries[next.match];
  const at = found.toLowerCase().indexOf(next.query.toLowerCase());
  session.update({ search: next, editor: { text: found, cursor: Math.max(0, at) } });
}

/**
 * Keys during Ctrl+R search: typing narrows, Ctrl+R finds older, Backspace widens, Escape or
 * Ctrl+G restores the line, Enter runs the match, and any other key keeps the match and
 * goes on to the editor.
 */
export function handleSearchKey(session: InteractiveSession, press: KeyPress): boolean {
  const { search } = session.getState();
  if (!search) return false;

  const command = commandFor(press);
  if (press.name === 'text' || press.name === 'paste') {
    searchStep(session, { type: 'type', text: press.text.replace(/\n/g, ' ') });
    return true;
  }

  if (command === 'ReverseSearchHistory') {
    searchStep(session, { type: 'older' });
    return true;
  }

  if (command === 'BackwardDeleteChar') {
    searchStep(session, { type: 'backspace' });
    return true;
  }

  if (command === 'RevertLine' || (press.ctrl && press.name === 'g')) {
    session.update({ search: undefined, editor: search.original });
    return true;
  }

  session.update({ search: undefined });
  return false;
}
