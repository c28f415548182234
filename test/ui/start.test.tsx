import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { Console } from 'node:console';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startInteractive } from '../../src/ui/index.js';
import { FakeStdin, FakeStdout } from './helpers/fake-terminal.js';
import { TestShell } from './helpers/test-shell.js';

let folder: string;

// Ink patches the console through `console.Console`, which vitest's console replacement lacks.
if (!('Console' in console)) Object.assign(console, { Console });

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'jafs-ui-start-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Starts the UI on fake streams; `keys` are typed once the shell's prompt has been asked for. */
async function start(historyFile: string, keys: string[]) {
  const stdin = new FakeStdin();
  const stdout = new FakeStdout();
  let shell: TestShell | undefined;

  const exit = startInteractive({
    createShell: (host) => (shell = new TestShell(host)),
    historyFile,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    banner: 'Local JFS server at http://127.0.0.1:1234',
  });

  // Not the prompt text: with CI set, Ink draws the live area only at the end.
  await vi.waitFor(() => expect(shell?.prompts).toBe(1));
  await new Promise((resolve) => setTimeout(resolve, 5));
  for (const key of keys) {
    stdin.type(key);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }

  return { code: await exit, stdout, shell: shell! };
}

describe('startInteractive', () => {
  it('prints the banner, runs lines, and resolves with 0 on Ctrl+D', async () => {
    const history = join(folder, 'history.txt');
    const { code, stdout, shell } = await start(history, ['hello', '\r', '\u0004']);

    expect(code).toBe(0);
    expect(shell.ran).toEqual(['hello']);
    expect(stdout.written).toContain('Local JFS server at http://127.0.0.1:1234');
    expect(stdout.written).toContain('echo: hello');
  });

  it('turns bracketed paste on for the session and off at the end', async () => {
    const { stdout } = await start(join(folder, 'history.txt'), ['\u0004']);
    const on = stdout.written.indexOf('\u001B[?2004h');
    const off = stdout.written.lastIndexOf('\u001B[?2004l');
    expect(on).toBeGreaterThanOrEqual(0);
    expect(off).toBeGreaterThan(on);
  });

  it('resolves with the code of exit, having saved the history first', async () => {
    const history = join(folder, 'history.txt');
    const { code } = await start(history, ['ls', '\r', 'exit 7', '\r']);
    expect(code).toBe(7);
    expect(await readFile(history, 'utf8')).toBe('ls\nexit 7\n');
  });

  it('loads the history file at start', async () => {
    const history = join(folder, 'history.txt');
    await writeFile(history, 'first\nsecond\n');
    const { shell } = await start(history, ['\u001B[A', '\u001B[A', '\r', '\u0004']);
    expect(shell.ran).toEqual(['first']);
  });

  it('warns about an unreadable history file and still starts', async () => {
    const { code, stdout } = await start(folder, ['\u0004']);
    expect(code).toBe(0);
    expect(stdout.written).toContain('WARNING: The history file could not be read');
  });
});
