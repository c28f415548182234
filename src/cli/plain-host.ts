import type { Host } from '../shell/api.js';
import { JafsError } from '../core/errors.js';

/** Raised when a non-interactive run would have to ask the user something. */
export class NonInteractiveError extends JafsError {
  constructor(what: string) {
    super(
      `${what} requires user input, but jafs is running non-interactively (-c, a script file or ` +
        'piped input). Pass the value as a parameter instead.',
      { code: 'ENONINTERACTIVE', errorId: 'NonInteractivePrompt', category: 'InvalidOperation' },
    );
  }
}

/**
 * The host of `jafs -c`, `jafs script.ps1` and piped input: output to stdout, errors to stderr,
 * no Ink, no progress, and prompts that fail at once instead of waiting.
 */
export function createPlainHost(
  stdout: NodeJS.WritableStream = process.stdout,
  stderr: NodeJS.WritableStream = process.stderr,
): Host {
  const columns = (stdout as NodeJS.WriteStream).columns;
  const tty = (stdout as NodeJS.WriteStream).isTTY === true;

  return {
    interactive: false,
    width: tty && columns ? columns : 120,
    color: tty && !process.env.NO_COLOR,
    write: (text) => void stdout.write(text),
    writeError: (text) => void stderr.write(text),
    writeWarning: (text) => void stderr.write(`WARNING: ${text}${text.endsWith('\n') ? '' : '\n'}`),
    writeVerbose: (text) => void stderr.write(`VERBOSE: ${text}${text.endsWith('\n') ? '' : '\n'}`),
    progress: () => undefined,
    readLine: (prompt) => Promise.reject(new NonInteractiveError(`The prompt '${prompt.trim()}'`)),
    choose: (caption) => Promise.reject(new NonInteractiveError(`The confirmation '${caption}'`)),
  };
}
