import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, renderApp } from './helpers/render-app.js';
import { TestShell } from './helpers/test-shell.js';

afterEach(() => cleanup());

const line = (app: Awaited<ReturnType<typeof renderApp>>) =>
  app.promptLine().replace(/^PS \S+>\s?/, '');

describe('App tab completion', () => {
  it('inserts a single match', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('Set', KEY.tab);
    await app.frame(() => line(app) === 'Set-Location');
    expect(app.shell.completions[0]).toMatchObject({ line: 'Set', cursor: 3 });
  });

  it('cycles through several with Tab and Shift+Tab', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('Get-C', KEY.tab);
    await app.frame(() => line(app) === 'Get-ChildItem');
    await app.press(KEY.shiftTab);
    await app.frame(() => line(app) === 'Get-Content');
    await app.press(KEY.shiftTab);
    await app.frame(() => line(app) === 'Get-ChildItem');
  });

  it('opens the menu on the second Tab, with kinds, and Enter accepts without running', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('Get-', KEY.tab, KEY.tab);
    const text = await app.see('(2/3)');
    expect(text).toContain(
      '  Get-ChildItem  cmdlet\n> Get-Content    cmdlet\n  Get-Item       cmdlet',
    );
    expect(line(app)).toBe('Get-Content');

    await app.press(KEY.down, KEY.enter);
    await app.frame((frame) => !frame.includes('(3/3)') && line(app) === 'Get-Item');
    expect(app.shell.ran).toEqual([]);
  });

  it('opens the menu at once on Ctrl+Space; Escape closes it and restores the line', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('Get-', KEY.ctrlSpace);
    await app.see('(1/3)');
    await app.press(KEY.down);
    await app.see('(2/3)');
    await app.press(KEY.escape);
    await app.frame((frame) => !frame.includes('/3)') && line(app) === 'Get-');
  });

  it('takes Escape and Ctrl+U arriving in one chunk as two keys', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('Get-', KEY.ctrlSpace);
    await app.see('(1/3)');
    await app.press(KEY.escape + KEY.ctrlU);
    await app.frame((text) => !text.includes('/3)') && line(app) === '');
  });

  it('scrolls a long menu in a window of 8 rows', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('item', KEY.ctrlSpace);
    let text = await app.see('(1/20)');
    expect(text).toContain('> item00');
    expect(text).toContain('item07');
    expect(text).not.toContain('item08');
    expect(text).toContain('▼ 12 more');

    await app.press(...Array(9).fill(KEY.tab));
    text = await app.see('(10/20)');
    expect(text).toContain('▲ 2 more');
    expect(text).not.toContain('item01');
    expect(text).toContain('> item09');
    expect(line(app)).toBe('item09');

    await app.press('\u001B[6~');
    await app.see('(18/20)');
    await app.press(KEY.shiftTab, KEY.up);
    await app.see('(16/20)');
  });

  it('keeps the inserted match and goes on editing when another key is typed', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('Get-', KEY.tab, KEY.tab, ' x');
    await app.frame((frame) => !frame.includes('/3)') && line(app) === 'Get-Content x');
  });

  it('narrows the menu while typing, widens on Backspace, and accepts on a non-matching key', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('Get-', KEY.ctrlSpace);
    await app.see('(1/3)');
    await app.press('C');
    await app.see('(1/2)');
    await app.press('o');
    await app.frame((text) => !text.includes('/2)') && line(app) === 'Get-Content');
    await app.see('(1/1)');

    await app.press(KEY.backspace);
    await app.see('(1/2)');
    await app.press(KEY.backspace, KEY.backspace);
    await app.frame((text) => !text.includes('/3)') && !text.includes('/2)'));

    await app.press(KEY.ctrlU, 'Get-', KEY.ctrlSpace, 'z');
    await app.frame((text) => !text.includes('/3)') && line(app) === 'Get-ChildItemz');
  });

  it('a separator after a container accepts it so the next segment can be typed', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('cd ', KEY.ctrlSpace);
    await app.see('/25)');
    await app.press('M');
    await app.frame(() => line(app) === "cd 'My Files/'");
    await app.press('/', 'sub');
    await app.frame((text) => !text.includes('/1)') && line(app) === "cd 'My Files/sub'");
  });

  it('aborts a lookup when the user types on, and never applies its answer', async () => {
    const app = await renderApp((host) => new TestShell(host));
    let release = () => {};
    app.shell.completionGate = new Promise<void>((resolve) => (release = resolve));

    await app.press('Set', KEY.tab, '-x');
    await app.frame(() => line(app) === 'Set-x');
    expect(app.shell.completions[0].signal?.aborted).toBe(true);

    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(line(app)).toBe('Set-x');
  });

  it('keeps the line editable while a lookup runs and applies a late answer', async () => {
    const app = await renderApp((host) => new TestShell(host));
    let release = () => {};
    app.shell.completionGate = new Promise<void>((resolve) => (release = resolve));

    await app.press('Se', KEY.tab, KEY.tab);
    await app.see('completing…');
    expect(app.shell.completions).toHaveLength(1);
    release();
    await app.frame(() => line(app) === 'Set-Location');
  });

  it('counts Tabs pressed before a slow lookup answers: Tab Tab opens the menu', async () => {
    const app = await renderApp((host) => new TestShell(host));
    let release = () => {};
    app.shell.completionGate = new Promise<void>((resolve) => (release = resolve));

    await app.press('Get-', KEY.tab, KEY.tab);
    release();
    await app.see('(2/3)');
    expect(line(app)).toBe('Get-Content');
  });

  it('keeps the cursor inside the quote of a quoted container', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('cd My', KEY.tab, 'sub');
    await app.frame(() => line(app) === "cd 'My Files/sub'");
  });
});
