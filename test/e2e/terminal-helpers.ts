import { execFile, spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** How often a wait re-reads the pane; short enough that steps follow each other quickly. */
const POLL_MS = 150;

/** Whether a tmux binary is on PATH (the real-terminal tests skip without one). */
export function tmuxAvailable(): boolean {
  return spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
}

/**
 * The environment the shell under test sees: ours without the variables that make Ink believe it
 * runs in CI (Ink then draws only the final frame, which no user ever sees at a terminal).
 */
export function interactiveEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === 'CI' || key === 'CONTINUOUS_INTEGRATION' || key.startsWith('CI_')) continue;
    env[key] = value;
  }
  // tmux runs the window's command with $SHELL -c; the command is written for a POSIX sh.
  return { ...env, TERM: 'xterm-256color', SHELL: '/bin/sh', ...extra };
}

/** `text` as one word for `sh -c`, whatever it contains. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** The pane's text with trailing blank lines dropped and each line's right end trimmed. */
export function paneLines(text: string): string[] {
  const lines = text.split('\n').map((line) => line.trimEnd());
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines;
}

/** The last line of the pane that has any text on it. */
export function lastLine(text: string): string {
  return paneLines(text).at(-1) ?? '';
}

/**
 * One tmux server on a private socket with one fixed-size window, driven as a user would: keys
 * in, screen text out. The server is separate from any tmux the developer runs.
 */
export class TmuxTerminal {
  private readonly socket: string;
  private socketPath: string | undefined;

  constructor(name: string) {
    this.socket = `jafs-e2e-${name}-${process.pid}`;
  }

  /** Opens the window running `command` (through `sh -c`) in `cwd` with exactly `env`. */
  async start(options: {
    command: string;
    cwd: string;
    env: NodeJS.ProcessEnv;
    columns: number;
    rows: number;
  }): Promise<void> {
    // The tmux server inherits the environment of the client that starts it, so the clean
    // environment goes to this first tmux call.
    await run(
      'tmux',
      [
        '-L',
        this.socket,
        '-f',
        '/dev/null',
        'new-session',
        '-d',
        '-x',
        String(options.columns),
        '-y',
        String(options.rows),
        '-c',
        options.cwd,
        options.command,
      ],
      { env: options.env },
    );
    const { stdout } = await this.tmux('display-message', '-p', '#{socket_path}');
    this.socketPath = stdout.trim();
  }

  /** The screen and up to 500 lines of scrollback, wrapped lines joined. */
  async capture(): Promise<string> {
    const { stdout } = await this.tmux('capture-pane', '-p', '-J', '-S', '-500');
    return stdout;
  }

  /** Types `text` literally (no key names, no shell interpretation). */
  async type(text: string): Promise<void> {
    await this.tmux('send-keys', '-l', text);
  }

  /** Presses named keys (`Enter`, `Tab`, `Up`, `C-c`, `Escape`, …). */
  async press(...keys: string[]): Promise<void> {
    await this.tmux('send-keys', ...keys);
  }

  /**
   * Re-reads the pane until `accept` holds and returns that pane text; on timeout fails with
   * `what` and the last screen, so a CI log shows what the user would have seen.
   */
  async waitFor(what: string, accept: (pane: string) => boolean, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    let pane = '';
    while (Date.now() < deadline) {
      pane = await this.capture();
      if (accept(pane)) return pane;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new Error(
      `timed out after ${timeoutMs} ms waiting for ${what}; the pane shows:\n${pane}`,
    );
  }

  /** Stops the private tmux server and everything in it; a server already gone is fine. */
  async kill(): Promise<void> {
    await this.tmux('kill-server').catch(() => undefined);

    // tmux leaves the socket file of a killed server behind.
    if (this.socketPath) await rm(this.socketPath, { force: true });
  }

  private tmux(...args: string[]) {
    return run('tmux', ['-L', this.socket, ...args]);
  }
}
