import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isatty } from 'node:tty';
import { JafsError } from '../core/errors.js';
import { useBaselineWasmCompiler } from '../jfs/wasm-compiler.js';
import { parseArguments, UsageError, USAGE, type Invocation } from './arguments.js';
import { prepareHome } from './home.js';
import { login, logout } from './login.js';
import { createPlainHost } from './plain-host.js';
import { openWorkspace, type Workspace } from './workspace.js';

/** The `jafs` command. Resolves with the process exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  // Before the first request: keeps undici's HTTP parser off V8's optimizing compiler (~35 MB).
  useBaselineWasmCompiler();
  let invocation: Invocation;
  try {
    // isatty, not process.stdin.isTTY: a -c run never reads standard input, so need not open it.
    invocation = parseArguments(argv, isatty(0));
  } catch (error) {
    process.stderr.write(`jafs: ${(error as Error).message}\n`);
    return 2;
  }

  switch (invocation.mode) {
    case 'help':
      process.stdout.write(USAGE);
      return 0;
    case 'version':
      process.stdout.write(`${await version()}\n`);
      return 0;
    case 'serve': {
      // The server's modules (and SQLite) are loaded only by the commands that run it.
      const { serve } = await import('./serve.js');
      return serve(invocation.args);
    }
    case 'login':
    case 'logout':
      return account(invocation.mode, invocation.args);
    case 'interactive':
      return interactive();
    default:
      return runPlain(invocation);
  }
}

/** `jafs login` / `jafs logout`: a usage mistake exits 2, a refused login 1. */
async function account(mode: 'login' | 'logout', args: readonly string[]): Promise<number> {
  try {
    return mode === 'login' ? await login(args) : await logout(args);
  } catch (error) {
    process.stderr.write(`jafs ${mode}: ${(error as Error).message}\n`);
    const usage = error instanceof JafsError && error.category === 'InvalidArgument';
    return error instanceof UsageError || usage ? 2 : 1;
  }
}

/** Problems met while opening the workspace (a stored login that no longer works). */
function reportStartup(workspace: Workspace): void {
  for (const notice of workspace.notices) process.stderr.write(`jafs: ${notice}\n`);
}

/** -c, a script file, or standard input: plain text out, no Ink. */
async function runPlain(
  invocation: Extract<Invocation, { mode: 'command' | 'file' | 'stdin' }>,
): Promise<number> {
  let text: string;
  let file: string | undefined;
  let args: readonly string[] = [];

  if (invocation.mode === 'command') {
    text = invocation.text;
  } else if (invocation.mode === 'file') {
    file = resolve(invocation.file);
    args = invocation.args;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
      process.stderr.write(`jafs: The script file '${invocation.file}' ${reason}.\n`);
      return 1;
    }
  } else {
    text = await readStdin();
  }

  const paths = await prepareHome();
  const workspace = await openWorkspace(paths);
  reportStartup(workspace);
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.on('SIGINT', onSigint);

  try {
    const shell = await workspace.startShell(createPlainHost(), { interactive: false });
    const result = await shell.run(text, { signal: controller.signal, file, args });
    if (result.exitCode !== undefined) return result.exitCode;
    // As pwsh: -Command (and standard input) exits with the last statement's $?, a script
    // file with 1 only when an error stopped it (not after a failure it went on from).
    if (invocation.mode === 'file') return result.failed && result.lastStatus === false ? 1 : 0;
    return (result.lastStatus ?? !result.failed) ? 0 : 1;
  } finally {
    process.off('SIGINT', onSigint);
    await workspace.close();
  }
}

async function interactive(): Promise<number> {
  const paths = await prepareHome();
  const { startInteractive } = await importUi();
  let workspace: Workspace | undefined;

  try {
    // The UI comes up first and the workspace (with the embedded server) opens behind it, so
    // keys typed meanwhile reach the line editor instead of the terminal's own echo.
    return await startInteractive({
      createShell: async (host) => {
        workspace = await openWorkspace(paths);
        for (const notice of workspace.notices) host.writeWarning(notice);
        return workspace.startShell(host, { interactive: true });
      },
      historyFile: paths.history,
    });
  } finally {
    await workspace?.close();
  }
}

/**
 * Loads Ink and the UI only for the interactive shell, so that -c and scripts start without
 * them. Ink decides once, when it loads, whether it runs under CI (and then draws only the last
 * frame); a CI variable in a user's own terminal must not make the shell unusable. React picks
 * its build when it loads too: without NODE_ENV it is the development build (checks and
 * warnings no user sees, twice the code to compile before the first prompt).
 */
async function importUi(): Promise<typeof import('../ui/index.js')> {
  const names = ['CI', 'CONTINUOUS_INTEGRATION', 'NODE_ENV'];
  const saved = names.map((name) => [name, process.env[name]] as const);
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  process.env.NODE_ENV ??= 'production';
  try {
    return await import('../ui/index.js');
  } finally {
    // Commands the shell runs see the environment the user started jafs with.
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function version(): Promise<string> {
  const url = new URL('../../../package.json', import.meta.url);
  const manifest = JSON.parse(await readFile(url, 'utf8')) as { version: string };
  return `jafs ${manifest.version}`;
}
