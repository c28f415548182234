import { commandFor, type Command } from '../keys/bindings.js';
import type { KeyPress } from '../keys/decode.js';
import { editorReducer, type EditorAction } from '../state/line-editor.js';
import type { InteractiveSession } from './session.js';

/** The editing keys an answer to Read-Host or -Confirm understands. */
const ANSWER_ACTIONS: Partial<Record<Command, EditorAction>> = {
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

/** Keys while a running command waits for an answer; the answer takes every key. */
export function handleRequestKey(session: InteractiveSession, press: KeyPress): boolean {
  const { request } = session.getState();
  if (!request) return false;

  const command = commandFor(press);
  const edit = (action: EditorAction): void =>
    session.requests.editAnswer(editorReducer(request.editor, action));

  if (press.name === 'text' || press.name === 'paste') {
    // An answer is one line: a pasted line break would otherwise hide inside a password.
    edit({ type: 'insert', text: press.text.split('\n')[0] });
  } else if (command === 'CancelLine') {
    session.requests.cancel();
    session.runner.interrupt();
  } else if (command === 'AcceptLine') {
    session.requests.submit();
  } else if (command && ANSWER_ACTIONS[command]) {
    edit(ANSWER_ACTIONS[command]);
  }

  return true;
}
