import type { KeyPress } from '../keys/decode.js';
import { IDLE } from '../state/completion.js';
import { EMPTY_EDITOR } from '../state/line-editor.js';
import type { InteractiveSession } from './session.js';

/** A thrown value as one line for the user. */
export function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs accepted lines: echo, history, the shell call with its AbortController, then the fresh
 * prompt and any keys typed meanwhile.
 */
export class CommandRunner {
  private controller: AbortController | undefined;
  /** Keys typed while a command runs, replayed when the prompt returns (as PSReadLine does). */
  private typeAhead: KeyPress[] = [];

  constructor(private readonly session: InteractiveSession) {}

  /** Keeps a key for when the prompt returns. */
  queue(press: KeyPress): void {
    this.typeAhead.push(press);
  }

  /** Enter: continue on a `>> ` line when the text is unfinished, else run it. */
  acceptOrContinue(): void {
    const { text } = this.session.getState().editor;
    if (this.isIncomplete(text)) {
      this.session.edit({ type: 'set', text: text + '\n' });
      return;
    }
    void this.accept();
  }

  /** Asks the shell; if it cannot tell, the text runs and the shell reports what is wrong. */
  private isIncomplete(text: string): boolean {
    try {
      return this.session.getShell()?.isIncomplete(text) ?? false;
    } catch {
      return false;
    }
  }

  /** Echoes the line, records it in history and runs it. */
  async accept(): Promise<void> {
    const session = this.session;
    const shell = session.getShell();
    const { text } = session.getState().editor;
    if (!shell) return;

    session.newSegment();
    session.echoCommand(text);
    session.addToHistory(text);
    session.memory.newLine();
    session.update({ editor: EMPTY_EDITOR, completion: IDLE, search: undefined, running: true });

    if (text.trim() === '') {
      await this.finish();
      return;
    }

    const controller = new AbortController();
    this.controller = controller;
    try {
      const result = await shell.run(text, { signal: controller.signal });
      if (result.exitCode !== undefined) {
        session.exit(result.exitCode);
        return;
      }
    } catch (error) {
      if (!controller.signal.aborted) session.append('error', describeFailure(error));
    } finally {
      this.controller = undefined;
      session.requests.cancel();
    }

    await this.finish();
  }

  /** Ctrl+C while a command runs: stop it; the prompt returns when it has unwound. */
  interrupt(): void {
    this.typeAhead = [];
    this.controller?.abort();
  }

  /** Shows the shell's prompt again and replays the keys typed while the command ran. */
  async finish(): Promise<void> {
    const session = this.session;
    let prompt = session.getState().prompt;
    try {
      prompt = (await session.getShell()?.prompt()) ?? prompt;
    } catch (error) {
      session.append('error', describeFailure(error));
    }

    session.update({ prompt, running: false, progress: [] });
    const queued = this.typeAhead;
    this.typeAhead = [];
    for (const press of queued) session.handleKey(press);
  }
}
