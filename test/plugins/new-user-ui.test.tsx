import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { prepareHome } from '../../src/cli/home.js';
import { openWorkspace, type Workspace } from '../../src/cli/workspace.js';
import { KEY, renderApp, type AppHarness } from '../ui/helpers/render-app.js';
import type { Shell } from '../../src/shell/api.js';
import { BROKEN_MODULES } from './broken-modules.js';
import { tempFolder } from './fixtures.js';
import { guideExample } from './guide-example.js';

const SETTINGS = { server: { url: 'https://example.invalid/api', tags: ['a', 'b'] } };

/** Waits for `needle` in the frame; imports and copies run on a loaded machine: no 2 s cap. */
async function see(app: AppHarness<Shell>, needle: string | RegExp): Promise<string> {
  let text = '';
  await vi.waitFor(
    () => {
      text = app.ui.lastFrame() ?? '';
      // Long error lines wrap at the terminal's width: compare words, not line breaks.
      const found =
        typeof needle === 'string' ? text.replace(/\s+/g, ' ').includes(needle) : needle.test(text);
      if (!found) throw new Error(`no '${needle}' in:\n${text}`);
    },
    { timeout: 20_000, interval: 20 },
  );
  return text;
}

// The guide's module in the interactive Ink app, on the workspace the CLI opens (embedded
// local JFS server, FileSystem, Env:, Tar and the module cmdlets), typed key by key.
describe('a new user follows the provider guide in the interactive app', () => {
  let work: { dir: string; cleanup(): Promise<void> };
  let home: { dir: string; cleanup(): Promise<void> };
  let workspace: Workspace;

  beforeAll(async () => {
    work = await tempFolder('jafs-new-user-ui-');
    home = await tempFolder('jafs-new-user-ui-home-');
    await writeFile(path.join(work.dir, 'json-provider.js'), await guideExample());
    await writeFile(path.join(work.dir, 'settings.json'), JSON.stringify(SETTINGS));
    for (const [name, text] of Object.entries(BROKEN_MODULES)) {
      await writeFile(path.join(work.dir, name), text);
    }
    workspace = await openWorkspace(await prepareHome({ JAFS_HOME: home.dir }), work.dir);
  });

  afterAll(async () => {
    cleanup();
    delete process.env.JAFS_UI_SET;
    await workspace?.close();
    await work?.cleanup();
    await home?.cleanup();
  });

  it('imports, completes with Tab, lists, reads and copies; broken modules are contained', async () => {
    const app = await renderApp((host) => workspace.createShell(host));

    await app.press('Import-Module ./json-provider.js', KEY.enter);
    await app.press('New-PSDrive Cfg Json ./settings.json', KEY.enter);
    await see(app, /^Cfg\s+Json\s+\/tmp\//m);

    await app.press('Get-ChildItem Cfg:\\se', KEY.tab);
    await see(app, 'Get-ChildItem Cfg:\\server\\');
    await app.press(KEY.enter);
    const listing = await see(app, 'tags');
    expect(listing).toMatch(/url/);

    await app.press('Get-Content Cfg:\\server\\url', KEY.enter);
    await see(app, SETTINGS.server.url);

    await app.press('Copy-Item Cfg:\\server JAFS:\\Jotta\\Archive\\server -Recurse', KEY.enter);
    await app.press('Get-Content JAFS:\\Jotta\\Archive\\server\\tags\\1', KEY.enter);
    await see(app, 'tags\\1 b PS');

    await app.press('Import-Module ./broken-load.js', KEY.enter);
    await see(
      app,
      "'./broken-load.js' was not loaded: importing it failed. broken on purpose while loading",
    );
    await app.press('Import-Module ./broken-call.js; Get-Content Broken:\\trap.txt', KEY.enter);
    await see(app, 'broken on purpose while reading');

    await app.press('Set-Content Env:\\JAFS_UI_SET shared; "env=$env:JAFS_UI_SET"', KEY.enter);
    await see(app, 'env=shared');
    expect(process.env.JAFS_UI_SET).toBe('shared');
  });
});
