import type { ProgressEvent } from '../../provider/types.js';
import type { Shell } from '../../shell/api.js';
import { decodeKey, splitTypedText, type KeyPress } from '../keys/decode.js';
import { completionReducer, IDLE, type CompletionAction } from '../state/completion.js';
import { historyReducer, EMPTY_HISTORY, type HistoryAction } from '../state/history.js';
import { editorReducer, EMPTY_EDITOR, type EditorAction } from '../state/line-editor.js';
import type { OutputKind, UiState } from '../state/ui-state.js';
import { routeKey } from './router.js';
import { CompletionLookup } from './completion-lookup.js';
import { HistorySaver } from './history-saver.js';
import { RequestBroker } from './requests.js';
import { Transcript } from './transcript.js';

/** What the session needs from around it; all optional so tests can leave them out. */
export interface SessionOptions {
  /** Entries loaded from the history file, oldest first. */
  history?: readonly string[];
  /** Persists the history after each accepted line (secret lines are filtered by the writer). */
  saveHistory?(entries: readonly string[]): Promise<void>;
  /** Called once when the user leaves, with the exit code. */
  onExit?(code: number): void;
  /** Clock for progress rates. @default Date.now */
  now?(): number;
}

const INITIAL: UiState = {
  prompt: '',
  editor: EMPTY_EDITOR,
  history: EMPTY_HISTORY,
  completion: IDLE,
  search: undefined,
  running: true,
  request: undefined,
  transcript: [],
  segment: 0,
  outputVersion: 0,
  progress: [],
  exitCode: undefined,
  screen: 0,
};

/**
 * The interactive session: one state snapshot (rendered by the Ink components), the key router,
 * and the glue to the Shell. It is plain TypeScript so every behaviour can be driven without a
 * terminal; the Ink host and the App are thin layers over it.
 */
export class InteractiveSession {
  private state: UiState;
  private readonly listeners = new Set<() => void>();
  private shell: Shell | undefined;
  private runController: AbortController | undefined;
  /** Keys typed while a command runs, replayed when the prompt returns (as PSReadLine does). */
  private typeAhead: KeyPress[] = [];
  /** Text between the bracketed-paste markers, while a paste arrives. */
  private pasting: string | undefined;
  readonly requests = new RequestBroker(this);
  private readonly transcript = new Transcript(this);
  private readonly lookup = new CompletionLookup(this);
  readonly now: () => number;
  private readonly historySaver: HistorySaver | undefined;

  constructor(private readonly options: SessionOptions = {}) {
    this.now = options.now ?? Date.now;
    const save = options.saveHistory;
    this.historySaver =
      save &&
      new HistorySaver(save, (error) => {
        const reason = describeFailure(error);
        this.append('warning', `WARNING: The history could not be saved: ${reason}`);
      });
    this.state = { ...INITIAL, history: historyReducer(EMPTY_HISTORY, load(options.history)) };
  }

  getState = (): UiState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(change: Partial<UiState> | ((state: UiState) => Partial<UiState>)): void {
    const patch = typeof change === 'function' ? change(this.state) : change;
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Connects the shell, shows its prompt, and replays anything typed meanwhile. */
  async attachShell(shell: Shell): Promise<void> {
    this.shell = shell;
    await this.finishCommand();
  }

  getShell(): Shell | undefined {
    return this.shell;
  }

  /** Takes one raw input event (an escape sequence, a key, or a run of typed text). */
  input = (sequence: string): void => {
    const press = decodeKey(sequence);

    if (press.name === 'paste-start') {
      this.pasting = '';
    } else if (press.name === 'paste-end') {
      const text = (this.pasting ?? '').replace(/\r\n?/g, '\n');
      this.pasting = undefined;
      this.handleKey({ name: 'paste', ctrl: false, meta: false, shift: false, text });
    } else if (this.pasting !== undefined) {
      this.pasting += sequence;
    } else if (press.name === 'text' && sequence.length > 1) {
      for (const part of splitTypedText(sequence)) this.handleKey(decodeKey(part));
    } else {
      this.handleKey(press);
    }
  };

  handleKey(press: KeyPress): void {
    if (this.state.exitCode !== undefined) return;
    routeKey(this, press);
  }

  /** Keeps a key for when the prompt returns. */
  queueTypeAhead(press: KeyPress): void {
    this.typeAhead.push(press);
  }

  edit(action: EditorAction): void {
    this.update((state) => ({ editor: editorReducer(state.editor, action) }));
  }

  history(action: HistoryAction): void {
    this.update((state) => ({ history: historyReducer(state.history, action) }));
  }

  completion(action: CompletionAction): void {
    this.update((state) => completionReducer(state, action));
  }

  /** Starts a completion lookup; typing on aborts it. */
  requestCompletion(menu: boolean, reverse: boolean): void {
    this.lookup.start(menu, reverse);
  }

  cancelCompletion(): void {
    this.lookup.cancel();
  }

  /** Prints finished output above the live area (see Transcript). */
  append(kind: OutputKind, text: string): void {
    this.transcript.append(kind, text);
  }

  newSegment(): void {
    this.transcript.newSegment();
  }

  setProgress(id: number, event: ProgressEvent | undefined): void {
    const now = this.now();
    this.update((state) => {
      const others = state.progress.filter((view) => view.id !== id);
      if (!event || event.completed) return { progress: others };

      const startedAt = state.progress.find((view) => view.id === id)?.startedAt ?? now;
      return { progress: [...others, { id, event, startedAt, updatedAt: now }] };
    });
  }

  /** Enter: continue on a `>> ` line when the text is unfinished, else run it. */
  acceptOrContinue(): void {
    const { text } = this.state.editor;
    if (this.shell?.isIncomplete(text)) {
      this.edit({ type: 'set', text: text + '\n' });
      return;
    }
    void this.accept();
  }

  /** Echoes the line, records it in history and runs it. */
  async accept(): Promise<void> {
    const shell = this.shell;
    const { text } = this.state.editor;
    if (!shell) return;

    this.newSegment();
    this.append('echo', this.echo(text));
    this.history({ type: 'add', line: text });
    this.persistHistory(text);
    this.update({ editor: EMPTY_EDITOR, completion: IDLE, search: undefined, running: true });

    if (text.trim() === '') {
      await this.finishCommand();
      return;
    }

    const controller = new AbortController();
    this.runController = controller;
    try {
      const result = await shell.run(text, { signal: controller.signal });
      if (result.exitCode !== undefined) {
        this.exit(result.exitCode);
        return;
      }
    } catch (error) {
      if (!controller.signal.aborted) this.append('error', describeFailure(error));
    } finally {
      this.runController = undefined;
      this.requests.cancel();
    }

    await this.finishCommand();
  }

  /** Ctrl+C while a command runs: stop it; the prompt returns when it has unwound. */
  interrupt(): void {
    this.typeAhead = [];
    this.runController?.abort();
  }

  /** Ctrl+C at the prompt: leave the line visible and start a fresh one. */
  cancelLine(): void {
    this.newSegment();
    this.append('echo', this.echo(this.state.editor.text));
    this.update({ editor: EMPTY_EDITOR, completion: IDLE, search: undefined });
    this.history({ type: 'rewind' });
  }

  /** Ctrl+L: the App clears the terminal when `screen` changes. */
  clearScreen(): void {
    this.newSegment();
    this.update((state) => ({ screen: state.screen + 1 }));
  }

  exit(code: number): void {
    if (this.state.exitCode !== undefined) return;
    this.runController?.abort();
    this.update({ exitCode: code, running: false });
    this.options.onExit?.(code);
  }

  /** The prompt and the text as they looked, continuation lines prefixed with `>> `. */
  echo(text: string): string {
    return this.state.prompt + text.split('\n').join('\n>> ');
  }

  private persistHistory(line: string): void {
    if (line.trim() !== '') this.historySaver?.request(this.state.history.entries);
  }

  /** Resolves once the history file holds every accepted line. */
  flushHistory(): Promise<void> {
    return this.historySaver?.flush() ?? Promise.resolve();
  }

  private async finishCommand(): Promise<void> {
    let prompt = this.state.prompt;
    try {
      prompt = (await this.shell?.prompt()) ?? prompt;
    } catch (error) {
      this.append('error', describeFailure(error));
    }

    this.update({ prompt, running: false, progress: [] });
    const queued = this.typeAhead;
    this.typeAhead = [];
    for (const press of queued) this.handleKey(press);
  }
}

function load(entries: readonly string[] | undefined): HistoryAction {
  return { type: 'load', entries: entries ?? [] };
}

function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
