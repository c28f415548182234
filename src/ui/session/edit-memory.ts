import type { EditorAction, EditorState } from '../state/line-editor.js';

const KILLS = new Set<EditorAction['type']>([
  'kill-line',
  'backward-kill-line',
  'backward-kill-word',
  'kill-word',
]);

/** Undo steps kept per line; older ones are dropped. */
const UNDO_LIMIT = 200;

/**
 * What the editor remembers besides the line: the last killed text (Ctrl+K/U/W, Alt+D) for
 * Ctrl+Y, and the earlier states of the line for Undo. A run of typed characters is one undo
 * step, as in PSReadLine.
 */
export class EditMemory {
  private clipboard = '';
  private undoStack: EditorState[] = [];
  private typing = false;

  /** Notes an edit that turned `before` into `after`. */
  record(before: EditorState, after: EditorState, action: EditorAction): void {
    if (before.text === after.text) {
      this.typing = false;
      return;
    }

    if (KILLS.has(action.type)) {
      this.clipboard = before.text.slice(
        after.cursor,
        after.cursor + before.text.length - after.text.length,
      );
    }

    const typed = action.type === 'insert' && !/\s/.test(action.text) && action.text.length === 1;
    if (!(typed && this.typing)) this.undoStack.push(before);
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
    this.typing = typed;
  }

  /** The text Ctrl+Y puts back. */
  yankText(): string {
    return this.clipboard;
  }

  /** The line before the last edit, or undefined when there is nothing to undo. */
  undo(): EditorState | undefined {
    this.typing = false;
    return this.undoStack.pop();
  }

  /** A new line starts: its undo steps start empty (the clipboard stays). */
  newLine(): void {
    this.undoStack = [];
    this.typing = false;
  }
}
