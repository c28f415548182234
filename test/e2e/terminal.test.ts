import { randomFillSync } from 'node:crypto';
import { mkdtemp, open, readdir, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JAFS_BIN } from './helpers.js';
import {
  interactiveEnv,
  lastLine,
  paneLines,
  shellQuote,
  TmuxTerminal,
  tmuxAvailable,
} from './terminal-helpers.js';

// The interactive shell as a user meets it: a real terminal (tmux), real keys, the real CLI with
// its in-process JFS server. Ink renders differently when it believes it runs in CI, so the shell
// is started without CI variables (and the first pane line proves it).

const HAVE_TMUX = tmuxAvailable();
if (!HAVE_TMUX) console.warn('terminal e2e skipped: tmux is not installed (CI installs it)');

const JOTTA_PROMPT = 'PS JAFS:\\Jotta>';
const BIG_TARGET = 'JAFS:\\Jotta\\Archive\\big.bin';
const EARLY_TARGET = 'JAFS:\\Jotta\\Archive\\early.bin';
// Big enough that the upload over loopback runs for seconds, so Ctrl+C lands mid-transfer.
const BIG_FILE_MIB = 300;
/** A progress line of the send phase with some bytes sent (not the local MD5 pass). */
const SENDING = /Archive\/big\.bin .*\b[1-9]\d*%/;

const terminal = new TmuxTerminal('terminal');
let home: string;
let work: string;
let bigFile: string;

/** Writes `mib` MiB of random bytes (random, so no layer can dedupe or compress it away). */
async function writeRandomFile(path: string, mib: number): Promise<void> {
  const chunk = Buffer.alloc(1024 * 1024);
  const file = await open(path, 'w');
  try {
    for (let written = 0; written < mib; written++) {
      await file.write(randomFillSync(chunk));
    }
  } finally {
    await file.close();
  }
}

/** The pane text after the last line that starts with `echoed` (a typed command line). */
function outputAfter(pane: string, echoed: string): string[] | undefined {
  const lines = paneLines(pane);
  const at = lines.findLastIndex((line) => line.startsWith(echoed));
  return at === -1 ? undefined : lines.slice(at + 1);
}

/** Whether `echoed` ran and the bare prompt came back after its output. */
function finished(pane: string, echoed: string, prompt = JOTTA_PROMPT): boolean {
  const after = outputAfter(pane, echoed);
  return after !== undefined && after.length > 0 && after.at(-1) === prompt;
}

/**
 * Starts `Copy-Item <big file> <target>`, presses Ctrl+C once a progress line passes `running`,
 * and expects the prompt back with the cancellation reported.
 */
async function copyThenCancel(
  target: string,
  what: string,
  running: (line: string) => boolean,
): Promise<void> {
  const copy = `${JOTTA_PROMPT} Copy-Item ${bigFile} ${target}`;
  await terminal.type(`Copy-Item ${bigFile} ${target}`);
  await terminal.press('Enter');
  await terminal.waitFor(what, (text) => (outputAfter(text, copy) ?? []).some(running), 30_000);

  await terminal.press('C-c');
  const pane = await terminal.waitFor('the prompt after Ctrl+C', (text) => finished(text, copy));

  const output = outputAfter(pane, copy)?.join('\n') ?? '';
  expect(output, 'Copy-Item should report the cancellation').toMatch(/cancel/i);
}

/** Runs `Test-Path <target>` at the prompt and returns its answer line. */
async function testPath(target: string): Promise<string | undefined> {
  const echoed = `${JOTTA_PROMPT} Test-Path ${target}`;
  await terminal.type(`Test-Path ${target}`);
  await terminal.press('Enter');
  const pane = await terminal.waitFor(`Test-Path ${target}`, (text) => finished(text, echoed));

  return outputAfter(pane, echoed)?.[0];
}

describe.skipIf(!HAVE_TMUX)('the interactive shell in a real terminal', () => {
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'jafs-term-home-'));
    work = await realpath(await mkdtemp(join(tmpdir(), 'jafs-term-work-')));
    bigFile = join(work, 'big.bin');
    await writeRandomFile(bigFile, BIG_FILE_MIB);
  }, 60_000);

  afterAll(async () => {
    await terminal.kill();
    await rm(home, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  });

  it('opens at a PowerShell prompt in the working folder, outside CI mode', async () => {
    const script = [
      `printf 'env-CI:%s/%s\\n' "\${CI-unset}" "\${CONTINUOUS_INTEGRATION-unset}"`,
      `${shellQuote(process.execPath)} ${shellQuote(JAFS_BIN)}`,
      'echo "EXIT:$?"',
      // Keeps the window (and so the pane text) after the shell exits; afterAll ends it.
      'sleep 300',
    ].join('; ');
    const command = [
      'env -u CI -u CONTINUOUS_INTEGRATION TERM=xterm-256color NO_COLOR=1',
      `JAFS_HOME=${shellQuote(home)} sh -c ${shellQuote(script)}`,
    ].join(' ');
    const env = interactiveEnv({ JAFS_HOME: home, NO_COLOR: '1' });
    const started = Date.now();

    // Wide enough that a Copy-Item line with a long $TMPDIR path (macOS) is not wrapped by Ink.
    await terminal.start({ command, cwd: work, env, columns: 160, rows: 40 });
    const pane = await terminal.waitFor(
      'the first prompt',
      (text) => lastLine(text) === `PS ${work}>`,
      60_000,
    );

    console.log(`terminal e2e: first prompt after ${Date.now() - started} ms`);
    expect(paneLines(pane)[0]).toBe('env-CI:unset/unset');
  }, 70_000);

  it('completes a drive path with Tab and changes into it', async () => {
    await terminal.type('cd JAFS:\\Jo');
    await terminal.press('Tab');
    await terminal.waitFor(
      'Tab to complete JAFS:\\Jotta\\',
      (text) => lastLine(text) === `PS ${work}> cd JAFS:\\Jotta\\`,
    );

    await terminal.press('Enter');
    await terminal.waitFor('the JAFS:\\Jotta prompt', (text) => lastLine(text) === JOTTA_PROMPT);
  });

  it('lists the Archive and Sync folders', async () => {
    await terminal.type('ls');
    await terminal.press('Enter');
    const pane = await terminal.waitFor('ls to finish', (text) =>
      finished(text, `${JOTTA_PROMPT} ls`),
    );

    const listing = outputAfter(pane, `${JOTTA_PROMPT} ls`)?.join('\n') ?? '';
    expect(listing).toMatch(/ Archive$/m);
    expect(listing).toMatch(/ Sync$/m);
  });

  it('cancels Copy-Item with Ctrl+C while it reads the file for its MD5', async () => {
    // The first bar names the local file: Copy-Item is still hashing, nothing sent yet.
    const reading = (line: string) => line.includes(`${bigFile} [`) && /\d+%/.test(line);
    await copyThenCancel(EARLY_TARGET, 'the local MD5 pass', reading);

    expect(await testPath(EARLY_TARGET)).toBe('False');
  }, 60_000);

  it('cancels a large upload with Ctrl+C, keeps the shell and leaves no partial file', async () => {
    // After the MD5 pass a second bar names /Jotta/Archive/big.bin: bytes go to the server.
    const sending = (line: string) => SENDING.test(line);
    await copyThenCancel(BIG_TARGET, 'upload progress past 0%', sending);

    const answer = await testPath(BIG_TARGET);
    if (answer === 'True') {
      throw new Error(
        `big.bin exists after Ctrl+C: either the ${BIG_FILE_MIB} MiB upload finished before ` +
          'the key landed (make the file bigger) or cancelling kept a partial file',
      );
    }
    expect(answer).toBe('False');
    expect(await readdir(work)).toEqual(['big.bin']);
  }, 60_000);

  it('recalls the last command with Up and clears it with Escape', async () => {
    const recalled = `${JOTTA_PROMPT} Test-Path ${BIG_TARGET}`;
    await terminal.press('Up');
    await terminal.waitFor('Up to recall Test-Path', (text) => lastLine(text) === recalled);

    await terminal.press('Escape');
    await terminal.waitFor('Escape to clear the line', (text) => lastLine(text) === JOTTA_PROMPT);
  });

  it('exits with status 0 on Ctrl+D at an empty line', async () => {
    await terminal.press('C-d');
    const pane = await terminal.waitFor('the exit status', (text) => /^EXIT:\d+$/m.test(text));

    expect(pane).toMatch(/^EXIT:0$/m);
  });

  it('kept no bytes of the cancelled upload in the server store', async () => {
    // The in-process server keeps an unfinished upload's bytes in server/partial (resumable, as
    // JFS allows); after a cancelled Copy-Item and a clean exit none may be left behind.
    const partial = join(home, 'server', 'partial');
    const left = await readdir(partial).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });

    expect(left).toEqual([]);
  });
});
