import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, renderApp } from './helpers/render-app.js';
import { TestShell } from './helpers/test-shell.js';

afterEach(() => cleanup());

/** Types `setup`, presses `keys`, types `X` to mark where the cursor was, and reads the line. */
async function lineAfter(setup: string, ...keys: string[]): Promise<string> {
  const app = await renderApp((host) => new TestShell(host));
  await app.press(setup, ...keys, 'X');
  await app.frame((text) => text.includes('X'));
  return app.promptLine().replace('PS /home/me> ', '');
}

describe('App line editing keys', () => {
  it.each([
    ['Left', 'abc', [KEY.left], 'abXc'],
    ['Right', 'abc', [KEY.home, KEY.right], 'aXbc'],
    ['Home', 'abc', [KEY.home], 'Xabc'],
    ['End', 'abc', [KEY.home, KEY.end], 'abcX'],
    ['Ctrl+A', 'abc', ['\u0001'], 'Xabc'],
    ['Ctrl+E', 'abc', [KEY.home, '\u0005'], 'abcX'],
    ['Backspace', 'abc', [KEY.backspace], 'abX'],
    ['Delete', 'abc', [KEY.home, KEY.delete], 'Xbc'],
    ['Ctrl+K', 'abc def', [KEY.altB, KEY.ctrlK], 'abc X'],
    ['Ctrl+U', 'abc def', [KEY.altB, KEY.ctrlU], 'Xdef'],
    ['Ctrl+W', 'cd some/dir', [KEY.ctrlW], 'cd X'],
    ['Alt+B', 'Get-Item foo', [KEY.altB], 'Get-Item Xfoo'],
    ['Alt+F', 'Get-Item foo', [KEY.home, KEY.altF], 'GetX-Item foo'],
    ['Alt+D', 'Get-Item foo', [KEY.home, KEY.altD], 'X-Item foo'],
    ['Escape', 'abc', [KEY.escape], 'X'],
    ['Ctrl+B', 'abc', ['\u0002'], 'abXc'],
    ['Ctrl+F', 'abc', [KEY.home, '\u0006'], 'aXbc'],
    ['Ctrl+H', 'abc', ['\b'], 'abX'],
    ['Ctrl+Left', 'Get-Item foo', ['\u001B[1;5D'], 'Get-Item Xfoo'],
    ['Ctrl+Right', 'Get-Item foo', [KEY.home, '\u001B[1;5C'], 'GetX-Item foo'],
    ['Alt+Left', 'Get-Item foo', ['\u001B[1;3D'], 'Get-Item Xfoo'],
    ['Alt+Right', 'Get-Item foo', [KEY.home, '\u001B[1;3C'], 'GetX-Item foo'],
    ['Alt+Backspace', 'cd some/dir', ['\u001B\u007F'], 'cd X'],
    ['Ctrl+Delete', 'Get-Item foo', [KEY.home, '\u001B[3;5~'], 'X-Item foo'],
  ])('%s', async (_name, setup, keys, expected) => {
    expect(await lineAfter(setup, ...keys)).toBe(expected);
  });

  it('Ctrl+D deletes the character under the cursor on a non-empty line', async () => {
    expect(await lineAfter('abc', KEY.home, KEY.ctrlD)).toBe('Xbc');
  });

  it('Ctrl+D on an empty line exits with 0', async () => {
    const exits: number[] = [];
    const app = await renderApp((host) => new TestShell(host), { onExit: (c) => exits.push(c) });
    await app.press(KEY.ctrlD);
    expect(exits).toEqual([0]);
  });

  it('Ctrl+C at the prompt leaves the line visible and starts a fresh one', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('half typed', KEY.ctrlC);
    const text = await app.frame((frame) => frame.trimEnd().endsWith('PS /home/me>'));
    expect(text).toContain('PS /home/me> half typed\nPS /home/me>');
    expect(app.shell.ran).toEqual([]);
  });

  it('Ctrl+L clears the terminal and keeps the line being typed', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('ls', KEY.ctrlL);
    await app.frame(() => app.ui.frames.some((frame) => frame.includes('\u001B[2J')));
    await app.press('x');
    await app.see('lsx');
    expect(app.promptLine()).toBe('PS /home/me> lsx');
  });
});

describe('App kill, yank and undo', () => {
  it('Ctrl+Y puts back what Ctrl+K, Ctrl+U, Ctrl+W or Alt+D killed', async () => {
    expect(await lineAfter('abc def', KEY.altB, KEY.ctrlK, KEY.home, '\u0019')).toBe('defXabc');
    expect(await lineAfter('cd some/dir', KEY.ctrlW, '\u0019', '\u0019')).toBe(
      'cd some/dirsome/dirX',
    );
  });

  it('Ctrl+_ undoes a run of typing as one step, then the edit before it', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('g', 'c', 'i', ' ', 'f', 'o', 'o', KEY.ctrlW);
    await app.frame(() => app.promptLine() === 'PS /home/me> gci');
    await app.press('\u001F');
    await app.frame(() => app.promptLine() === 'PS /home/me> gci foo');
    await app.press('\u001F');
    await app.frame(() => app.promptLine() === 'PS /home/me> gci');
    await app.press('\u001F', '\u001F');
    await app.frame(() => app.promptLine() === 'PS /home/me>');
  });

  it('starts each line with nothing to undo', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('ls', KEY.enter);
    await app.see('echo: ls');
    await app.press('\u001A', 'X');
    await app.frame(() => app.promptLine() === 'PS /home/me> X');
  });
});

describe('App multi-line input', () => {
  it('continues on a >> line while the text is incomplete, then runs it whole', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('if {', KEY.enter, 'ls', KEY.enter);
    await app.see('>> ls');
    expect(app.shell.ran).toEqual([]);

    await app.press('}', KEY.enter);
    await app.see('echo: if {');
    expect(app.shell.ran).toEqual(['if {\nls\n}']);
  });

  it.each([
    ['Shift+Enter', KEY.shiftEnter],
    ['Alt+Enter', KEY.altEnter],
    ['Ctrl+J', '\n'],
  ])('%s inserts a new line without running', async (_name, key) => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('one', key, 'two');
    const text = await app.see('>> two');
    expect(text).toContain('PS /home/me> one\n>> two');
    expect(app.shell.ran).toEqual([]);
  });

  it('Up and Down move between rows before walking history', async () => {
    const app = await renderApp((host) => new TestShell(host), { history: ['old'] });
    await app.press('abc', KEY.shiftEnter, 'de', KEY.up, 'X');
    await app.see('abXc');
    await app.press(KEY.down, 'Y');
    await app.see('>> deY');
  });

  it('inserts a bracketed paste of several lines without running any', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press(KEY.pasteStart, 'ls\r\ncd /tmp\rpwd', KEY.pasteEnd);
    const text = await app.see('>> pwd');
    expect(text).toContain('PS /home/me> ls\n>> cd /tmp\n>> pwd');
    expect(app.shell.ran).toEqual([]);
  });

  it('runs typed-ahead text that arrives in one chunk as separate keys', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('one\rtwo\r');
    await app.see('echo: two');
    expect(app.shell.ran).toEqual(['one', 'two']);
  });
});
