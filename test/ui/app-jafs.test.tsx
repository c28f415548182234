import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFileSystemProvider } from '../../providers/filesystem/index.js';
import { createJottacloudProvider } from '../../providers/jottacloud/index.js';
import { Jottacloud } from '../../src/jfs/index.js';
import { ProviderEngine } from '../../src/provider/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { navigationCmdlets } from '../../src/shell/cmdlets/navigation/index.js';
import { createShell } from '../../src/shell/index.js';
import { KEY, renderApp } from './helpers/render-app.js';

/** The App over the real shell with JAFS: on the local JFS server, reached over loopback. */
let folder: string;
let server: RunningServer;
let client: Jottacloud;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'jafs-ui-jafs-'));
  server = await startServer({
    dataDir: join(folder, 'server'),
    accounts: [{ username: 'demo', password: 'pw' }],
  });
  client = new Jottacloud({
    baseUrl: server.url,
    auth: { type: 'basic', username: 'demo', password: 'pw' },
  });
});

afterAll(async () => {
  await client.close();
  await server.close();
  await rm(folder, { recursive: true, force: true });
});

afterEach(() => cleanup());

async function jafsApp() {
  const engine = new ProviderEngine();
  engine.registerProvider(createFileSystemProvider());
  engine.registerProvider(createJottacloudProvider({ client }));
  await engine.newDrive('Jottacloud', { name: 'JAFS', root: '/' });
  await engine.setLocation(folder);
  return renderApp((host) => createShell({ host, engine, cmdlets: navigationCmdlets }));
}

describe('App with the JAFS: drive', () => {
  it('completes a JAFS: path with Tab and lists it', async () => {
    const app = await jafsApp();

    await app.press('cd JAFS:\\Jo', KEY.tab);
    await app.see('cd JAFS:\\Jotta\\');
    await app.press(KEY.enter);
    await app.see('PS JAFS:\\Jotta>');

    await app.press('ls', KEY.enter);
    const text = await app.see('Sync');
    expect(text).toContain('Directory: JAFS:\\Jotta');
    expect(text).toContain('Archive');
  });

  it('shows what Set-Content wrote to JAFS: with Get-Content', async () => {
    const app = await jafsApp();

    await app.press('Set-Content JAFS:\\Jotta\\Archive\\ui.txt "typed in the UI"', KEY.enter);
    await app.press('Get-Content JAFS:\\Jotta\\Archive\\ui.txt', KEY.enter);

    await app.see('typed in the UI');
  });
});
