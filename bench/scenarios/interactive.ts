import { execFile, spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { runsWithin } from '../budget.js';
import { CLI, record, type BenchContext } from '../context.js';

/** The shell's prompt, as PowerShell draws it: `PS /some/where>`. */
const PROMPT = /^PS .*>/m;
/** What the first command prints; the typed line itself shows it in quotes, so it cannot match. */
const ANSWER = /^bench-ready\s*$/m;
const TIMEOUT_MS = 60_000;

/**
 * The interactive shell's start-up as a user sees it, in a real terminal (a tmux pane, 120 × 40):
 * from starting `jafs` to its first prompt on the screen, and to the answer of a command typed as
 * soon as that prompt shows. The screen is read by polling `tmux capture-pane` (a few ms per
 * poll). One warm-up start first creates the JAFS_HOME, as in the Start-up scenario.
 */
export async function interactive(context: BenchContext): Promise<void> {
  if (spawnSync('tmux', ['-V']).status !== 0) {
    context.notes.push('Interactive start-up: not measured, tmux is not installed.');
    return;
  }
  const socket = join(context.workDir, 'tmux.sock');
  const home = join(context.workDir, 'jafs-home-interactive');
  await mkdir(home, { recursive: true });
  // A private tmux server, idle in its first window; every start gets a fresh window.
  await tmux(socket, ['new-session', '-d', '-s', 'bench', '-x', '120', '-y', '40', 'sleep 3600']);

  try {
    await startOnce(socket, home);
    for (const _run of runsWithin(context, context.sizes.interactiveRuns)) {
      const { prompt, answered } = await startOnce(socket, home);
      record(context, 'Start-up', 'jafs interactive: first prompt', { ms: prompt });
      record(context, 'Start-up', 'jafs interactive: first answer', { ms: answered });
    }
  } finally {
    await tmux(socket, ['kill-server']).catch(() => undefined);
  }
}

async function startOnce(socket: string, home: string) {
  const command = ['env', `JAFS_HOME=${home}`, process.execPath, CLI].map(shellQuote).join(' ');
  const started = performance.now();
  const pane = (
    await tmux(socket, ['new-window', '-d', '-P', '-F', '#{pane_id}', '-t', 'bench', command])
  ).trim();

  try {
    await waitForScreen(socket, pane, PROMPT);
    const prompt = performance.now() - started;
    await tmux(socket, ['send-keys', '-t', pane, '-l', "'bench' + '-ready'"]);
    await tmux(socket, ['send-keys', '-t', pane, 'Enter']);
    await waitForScreen(socket, pane, ANSWER);
    return { prompt, answered: performance.now() - started };
  } finally {
    await tmux(socket, ['kill-pane', '-t', pane]).catch(() => undefined);
  }
}

async function waitForScreen(socket: string, pane: string, pattern: RegExp): Promise<void> {
  const deadline = performance.now() + TIMEOUT_MS;
  let screen = '';
  while (performance.now() < deadline) {
    screen = await tmux(socket, ['capture-pane', '-p', '-t', pane]);
    if (pattern.test(screen)) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`jafs showed no ${pattern} within ${TIMEOUT_MS} ms; the screen:\n${screen}`);
}

function tmux(socket: string, args: string[]): Promise<string> {
  return new Promise((done, fail) =>
    execFile('tmux', ['-S', socket, ...args], (error, stdout) =>
      error ? fail(error) : done(stdout),
    ),
  );
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
