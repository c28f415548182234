import { commandFor } from '../keys/bindings.js';
import type { KeyPress } from '../keys/decode.js';
import { MENU_ROWS, narrowMatches } from '../state/completion.js';
import type { InteractiveSession } from './session.js';

/**
 * Keys while a completion is in flight or on show. Any key that is not about completion ends
 * it (aborting a lookup, keeping an inserted match) and then does its usual job.
 */
export function handleCompletionKey(session: InteractiveSession, press: KeyPress): boolean {
  const state = session.getState().completion;
  const command = commandFor(press);

  if (state.kind === 'idle') return false;

  if (state.kind === 'loading') {
    // Tabs pressed before the answer count, so a quick Tab Tab still opens the menu.
    if (command === 'TabCompleteNext') session.completion({ type: 'again', delta: 1, menu: true });
    if (command === 'TabCompletePrevious') {
      session.completion({ type: 'again', delta: -1, menu: false });
    }
    if (command === 'MenuComplete') session.completion({ type: 'again', delta: 0, menu: true });
    const completing = command === 'TabCompleteNext' || command === 'TabCompletePrevious';
    if (completing || command === 'MenuComplete') return true;
    session.cancelCompletion();
    return false;
  }

  const step = (delta: number): true => {
    session.completion({ type: 'step', delta });
    return true;
  };

  switch (command) {
    case 'TabCompleteNext':
      if (!state.menu) session.completion({ type: 'open-menu' });
      return step(1);
    case 'TabCompletePrevious':
      return step(-1);
    case 'MenuComplete':
      session.completion({ type: 'open-menu' });
      return true;
    case 'RevertLine':
      session.completion({ type: 'revert' });
      return true;
  }

  if (state.menu && press.name === 'text') {
    const selected = state.completion.matches[state.index];
    const isSeparator = press.text === '/' || press.text === '\\';
    const bare = selected.text.replace(/['"]$/, '');
    // A separator after a container takes it and goes on to the next path segment.
    if (isSeparator && selected.kind === 'container' && bare.endsWith(press.text)) {
      session.completion({ type: 'accept' });
      return true;
    }

    if (!/\s/.test(press.text) && narrowMatches(state, state.filter + press.text).length > 0) {
      session.completion({ type: 'narrow', text: press.text });
      return true;
    }
  }

  if (state.menu && command === 'BackwardDeleteChar' && state.filter !== '') {
    session.completion({ type: 'widen' });
    return true;
  }

  if (state.menu) {
    if (command === 'PreviousHistory') return step(-1);
    if (command === 'NextHistory') return step(1);
    if (press.name === 'pageup') return step(-MENU_ROWS);
    if (press.name === 'pagedown') return step(MENU_ROWS);
    if (command === 'AcceptLine') {
      session.completion({ type: 'accept' });
      return true;
    }
  }

  session.completion({ type: 'accept' });
  return false;
}
