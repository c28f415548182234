import type { KeyPress } from '../keys/decode.js';
import { handleCompletionKey } from './completion-keys.js';
import { handleEditorKey } from './editor-keys.js';
import { handleRequestKey } from './request-keys.js';
import { handleSearchKey } from './search-keys.js';
import type { InteractiveSession } from './session.js';

/** A key handler that returns true when it consumed the key. */
type Layer = (session: InteractiveSession, press: KeyPress) => boolean;

/** While a command runs, Ctrl+C stops it and every other key waits for the prompt. */
const handleRunningKey: Layer = (session, press) => {
  const state = session.getState();
  if (!state.running) return false;

  if (press.name === 'c' && press.ctrl) session.runner.interrupt();
  else session.runner.queue(press);
  return true;
};

/**
 * Input routing: the first layer that claims a key wins. A question from a running command
 * comes first, then the running command, then the search and completion overlays, then the
 * editor itself.
 */
const LAYERS: readonly Layer[] = [
  handleRequestKey,
  handleRunningKey,
  handleSearchKey,
  handleCompletionKey,
  handleEditorKey,
];

/** Hands `press` to the first layer that claims it. */
export function routeKey(session: InteractiveSession, press: KeyPress): void {
  for (const layer of LAYERS) {
    if (layer(session, press)) return;
  }
}
