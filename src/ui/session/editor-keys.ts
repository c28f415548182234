import { commandFor, type Command } from '../keys/bindings.js';
import type { KeyPress } from '../keys/decode.js';
import { historyText } from '../state/history.js';
import type { EditorAction } from '../state/line-editor.js';
import { NEW_SEARCH } from '../state/reverse-search.js';
import type { InteractiveSession } from './session.js';

/** Commands that are a plain editor action. */
const EDITOR_ACTIONS: Partial<Record<Command, EditorAction>> = {
  AddLine: { type: 'insert', text: '\n' },
  BackwardChar: { type: 'backward-char' },
  ForwardChar: { type: 'forward-char' },
  BackwardWord: { type: 'backward-word' },
  ForwardWord: { type: 'forward-word' },
  BeginningOfLine: { type: 'beginning-of-line' },
  EndOfLine: { type: 'end-of-line' },
  BackwardDeleteChar: { type: 'backward-delete-char' },
  DeleteChar: { type: 'delete-char' },
  KillLine: { type: 'kill-line' },
  BackwardKillLine: { type: 'backward-kill-line' },
  BackwardKillWord: { type: 'backward-kill-word' },
  KillWord: { type: 'kill-word' },
  RevertLine: { type: 'set', text: '' },
};

/** Up/Down move between the rows of a multi-line entry, and through history at its edges. */
function walk(session: InteractiveSession, direction: 'previous' | 'next'): void {
  const before = session.getState().editor;
  session.edit({ type: direction === 'previous' ? 'line-up' : 'line-down' });
  if (session.getState().editor.cursor !== before.cursor) return;

  session.history({ type: direction, current: before.text });
  const text = historyText(session.getState().history);
  session.edit({ type: 'set', text });
}

function run(session: InteractiveSession, command: Command): void {
  const { editor, history } = session.getState();

  switch (command) {
    case 'AcceptLine':
      return session.runner.acceptOrContinue();
    case 'DeleteCharOrExit':
      if (editor.text === '') return session.exit(0);
      return session.edit({ type: 'delete-char' });
    case 'PreviousHistory':
      return walk(session, 'previous');
    case 'NextHistory':
      return walk(session, 'next');
    case 'TabCompleteNext':
      return session.requestCompletion(false, false);
    case 'TabCompletePrevious':
      return session.requestCompletion(false, true);
    case 'MenuComplete':
      return session.requestCompletion(true, false);
    case 'CancelLine':
      return session.cancelLine();
    case 'ClearScreen':
      return session.clearScreen();
    case 'HistorySearchBackward':
    case 'HistorySearchForward': {
      // F8: the previous entry starting with the text before the cursor; the cursor stays put.
      const prefix = editor.text.slice(0, editor.cursor);
      const step = command === 'HistorySearchBackward' ? -1 : 1;
      session.history({ type: 'search', prefix, current: editor.text, step });
      if (session.getState().history !== history) {
        session.edit({
          type: 'set',
          text: historyText(session.getState().history),
          cursor: editor.cursor,
        });
      }
      return;
    }
    case 'Yank':
      return session.yank();
    case 'Undo':
      return session.undo();
    case 'ReverseSearchHistory':
      if (history.entries.length === 0) return;
      return session.update({ search: { ...NEW_SEARCH, original: editor } });
  }

  const action = EDITOR_ACTIONS[command];
  if (action) session.edit(action);
}

/** The prompt's own keys: typing, editing, history, and starting completion or search. */
export function handleEditorKey(session: InteractiveSession, press: KeyPress): boolean {
  if (press.name === 'text' || press.name === 'paste') {
    session.edit({ type: 'insert', text: press.text });
    return true;
  }

  const command = commandFor(press);
  if (command) run(session, command);
  return true;
}
