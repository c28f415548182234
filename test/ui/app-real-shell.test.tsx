import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSystemProvider } from '../../providers/filesystem/index.js';
import { ProviderEngine } from '../../src/provider/index.js';
import { navigationCmdlets } from '../../src/shell/cmdlets/navigation/index.js';
import { createShell } from '../../src/shell/index.js';
import { KEY, renderApp } from './helpers/render-app.js';

/** The App over the real shell, engine and FileSystem provider, in a temp folder. */
let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'jafs-ui-real-'));
  await mkdir(join(folder, 'Documents'));
  await writeFile(join(folder, 'notes.txt'), 'hello from jafs\n');
});

afterEach(async () => {
  cleanup();
  await rm(folder, { recursive: true, force: true });
});

async function realApp() {
  const engine = new ProviderEngine();
  engine.registerProvider(createFileSystemProvider());
  await engine.setLocation(folder);
  return renderApp((host) => createShell({ host, engine, cmdlets: navigationCmdlets }));
}

describe('App over the real shell', () => {
  it('shows the location in the prompt', async () => {
    const app = await realApp();
    await app.see(`PS ${folder}>`);
  });

  it('lists the folder with ls', async () => {
    const app = await realApp();
    await app.press('ls', KEY.enter);
    const text = await app.see('notes.txt');
    expect(text).toContain('Documents');
    expect(text).toMatch(/Mode\s+LastWriteTime\s+Length\s+Name/);
  });

  it('changes location with cd and updates the prompt', async () => {
    const app = await realApp();
    await app.press('cd Documents', KEY.enter);
    await app.see(`PS ${join(folder, 'Documents')}>`);
  });

  it('reads a file with Get-Content', async () => {
    const app = await realApp();
    await app.press('Get-Content notes.txt', KEY.enter);
    await app.see('hello from jafs');
  });

  it('prints an error for a missing path and keeps going', async () => {
    const app = await realApp();
    await app.press('Get-Item nothing-here', KEY.enter);
    await app.see('nothing-here');
    await app.press('ls', KEY.enter);
    await app.see('notes.txt');
  });

  it('continues an unfinished line and runs it whole', async () => {
    const app = await realApp();
    await app.press('foreach ($n in 1,2) {', KEY.enter, '"n=$n"', KEY.enter, '}', KEY.enter);
    const text = await app.see('n=2');
    expect(text).toContain('>> "n=$n"');
    expect(text).toContain('n=1\nn=2');
  });

  it('exits with the code given to exit', async () => {
    const exits: number[] = [];
    const engine = new ProviderEngine();
    engine.registerProvider(createFileSystemProvider());
    await engine.setLocation(folder);
    const app = await renderApp(
      (host) => createShell({ host, engine, cmdlets: navigationCmdlets }),
      { onExit: (code) => exits.push(code) },
    );
    await app.press('exit 4', KEY.enter);
    await app.frame(() => exits.length > 0);
    expect(exits).toEqual([4]);
  });

  it('completes a subfolder after cd with a trailing separator', async () => {
    const app = await realApp();
    await app.press('cd Doc', KEY.tab);
    await app.frame((text) => text.includes(`Documents${sep}`));
    expect(app.promptLine()).toMatch(new RegExp(`cd (\\.[\\\\/])?Documents[\\\\/]$`));
  });

  it('completes a cmdlet name', async () => {
    const app = await realApp();
    await app.press('Get-ChildI', KEY.tab);
    await app.frame(() => app.promptLine().endsWith('> Get-ChildItem'));
  });

  it('quotes a folder with a space and keeps the cursor inside the quote', async () => {
    await mkdir(join(folder, 'sub dir'));
    const app = await realApp();
    await app.press('cd s', KEY.tab);
    await app.frame(() => app.promptLine().endsWith(`> cd 'sub dir${sep}'`));
    await app.press('x');
    await app.frame(() => app.promptLine().endsWith(`> cd 'sub dir${sep}x'`));
  });

  it('shows the folders in the menu on a second Tab, marked as containers', async () => {
    await mkdir(join(folder, 'sub dir'));
    const app = await realApp();
    await app.press('cd ', KEY.tab, KEY.tab);
    const text = await app.see('(2/2)');
    expect(text).toMatch(/ {2}Documents\s+container/);
    expect(text).toMatch(/> sub dir\s+container/);
    await app.press(KEY.enter, KEY.enter);
    await app.see(`PS ${join(folder, 'sub dir')}>`);
  });

  it('stops Start-Sleep on Ctrl+C and brings the prompt back', async () => {
    const app = await realApp();
    await app.press('Start-Sleep 600', KEY.enter);
    await app.frame(() => app.session.getState().running);
    await app.press(KEY.ctrlC);
    await app.frame(() => !app.session.getState().running);
    await app.press('"back"', KEY.enter);
    await app.see('\nback');
  });

  it('asks Read-Host -AsSecureString with a masked answer', async () => {
    const app = await realApp();
    await app.press('$s = Read-Host "Secret" -AsSecureString; "done"', KEY.enter);
    await app.see('Secret:');
    await app.press('hunter2');
    await app.see('Secret: *******');
    await app.press(KEY.enter);
    const text = await app.see('\ndone');
    expect(text).not.toContain('hunter2');
  });

  it('shows Write-Progress in the live area while the command runs, and not after', async () => {
    const app = await realApp();
    await app.press(
      'Write-Progress Upload "a.txt" -PercentComplete 40; Start-Sleep 600',
      KEY.enter,
    );
    await app.see('Upload: a.txt [=======>            ] 40%');
    await app.press(KEY.ctrlC);
    await app.frame((text) => !text.includes('Upload: a.txt') && !app.session.getState().running);
  });
});
