import { render } from 'ink';
import type { Host, Shell } from '../shell/api.js';
import { App } from './components/App.js';
import { colorEnabled, createInkHost } from './ink-host.js';
import { InteractiveSession } from './session/session.js';
import { appendHistory, loadHistory } from './state/history-file.js';

/** Options of startInteractive. */
export interface StartInteractiveOptions {
  /** Builds the shell around the UI's host (the CLI creates the engine and the cmdlets). */
  createShell(host: Host): Shell | Promise<Shell>;
  /** History file in JAFS_HOME; loaded at start, rewritten after each command. */
  historyFile: string;
  /** @default process.stdin */
  stdin?: NodeJS.ReadStream;
  /** @default process.stdout */
  stdout?: NodeJS.WriteStream;
  /** Printed once at the start, e.g. the embedded server's URL. */
  banner?: string;
}

const BRACKETED_PASTE_ON = '\u001B[?2004h';
const BRACKETED_PASTE_OFF = '\u001B[?2004l';

/**
 * Runs the interactive shell until the user leaves (`exit`, Ctrl+D on an empty line) and
 * resolves with the exit code. Ctrl+C never exits: it cancels the line or the running command.
 */
export async function startInteractive(options: StartInteractiveOptions): Promise<number> {
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  const color = colorEnabled(process.env, stdout);

  let history: string[] = [];
  let historyProblem: string | undefined;
  try {
    history = await loadHistory(options.historyFile);
  } catch (error) {
    historyProblem = error instanceof Error ? error.message : String(error);
  }

  let exited: (code: number) => void = () => {};
  const exitCode = new Promise<number>((resolve) => (exited = resolve));
  const session = new InteractiveSession({
    history,
    appendHistory: (lines) => appendHistory(options.historyFile, lines),
    onExit: (code) => exited(code),
  });

  if (options.banner) session.append('info', options.banner);
  if (historyProblem) {
    session.append('warning', `WARNING: The history file could not be read: ${historyProblem}`);
  }

  const pasteMarkers = stdout.isTTY === true;
  if (pasteMarkers) stdout.write(BRACKETED_PASTE_ON);
  const instance = render(<App session={session} color={color} />, {
    stdin,
    stdout,
    exitOnCtrlC: false,
    // On terminals that speak the kitty keyboard protocol, Shift+Enter and Ctrl+Space become
    // distinguishable from Enter and Ctrl+@; the decoder reads those CSI-u sequences.
    kittyKeyboard: { mode: 'auto' },
  });

  try {
    const shell = await options.createShell(createInkHost(session, { stdout, color }));
    await session.attachShell(shell);
    return await exitCode;
  } finally {
    await session.flushHistory();
    instance.unmount();
    if (pasteMarkers) stdout.write(BRACKETED_PASTE_OFF);
  }
}
