import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEY, renderApp } from './helpers/render-app.js';
import { TestShell } from './helpers/test-shell.js';

afterEach(() => cleanup());

describe('App at the prompt', () => {
  it('shows the prompt, runs a typed line, echoes it and prints the output', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.see('PS /home/me>');

    await app.press('h', 'i', KEY.enter);
    const text = await app.see('echo: hi');

    expect(text).toContain('PS /home/me> hi\necho: hi');
    expect(app.shell.ran).toEqual(['hi']);
  });

  it('refreshes the prompt after each command', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('cd /tmp', KEY.enter);
    await app.see('PS /tmp>');
    expect(app.promptLine()).toBe('PS /tmp>');
  });

  it('prints errors and warnings from the host', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('fail boom', KEY.enter);
    await app.see('fail: boom');
    await app.press('warn careful', KEY.enter);
    await app.see('WARNING: careful');
  });

  it('resolves exit codes through the session', async () => {
    const exits: number[] = [];
    const app = await renderApp((host) => new TestShell(host), {
      onExit: (code) => exits.push(code),
    });
    await app.press('exit 3', KEY.enter);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(exits).toEqual([3]);
    expect(app.session.getState().exitCode).toBe(3);
  });
});

describe('App with a faulty shell', () => {
  it('survives a shell whose complete and isIncomplete throw', async () => {
    const app = await renderApp((host) => {
      const shell = new TestShell(host);
      shell.complete = () => {
        throw new Error('completer broke');
      };
      shell.isIncomplete = () => {
        throw new Error('parser broke');
      };
      return shell;
    });
    await app.press('ls', KEY.tab, KEY.enter);
    await app.see('echo: ls');
    expect(app.promptLine()).toBe('PS /home/me>');
  });
});

describe('App output volume', () => {
  it('keeps output written on both sides of a progress update', async () => {
    const app = await renderApp((host) => new TestShell(host));
    app.host.write('before\n');
    app.host.progress(1, { activity: 'Copy-Item', bytesDone: 1, bytesTotal: 2 });
    // A pipeline awaits between writes: React may draw in between, before the output flush.
    for (let turn = 0; turn < 5; turn++) await Promise.resolve();
    app.host.write('after\n');
    app.host.progress(1, undefined);
    const text = await app.see('after');
    expect(text).toContain('before\nafter');
  });

  it('prints every line of a long output, in order, once', async () => {
    const app = await renderApp((host) => new TestShell(host));
    await app.press('lines 300', KEY.enter);
    const text = await app.see('line 299');
    const printed = text.split('\n').filter((line) => line.startsWith('line '));
    expect(printed).toEqual(Array.from({ length: 300 }, (_, index) => `line ${index}`));
    expect(app.session.getState().transcript.length).toBeLessThan(300);
  });
});
