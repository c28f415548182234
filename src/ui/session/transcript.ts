import type { OutputEntry, OutputKind, UiState } from '../state/ui-state.js';

/** Ink lays out one long text slower than several short ones; joins stop at this many writes. */
const JOIN_LIMIT = 25;

interface Store {
  getState(): UiState;
  update(change: (state: UiState) => Partial<UiState>): void;
}

/**
 * The output printed above the live area. Appends are drawn together on the next turn of the
 * event loop, and output not drawn yet joins the entry before it: a command printing thousands
 * of lines must not cost a render (or an Ink node) per line. 20 000 lines draw in about a second.
 */
export class Transcript {
  private pending = false;
  /** The last entry has not been drawn yet, so more output may join it. */
  private open = false;
  private joined = 0;
  private nextId = 0;

  constructor(private readonly store: Store) {}

  append(kind: OutputKind, text: string, prompt?: string): void {
    const transcript = this.store.getState().transcript as OutputEntry[];
    const line = text.replace(/\r?\n$/, '');
    const last = transcript.at(-1);

    if (this.open && last?.kind === kind && kind !== 'command' && this.joined < JOIN_LIMIT) {
      this.joined++;
      transcript[transcript.length - 1] = { ...last, text: `${last.text}\n${line}` };
    } else {
      transcript.push({ id: this.nextId++, kind, text: line, prompt });
      this.joined = 0;
    }
    this.open = true;

    if (this.pending) return;
    this.pending = true;
    setImmediate(() => this.flush());
  }

  /** Any render may draw the entries there are: later output must start a new entry. */
  seal(): void {
    this.open = false;
  }

  /** Draws appended output now. */
  flush(): void {
    if (!this.pending) return;
    this.pending = false;
    this.store.update((state) => ({ outputVersion: state.outputVersion + 1 }));
  }

  /** Starts a new, empty transcript (earlier output is on the terminal already). */
  newSegment(): void {
    this.flush();
    this.store.update((state) => ({ transcript: [], segment: state.segment + 1 }));
  }
}
