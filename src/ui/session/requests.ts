import { JafsError } from '../../core/errors.js';
import { EMPTY_EDITOR, type EditorState } from '../state/line-editor.js';
import type { InputRequest } from '../state/ui-state.js';
import type { InteractiveSession } from './session.js';

/** Raised into a waiting Read-Host or -Confirm when the user presses Ctrl+C. */
export class PromptCancelledError extends JafsError {
  constructor() {
    super('The prompt was cancelled with Ctrl+C.', {
      code: 'EPROMPT_CANCELLED',
      errorId: 'PromptCancelled',
      category: 'OperationStopped',
    });
  }
}

/** A choice label's hot key: the letter after `&`, else its first character. */
export function hotKey(label: string): string {
  const amp = label.indexOf('&');
  return (amp >= 0 ? label[amp + 1] : (label[0] ?? '')).toUpperCase();
}

/** A label as shown, without its `&` marker. */
export function plainLabel(label: string): string {
  return label.replace('&', '');
}

/** PowerShell's choice line: `[Y] Yes  [N] No  [?] Help (default is "Y"): `. */
export function choiceLine(choices: readonly { label: string }[], defaultIndex: number): string {
  const options = choices.map((choice) => `[${hotKey(choice.label)}] ${plainLabel(choice.label)}`);
  const fallback = choices[defaultIndex];
  const suffix = fallback ? ` (default is "${hotKey(fallback.label)}")` : '';
  return `${[...options, '[?] Help'].join('  ')}${suffix}: `;
}

/** The index an answer selects, `'help'` for `?`, or undefined when it matches nothing. */
export function pickChoice(
  answer: string,
  choices: readonly { label: string }[],
  defaultIndex: number,
): number | 'help' | undefined {
  const typed = answer.trim().toUpperCase();
  if (typed === '')
    return defaultIndex >= 0 && defaultIndex < choices.length ? defaultIndex : undefined;
  if (typed === '?') return 'help';

  const index = choices.findIndex(
    (choice) => hotKey(choice.label) === typed || plainLabel(choice.label).toUpperCase() === typed,
  );
  return index === -1 ? undefined : index;
}

interface Pending {
  resolve(value: string | number): void;
  reject(error: unknown): void;
}

/**
 * Questions asked by a running command (Read-Host, Get-Credential, -Confirm). One at a time:
 * the shell awaits each before it asks the next.
 */
export class RequestBroker {
  private pending: Pending | undefined;

  constructor(private readonly session: InteractiveSession) {}

  ask(request: InputRequest, signal?: AbortSignal): Promise<string | number> {
    this.cancel();

    return new Promise((resolve, reject) => {
      const onAbort = (): void => this.cancel();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending = {
        resolve: (value) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(value);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      this.session.update({ request });
    });
  }

  /** Replaces the answer being typed. */
  editAnswer(editor: EditorState): void {
    const request = this.session.getState().request;
    if (request) this.session.update({ request: { ...request, editor } });
  }

  /** Enter: resolves the question, or asks again (with help after `?`). */
  submit(): void {
    const request = this.session.getState().request;
    if (!request || !this.pending) return;

    const answer = request.editor.text;
    if (request.kind === 'line') {
      const shown = request.mask ? '*'.repeat([...answer].length) : answer;
      this.finish(request.prompt + shown, answer);
      return;
    }

    const picked = pickChoice(answer, request.choices, request.defaultIndex);
    if (picked === undefined || picked === 'help') {
      this.session.update({
        request: { ...request, editor: EMPTY_EDITOR, showHelp: picked === 'help' },
      });
      return;
    }

    const question = [
      request.caption,
      request.message,
      choiceLine(request.choices, request.defaultIndex),
    ];
    this.finish(question.filter(Boolean).join('\n') + answer, picked);
  }

  /** Ctrl+C or the command ending: the question goes away and its promise rejects. */
  cancel(): void {
    const pending = this.pending;
    this.pending = undefined;
    if (this.session.getState().request) this.session.update({ request: undefined });
    pending?.reject(new PromptCancelledError());
  }

  private finish(echo: string, value: string | number): void {
    const pending = this.pending;
    this.pending = undefined;
    this.session.append('echo', echo);
    this.session.update({ request: undefined });
    pending?.resolve(value);
  }
}
