import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { appendHistory, loadHistory } from '../../src/ui/state/history-file.js';
import { KEY, renderApp } from './helpers/render-app.js';
import { TestShell } from './helpers/test-shell.js';

let folder: string | undefined;
afterEach(async () => {
  cleanup();
  if (folder) await rm(folder, { recursive: true, force: true });
  folder = undefined;
});

const line = (app: Awaited<ReturnType<typeof renderApp>>) =>
  app.promptLine().replace(/^PS \S+>\s?/, '');

describe('App history', () => {
  it('recalls earlier lines with Up and Ctrl+P, and walks back with Down and Ctrl+N', async () => {
    const app = await renderApp((host) => new TestShell(host), { history: ['first', 'second'] });
    await app.press(KEY.up);
    await app.see('PS /home/me> second');
    await app.press('\u0010');
    await app.see('PS /home/me> first');
    await app.press(KEY.down);
    await app.see('PS /home/me> second');
    await app.press('\u000E');
    await app.frame(() => line(app) === '');
  });

  it('F8 and Shift+F8 walk the entries that start with the text before the cursor', async () => {
    const app = await renderApp((host) => new TestShell(host), {
      history: ['cd /a', 'ls', 'cd /b', 'pwd'],
    });
    await app.press('cd', '\u001B[19~');
    await app.frame(() => line(app) === 'cd /b');
    await app.press('\u001B[19~');
    await app.frame(() => line(app) === 'cd /a');
    await app.press('\u001B[19~');
    await app.press('\u001B[19;2~');
    await app.frame(() => line(app) === 'cd /b');
    await app.press('X');
    await app.frame(() => line(app) === 'cdX /b');
  });

  it('keeps the unfinished draft while browsing', async () => {
    const app = await renderApp((host) => new TestShell(host), { history: ['ls'] });
    await app.press('my dra', KEY.up);
    await app.see('PS /home/me> ls');
    await app.press(KEY.down, 'ft');
    await app.see('PS /home/me> my draft');
  });

  it('adds run lines without duplicates', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('a', KEY.enter, 'b', KEY.enter, 'a', KEY.enter);
    await app.see('PS /home/me> a\necho: a\nPS /home/me> b');
    await app.frame(() => app.shell.ran.length === 3);
    expect(app.session.getState().history.entries).toEqual(['b', 'a']);
  });

  it('persists lines across restarts but never one that looks secret', async () => {
    folder = await mkdtemp(join(tmpdir(), 'jafs-ui-app-history-'));
    const file = join(folder, 'history.txt');
    const save = (lines: readonly string[]) => appendHistory(file, lines);

    const first = await renderApp((host) => new TestShell(host), { appendHistory: save });
    await first.press('cd /tmp', KEY.enter);
    await first.see('PS /tmp>');
    await first.press('login -Password hunter2', KEY.enter);
    await first.see('echo: login');
    await first.press('ls', KEY.enter);
    await first.see('echo: ls');
    await first.frame(() => first.session.getState().history.entries.length === 3);
    await first.session.flushHistory();
    cleanup();
    expect(await readFile(file, 'utf8')).toBe('cd /tmp\nls\n');

    const second = await renderApp((host) => new TestShell(host), {
      history: await loadHistory(file),
      appendHistory: save,
    });
    await second.press(KEY.up, KEY.up);
    await second.see('PS /home/me> cd /tmp');
  });

  it('searches backwards with Ctrl+R, shows the match, and runs it on Enter', async () => {
    const app = await renderApp((host) => new TestShell(host), {
      history: ['Get-ChildItem', 'cd /tmp', 'Get-Content a.txt'],
    });
    await app.press(KEY.ctrlR, 'g', 'e', 't');
    await app.see('bck-i-search: get');
    expect(line(app)).toBe('Get-Content a.txt');

    await app.press(KEY.ctrlR);
    await app.frame(() => line(app) === 'Get-ChildItem');

    await app.press(KEY.ctrlR);
    await app.see('failed-bck-i-search: get');

    await app.press(KEY.enter);
    await app.see('echo: Get-ChildItem');
  });

  it('Escape leaves the search and restores the line; other keys keep the match', async () => {
    const app = await renderApp((host) => new TestShell(host), { history: ['cd /tmp'] });
    await app.press('draft', KEY.ctrlR, 'cd');
    await app.see('bck-i-search: cd');
    await app.press(KEY.escape);
    await app.frame((text) => !text.includes('bck-i-search') && line(app) === 'draft');

    await app.press(KEY.ctrlU, KEY.ctrlR, 'tmp', KEY.end, '/x');
    await app.frame(() => line(app) === 'cd /tmp/x');
  });

  it('Ctrl+G also leaves the search, and Backspace widens it again', async () => {
    const app = await renderApp((host) => new TestShell(host), { history: ['cd /a', 'cd /b'] });
    await app.press(KEY.ctrlR, 'cd /a');
    await app.frame(() => line(app) === 'cd /a');
    await app.press(KEY.backspace);
    await app.frame(() => line(app) === 'cd /b');
    await app.press('\u0007');
    await app.frame((text) => !text.includes('bck-i-search') && line(app) === '');
  });
});
