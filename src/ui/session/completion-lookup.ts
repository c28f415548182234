import type { Completion, Shell } from '../../shell/api.js';
import type { CompletionAction } from '../state/completion.js';
import type { UiState } from '../state/ui-state.js';

interface Store {
  getState(): UiState;
  getShell(): Shell | undefined;
  completion(action: CompletionAction): void;
}

/**
 * Asks the shell for completions without ever blocking the line: each lookup has an id and an
 * AbortController, and typing on aborts it (a late answer is then ignored by the reducer).
 */
export class CompletionLookup {
  private controller: AbortController | undefined;
  private lastId = 0;

  constructor(private readonly store: Store) {}

  start(menu: boolean, reverse: boolean): void {
    const shell = this.store.getShell();
    if (!shell) return;

    const id = ++this.lastId;
    const controller = new AbortController();
    this.controller = controller;
    const { text, cursor } = this.store.getState().editor;
    this.store.completion({ type: 'request', id, menu, reverse });

    let lookup: Promise<Completion>;
    try {
      lookup = shell.complete(text, cursor, controller.signal);
    } catch (error) {
      lookup = Promise.reject(error);
    }

    lookup.then(
      (completion) => {
        if (!controller.signal.aborted) this.store.completion({ type: 'resolve', id, completion });
      },
      () => {
        // A failed or aborted lookup offers nothing; the line stays as typed.
        const state = this.store.getState().completion;
        if (state.kind === 'loading' && state.id === id) this.store.completion({ type: 'reset' });
      },
    );
  }

  cancel(): void {
    this.controller?.abort();
    this.controller = undefined;
    this.store.completion({ type: 'reset' });
  }
}
