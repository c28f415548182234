import { mkdtemp, realpath, rm } from 'node:fs/promises';
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

const terminal = new TmuxTerminal('environment');
let home: string;

/**
 * The interactive shell loads its UI with CI hidden (Ink would draw only the last frame) and
 * NODE_ENV=production (React's small build); the commands it runs must still see the variables
 * the user started jafs with.
 */
describe.skipIf(!tmuxAvailable())('the interactive shell environment', () => {
  beforeAll(async () => {
    home = await realpath(await mkdtemp(join(tmpdir(), 'jafs-e2e-env-')));
  });

  afterAll(async () => {
    await terminal.kill();
    await rm(home, { recursive: true, force: true });
  });

  it('gives commands the CI and NODE_ENV the user had, after loading the UI without them', async () => {
    const jafs = `${shellQuote(process.execPath)} ${shellQuote(JAFS_BIN)}; sleep 300`;
    const command = [
      'env -u NODE_ENV CI=kept TERM=xterm-256color NO_COLOR=1',
      `JAFS_HOME=${shellQuote(home)} sh -c ${shellQuote(jafs)}`,
    ].join(' ');
    const env = interactiveEnv({ JAFS_HOME: home, NO_COLOR: '1' });
    await terminal.start({ command, cwd: home, env, columns: 120, rows: 20 });
    await terminal.waitFor('the first prompt', (text) => lastLine(text) === `PS ${home}>`, 60_000);

    await terminal.type('"ci=[$env:CI] node_env=[$env:NODE_ENV]"');
    await terminal.press('Enter');
    const pane = await terminal.waitFor('the answer', (text) => text.includes('ci=[kept]'));

    expect(paneLines(pane)).toContain('ci=[kept] node_env=[]');
  }, 90_000);
});
