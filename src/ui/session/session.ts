import type { ProgressEvent } from '../../provider/types.js';
import type { Shell } from '../../shell/api.js';
import { commandFor } from '../keys/bindings.js';
import { decodeKey, splitTypedText, type KeyPress } from '../keys/decode.js';
import { completionReducer, IDLE, type CompletionAction } from '../state/completion.js';
import { historyReducer, EMPTY_HISTORY, type HistoryAction } from '../state/history.js';
import { editorReducer, EMPTY_EDITOR, type EditorAction } from '../state/line-editor.js';
import type { OutputKind, UiState } from '../state/ui-state.js';
import { routeKey } from './router.js';
import { CompletionLookup } from './completion-lookup.js';
import { CommandRunner, describeFailure } from './command-runner.js';
import { EditMemory } from './edit-memory.js';
import { HistorySaver } from './history-saver.js';
import { RequestBroker } from './requests.js';
import { Transcript } from './transcript.js';

/** What the session needs from around it; all optional so tests can leave them out. */
export interface SessionOptions {
  /** Entries loaded from the history file, oldest first. */
  history?: readonly string[];
  /**
   * Adds newly accepted lines to the history file (the writer drops secret-looking ones). Called
   * once per line, or with several when lines were accepted during a slow write.
   */
  appendHistory?(lines: readonly string[]): Promise<void>;
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
  /** Text between the bracketed-paste markers, while a paste arrives. */
  private pasting: string | undefined;
  readonly requests = new RequestBroker(this);
  readonly runner = new CommandRunner(this);
  readonly memory = new EditMemory();
  private readonly transcript = new Transcript(this);
  private readonly lookup = new CompletionLookup(this);
  readonly now: () => number;
  private readonly historySaver: HistorySaver | undefined;

  constructor(private readonly options: SessionOptions = {}) {
    this.now = options.now ?? Date.now;
    const save = options.appendHistory;
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
    this.transcript.seal();
    for (const listener of this.listeners) listener();
  }

  /** Connects the shell, shows its prompt, and replays anything typed meanwhile. */
  async attachShell(shell: Shell): Promise<void> {
    this.shell = shell;
    await this.runner.finish();
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
    } else if (press.meta && press.ctrl && !commandFor(press)) {
      // Escape and a control key arriving together (a fast typist, or a script) are two keys,
      // not an Alt+Ctrl chord: no Alt+Ctrl chord is bound.
      this.handleKey({ ...press, name: 'escape', ctrl: false, meta: false });
      this.handleKey({ ...press, meta: false });
    } else if (press.name === 'text' && sequence.length > 1) {
      for (const part of splitTypedText(sequence)) this.handleKey(decodeKey(part));
    } else {
      this.handleKey(press);
    }
  };

  handleKey(press: KeyPress): void {
    if (this.state.exitCode !== undefined) return;

    try {
      routeKey(this, press);
    } catch (error) {
      // A fault behind one key (a shell call that threw) must not take the whole session down.
      this.append('error', describeFailure(error));
    }
  }

  edit(action: EditorAction): void {
    const before = this.state.editor;
    const after = editorReducer(before, action);
    this.memory.record(before, after, action);
    this.update({ editor: after });
  }

  /** Ctrl+Y: inserts the last killed text. */
  yank(): void {
    const text = this.memory.yankText();
    if (text) this.edit({ type: 'insert', text });
  }

  /** Ctrl+_ / Ctrl+Z: back to the line before the last edit. */
  undo(): void {
    const previous = this.memory.undo();
    if (previous) this.update({ editor: previous });
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

  /** Prints an accepted (or cancelled) line after the prompt it was typed at. */
  echoCommand(text: string): void {
    this.transcript.append('command', text, this.state.prompt);
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

  /** Ctrl+C at the prompt: leave the line visible and start a fresh one. */
  cancelLine(): void {
    this.newSegment();
    this.echoCommand(this.state.editor.text);
    this.memory.newLine();
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
    this.runner.interrupt();
    this.update({ exitCode: code, running: false });
    this.options.onExit?.(code);
  }

  /** Records an accepted line and saves the history file. */
  addToHistory(line: string): void {
    this.history({ type: 'add', line });
    if (line.trim() !== '') this.historySaver?.request(line);
  }

  /** Resolves once the history file holds every accepted line. */
  flushHistory(): Promise<void> {
    return this.historySaver?.flush() ?? Promise.resolve();
  }
}

function load(entries: readonly string[] | undefined): HistoryAction {
  return { type: 'load', entries: entries ?? [] };
}
