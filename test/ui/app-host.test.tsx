import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { colorEnabled, createInkHost } from '../../src/ui/ink-host.js';
import { InteractiveSession } from '../../src/ui/session/session.js';
import { KEY, renderApp } from './helpers/render-app.js';
import { TestShell } from './helpers/test-shell.js';

afterEach(() => cleanup());

describe('App while a command runs', () => {
  it('Ctrl+C aborts the running command and the prompt returns', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('wait', KEY.enter);
    await app.frame(() => app.session.getState().running);
    expect(app.promptLine()).toBe('PS /home/me> wait');

    await app.press(KEY.ctrlC);
    expect(app.shell.lastRunSignal?.aborted).toBe(true);
    await app.frame((text) => text.trimEnd().endsWith('PS /home/me> wait\nPS /home/me>'));
  });

  it('replays keys typed while a command runs once the prompt is back', async () => {
    const app = await renderApp((host) => new TestShell(host));
    let release = () => {};
    const original = app.shell.run.bind(app.shell);
    app.shell.run = async (text, options) => {
      if (text === 'slow') await new Promise<void>((resolve) => (release = resolve));
      return original(text, options);
    };

    await app.press('slow', KEY.enter, 'next', KEY.enter);
    expect(app.shell.ran).toEqual([]);
    release();
    await app.see('echo: next');
    expect(app.shell.ran).toEqual(['slow', 'next']);
  });

  it('drops typed-ahead keys on Ctrl+C', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('wait', KEY.enter, 'later', KEY.ctrlC);
    await app.frame(() => !app.session.getState().running);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(app.promptLine()).toBe('PS /home/me>');
  });
});

describe('App questions from the host', () => {
  it('reads a line for Read-Host and echoes the answer', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('ask', KEY.enter);
    await app.see('Name:');
    await app.press('Ada', KEY.left, KEY.backspace, 'd', KEY.enter);
    const text = await app.see('answer=Ada');
    expect(text).toContain('Name: Ada\nanswer=Ada');
  });

  it('masks a secret answer with * and never shows it', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('ask secret', KEY.enter);
    await app.see('Name:');
    await app.press('pw1');
    await app.see('Name: ***');
    await app.press(KEY.enter);
    const text = await app.see('answer=pw1');
    expect(text).toContain('Name: ***\n');
    expect(text.replace('answer=pw1', '')).not.toContain('pw1');
  });

  it('keeps the mask while the cursor moves inside a secret answer', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('ask secret', KEY.enter);
    await app.see('Name:');
    await app.press('abc', KEY.left, KEY.left);
    await app.see('Name: ***');
    await app.press('X', KEY.enter);
    const text = await app.see('answer=aXbc');
    expect(text).toContain('Name: ****\n');
  });

  it('Ctrl+C during Read-Host cancels the question and the command', async () => {
    const app = await renderApp((host) => new TestShell(host));
    const outcome = new Promise<string>((resolve) => {
      app.host.readLine('Question: ').then(resolve, (error: Error) => resolve(error.name));
    });
    await app.see('Question:');
    await app.press(KEY.ctrlC);
    expect(await outcome).toBe('PromptCancelledError');
  });

  it('an aborted signal withdraws the question', async () => {
    const app = await renderApp((host) => new TestShell(host));
    const controller = new AbortController();
    const answer = app.host.readLine('Q: ', { signal: controller.signal });
    await app.see('Q:');
    controller.abort();
    await expect(answer).rejects.toThrow(/cancelled/);
    await app.frame((text) => !text.includes('Q:'));
  });

  it('asks a choice: the default on Enter, help on ?, hot keys and labels', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('confirm', KEY.enter);
    await app.see('[Y] Yes  [N] No  [?] Help (default is "Y"):');
    await app.press('?', KEY.enter);
    await app.see('N - Skip it.');
    await app.press('maybe', KEY.enter);
    await app.press('n', KEY.enter);
    await app.see('picked=1');

    await app.press('confirm', KEY.enter);
    await app.see('Are you sure?');
    await app.press(KEY.enter);
    await app.see('picked=0');

    await app.press('confirm', KEY.enter);
    await app.frame(() => app.session.getState().request !== undefined);
    await app.press('no', KEY.enter);
    await app.frame((text) => text.split('picked=1').length === 3);
  });
});

describe('App progress', () => {
  it('shows a line per operation with bar, bytes, rate and time left, and hides it', async () => {
    let now = 1_000;
    const app = await renderApp((host) => new TestShell(host), { now: () => now });
    app.host.progress(1, {
      activity: 'Copy-Item',
      status: 'a.bin',
      bytesDone: 0,
      bytesTotal: 4096,
    });
    now += 2_000;
    app.host.progress(1, {
      activity: 'Copy-Item',
      status: 'a.bin',
      bytesDone: 2048,
      bytesTotal: 4096,
    });
    app.host.progress(2, { activity: 'Remove-Item', itemsDone: 1, itemsTotal: 4 });

    const text = await app.see('Remove-Item');
    expect(text).toContain(
      'Copy-Item: a.bin [=========>          ] 50% 2.0 KB/4.0 KB 1.0 KB/s 0:02 left',
    );
    expect(text).toContain('Remove-Item [====>               ] 25% 1/4 items');

    app.host.progress(1, undefined);
    app.host.progress(2, { activity: 'Remove-Item', completed: true });
    await app.frame((frame) => !frame.includes('Copy-Item') && !frame.includes('Remove-Item'));
  });
});

describe('Ink host', () => {
  it('is interactive and reads the terminal width on every access', () => {
    const stdout = { columns: 80 };
    const host = createInkHost(new InteractiveSession(), { stdout, color: true });
    expect(host.interactive).toBe(true);
    expect(host.width).toBe(80);
    stdout.columns = 132;
    expect(host.width).toBe(132);
  });

  it('turns colours off under NO_COLOR and for a non-terminal', () => {
    expect(colorEnabled({}, { isTTY: true })).toBe(true);
    expect(colorEnabled({ NO_COLOR: '1' }, { isTTY: true })).toBe(false);
    expect(colorEnabled({}, { isTTY: false })).toBe(false);
    expect(colorEnabled({ FORCE_COLOR: '1' }, { isTTY: false })).toBe(true);
  });

  it('prefixes warnings and verbose messages the way PowerShell prints them', () => {
    const session = new InteractiveSession();
    const host = createInkHost(session, { stdout: {}, color: false });
    host.writeWarning('low disk\n');
    host.writeVerbose('VERBOSE: already prefixed\n');
    expect(session.getState().transcript.map((entry) => entry.text)).toEqual([
      'WARNING: low disk',
      'VERBOSE: already prefixed',
    ]);
  });
});
