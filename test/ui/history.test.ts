import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addEntry,
  EMPTY_HISTORY,
  historyReducer,
  historyText,
  looksSecret,
  type HistoryAction,
  type HistoryState,
} from '../../src/ui/state/history.js';
import {
  appendHistory,
  formatHistory,
  loadHistory,
  parseHistory,
  saveHistory,
} from '../../src/ui/state/history-file.js';

function run(state: HistoryState, ...actions: HistoryAction[]): HistoryState {
  return actions.reduce(historyReducer, state);
}

describe('history reducer', () => {
  const loaded = run(EMPTY_HISTORY, { type: 'load', entries: ['one', 'two', 'three'] });

  it('walks back and forth and stops at both ends', () => {
    const up = run(loaded, { type: 'previous', current: '' });
    expect(historyText(up)).toBe('three');

    const top = run(up, ...Array(5).fill({ type: 'previous', current: 'x' }));
    expect(top.index).toBe(0);

    const bottom = run(loaded, { type: 'next', current: 'draft' });
    expect(bottom).toBe(loaded);
  });

  it('keeps the unfinished draft and edits to recalled entries', () => {
    let state = run(loaded, { type: 'previous', current: 'my draft' });
    state = run(state, { type: 'previous', current: 'three edited' });
    expect(historyText(state)).toBe('two');

    state = run(state, { type: 'next', current: 'two' });
    expect(historyText(state)).toBe('three edited');

    state = run(state, { type: 'next', current: 'three edited' });
    expect(historyText(state)).toBe('my draft');
  });

  it('searches by prefix in both directions, case-insensitively', () => {
    const state = run(EMPTY_HISTORY, { type: 'load', entries: ['Get-Item', 'ls', 'get-content'] });
    const back = run(state, { type: 'search', prefix: 'GET', current: 'GET', step: -1 });
    expect(historyText(back)).toBe('get-content');
    const older = run(back, { type: 'search', prefix: 'GET', current: 'x', step: -1 });
    expect(historyText(older)).toBe('Get-Item');
    expect(run(older, { type: 'search', prefix: 'GET', current: 'x', step: -1 })).toBe(older);
    const none = run(state, { type: 'search', prefix: 'zz', current: 'zz', step: -1 });
    expect(none).toBe(state);
  });

  it('forgets edits once a line is accepted', () => {
    let state = run(loaded, { type: 'previous', current: 'draft' });
    state = run(state, { type: 'add', line: 'four' });
    expect(state.edits).toEqual({});
    expect(historyText(state)).toBe('');
    expect(historyText(run(state, { type: 'previous', current: '' }))).toBe('four');
  });

  it('moves a repeated line to the end instead of storing it twice', () => {
    expect(addEntry(['a', 'b', 'c'], 'a')).toEqual(['b', 'c', 'a']);
    expect(addEntry(['a'], '   ')).toEqual(['a']);
  });

  it('caps the number of entries, dropping the oldest', () => {
    const entries = Array.from({ length: 10 }, (_, index) => `cmd ${index}`);
    expect(addEntry(entries, 'new', 5)).toEqual(['cmd 6', 'cmd 7', 'cmd 8', 'cmd 9', 'new']);
  });

  it('de-duplicates when loading', () => {
    const state = run(EMPTY_HISTORY, { type: 'load', entries: ['a', 'b', 'a'] });
    expect(state.entries).toEqual(['b', 'a']);
  });
});

describe('secret lines', () => {
  it.each([
    'New-PSDrive -Name J -Password hunter2',
    '$p = ConvertTo-SecureString "x" -AsPlainText -Force',
    'jafs login --token abc',
    '$env:JOTTA_APIKEY = "k"',
    'Set-Secret foo',
    '$cred = Get-Credential',
  ])('recognises %s', (line) => {
    expect(looksSecret(line)).toBe(true);
  });

  it.each(['Get-ChildItem JAFS:\\Jotta', 'cd ~/Documents', 'Remove-Item a.txt -WhatIf'])(
    'lets %s through',
    (line) => {
      expect(looksSecret(line)).toBe(false);
    },
  );
});

describe('history file', () => {
  let folder: string | undefined;
  afterEach(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
    folder = undefined;
  });

  it('writes multi-line entries with backtick continuations and reads them back', () => {
    const text = formatHistory(['ls', 'if ($x) {\n  ls\n}']);
    expect(text).toBe('ls\nif ($x) {`\n  ls`\n}\n');
    expect(parseHistory(text)).toEqual(['ls', 'if ($x) {\n  ls\n}']);
  });

  it('never writes secret lines, and drops any found in the file', () => {
    expect(formatHistory(['ls', 'login -Password x', 'pwd'])).toBe('ls\npwd\n');
    expect(parseHistory('ls\n$token = 1\npwd\n')).toEqual(['ls', 'pwd']);
  });

  it('persists across sessions, owner-only, and treats a missing file as empty', async () => {
    folder = await mkdtemp(join(tmpdir(), 'jafs-ui-history-'));
    const file = join(folder, 'nested', 'history.txt');
    expect(await loadHistory(file)).toEqual([]);

    await saveHistory(file, ['ls', 'cd /tmp', 'ls']);
    expect(await readFile(file, 'utf8')).toBe('ls\ncd /tmp\nls\n');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await loadHistory(file)).toEqual(['cd /tmp', 'ls']);
  });

  it('adds lines to what another window wrote meanwhile, moving repeats to the end', async () => {
    folder = await mkdtemp(join(tmpdir(), 'jafs-ui-history-'));
    const file = join(folder, 'history.txt');
    await appendHistory(file, ['ls', 'pwd']);
    await writeFile(file, 'ls\npwd\nfrom other window\n');
    await appendHistory(file, ['ls', '$token = "x"']);
    expect(await readFile(file, 'utf8')).toBe('pwd\nfrom other window\nls\n');
  });

  it('applies the cap when loading a long file', async () => {
    folder = await mkdtemp(join(tmpdir(), 'jafs-ui-history-'));
    const file = join(folder, 'history.txt');
    await writeFile(file, Array.from({ length: 30 }, (_, index) => `cmd ${index}\n`).join(''));
    const entries = await loadHistory(file, 10);
    expect(entries).toHaveLength(10);
    expect(entries[0]).toBe('cmd 20');
  });
});
