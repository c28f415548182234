import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/index.js';
import { JAFS_BIN } from './helpers.js';
import { interactiveEnv, shellQuote, tmuxAvailable, TmuxTerminal } from './terminal-helpers.js';

const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempFolder(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe.skipIf(!tmuxAvailable())('jafs login in a real terminal', () => {
  it('asks for the token without echoing it and logs in', async () => {
    const server = await startServer({
      dataDir: await tempFolder('jafs-login-tty-data-'),
      accounts: [{ username: 'alice', password: 'pw' }],
    });
    cleanups.push(() => server.close());
    const home = await tempFolder('jafs-login-tty-home-');
    const terminal = new TmuxTerminal('login');
    cleanups.push(() => terminal.kill());

    const script = [
      `${shellQuote(process.execPath)} ${shellQuote(JAFS_BIN)} login --server ${server.url}`,
      'echo "EXIT:$?"',
      'sleep 300',
    ].join('; ');
    const command = `env JAFS_HOME=${shellQuote(home)} NO_COLOR=1 sh -c ${shellQuote(script)}`;
    await terminal.start({
      command,
      cwd: home,
      env: interactiveEnv({ JAFS_HOME: home, NO_COLOR: '1' }),
      columns: 120,
      rows: 30,
    });
    await terminal.waitFor('the token prompt', (pane) => pane.includes('Personal login token'));

    const token = server.issueLoginToken('alice');
    await terminal.type(token);
    await terminal.press('Enter');
    const pane = await terminal.waitFor('the exit status', (text) => text.includes('EXIT:'));

    expect(pane).toContain(`Logged in as alice (${server.url})`);
    expect(pane).toContain('EXIT:0');
    expect(pane.replace(/\s/g, '')).not.toContain(token.slice(0, 24));
    expect((await stat(join(home, 'login.json'))).mode & 0o777).toBe(0o600);
  });
});
