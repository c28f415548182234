import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlainHost } from '../../src/cli/plain-host.js';
import { prepareHome, type HomePaths } from '../../src/cli/home.js';
import { openWorkspace, type Workspace } from '../../src/cli/workspace.js';
import type { Shell } from '../../src/shell/api.js';
import { startServer } from '../../src/server/index.js';
import { tempHome } from './helpers.js';

/** A shell on a fresh workspace whose output and errors are collected as text. */
async function shellOn(workspace: Workspace) {
  const out = new PassThrough().setEncoding('utf8');
  const err = new PassThrough().setEncoding('utf8');
  let stdout = '';
  let stderr = '';
  out.on('data', (chunk: string) => (stdout += chunk));
  err.on('data', (chunk: string) => (stderr += chunk));
  const shell = await workspace.startShell(createPlainHost(out, err), { interactive: false });
  const run = async (text: string) => {
    stdout = '';
    stderr = '';
    const result = await shell.run(text, {});
    return { failed: result.failed, stdout, stderr };
  };
  return { shell, run };
}

const completionTexts = async (shell: Shell, line: string) =>
  (await shell.complete(line, line.length)).matches.map((match) => match.text);

describe('the embedded server starts on first use of JAFS:', () => {
  let home: Awaited<ReturnType<typeof tempHome>>;
  let paths: HomePaths;
  let workspace: Workspace | undefined;

  beforeEach(async () => {
    home = await tempHome();
    paths = await prepareHome({ JAFS_HOME: home.home });
  });

  afterEach(async () => {
    await workspace?.close();
    workspace = undefined;
    await home.cleanup();
  });

  it('opens no database for a command that never touches JAFS:, then serves JAFS: in the same run', async () => {
    workspace = await openWorkspace(paths, home.home);
    const { run } = await shellOn(workspace);
    const database = join(paths.serverData, 'metadata.sqlite');

    const location = await run('(Get-Location).Path');
    expect(location.stdout.split('\n')[0]).toBe(home.home);
    expect(existsSync(paths.serverData)).toBe(false);
    expect(workspace.embedded?.started).toBe(false);

    // Get-PSDrive shows JAFS: with its space, which the server answers.
    const drive = await run('$d = Get-PSDrive JAFS; $d.Name; $d.Used -ge 0');
    expect(drive.stdout.trim().split('\n')).toEqual(['JAFS', 'True']);

    const listed = await run('(Get-ChildItem JAFS:/Jotta).Name');
    expect(listed.stderr).toBe('');
    expect(listed.stdout.trim().split('\n')).toEqual(['Archive', 'Sync']);
    expect(existsSync(database)).toBe(true);

    const written = await run(
      "Set-Content JAFS:/Jotta/Archive/a.txt 'kept'; Get-Content JAFS:/Jotta/Archive/a.txt",
    );
    expect(written.stdout).toBe('kept\n');
  });

  it('reports a start that fails and starts on a later command once the cause is gone', async () => {
    // Another process's server holds the data folder's lock.
    const other = await startServer({ dataDir: paths.serverData, port: 0 });
    workspace = await openWorkspace(paths, home.home);
    const { run } = await shellOn(workspace);

    const refused = await run('Get-ChildItem JAFS:/Jotta');
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/lock|in use|another/i);

    await other.close();
    const listed = await run('(Get-ChildItem JAFS:/Jotta).Name');
    expect(listed.stderr).toBe('');
    expect(listed.stdout.trim().split('\n')).toEqual(['Archive', 'Sync']);
  });

  it('completes from the cached listing, and a change through the shell shows at the next Tab', async () => {
    workspace = await openWorkspace(paths, home.home);
    const { shell, run } = await shellOn(workspace);
    await run(
      "'1' | Set-Content JAFS:/Jotta/Archive/beta.txt; mkdir JAFS:/Jotta/Archive/box | Out-Null",
    );
    const line = 'Get-ChildItem JAFS:/Jotta/Archive/';

    const first = await completionTexts(shell, line);
    expect(first).toEqual(['JAFS:/Jotta/Archive/beta.txt', 'JAFS:/Jotta/Archive/box/']);
    expect(await completionTexts(shell, line)).toEqual(first);
    expect(await completionTexts(shell, `${line}b`)).toEqual(first);
    expect(await completionTexts(shell, `${line}bo`)).toEqual(['JAFS:/Jotta/Archive/box/']);

    await run("'2' | Set-Content JAFS:/Jotta/Archive/alpha.txt");
    expect(await completionTexts(shell, line)).toEqual(['JAFS:/Jotta/Archive/alpha.txt', ...first]);
    expect(await completionTexts(shell, `Set-Location ${line}`)).toEqual([
      'JAFS:/Jotta/Archive/box/',
    ]);
  });
});
