import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProviderEngine } from '../../src/provider/index.js';
import { createShell, type Host, type Shell } from '../../src/shell/index.js';
import { navigationCmdlets } from '../../src/shell/cmdlets/navigation/index.js';
import { fileSystemEngine, makeTree, tempFolder } from './helpers.js';

/** A non-interactive host that keeps what the shell writes. */
function recordingHost() {
  const out: string[] = [];
  const err: string[] = [];
  const host: Host = {
    interactive: false,
    width: 120,
    color: false,
    write: (text) => void out.push(text),
    writeError: (text) => void err.push(text),
    writeWarning: () => undefined,
    writeVerbose: () => undefined,
    progress: () => undefined,
    readLine: () => Promise.reject(new Error('not interactive')),
    choose: () => Promise.reject(new Error('not interactive')),
  };
  return { host, out, err };
}

let dir: string;
let cleanup: () => Promise<void>;
let engine: ProviderEngine;
let shell: Shell;
let out: string[];
let err: string[];

beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
  await makeTree(dir, { 'a.txt': 'A', 'b.log': 'B', 'sub/c.txt': 'C' });
  engine = await fileSystemEngine(dir);
  const recorded = recordingHost();
  ({ out, err } = recorded);
  shell = createShell({ host: recorded.host, engine, cmdlets: navigationCmdlets });
});

afterEach(() => cleanup());

const run = async (text: string) => {
  out.length = 0;
  err.length = 0;
  const result = await shell.run(text);
  return { ...result, out: out.join(''), err: err.join('') };
};

describe('navigation through the shell', () => {
  it('pipes Get-ChildItem into Remove-Item by PSPath', async () => {
    const result = await run(
      'Get-ChildItem -Recurse -Filter *.txt | Remove-Item; (gci -Name -r) -join ","',
    );
    expect(result.err).toBe('');
    expect(result.out.trim()).toBe('b.log,sub');
  });

  it('creates, reads and appends with aliases and positional parameters', async () => {
    const result = await run(
      "Set-Content notes.txt 'one'; ac notes.txt 'two'; 'three' | Add-Content notes.txt; (cat notes.txt) -join '|'",
    );
    expect(result.err).toBe('');
    expect(result.out.trim()).toBe('one|two|three');
    expect(await readFile(path.join(dir, 'notes.txt'), 'utf8')).toBe('one\ntwo\nthree\n');

    await run("ni raw.txt -Value 'no newline' | Out-Null; 'more' | Add-Content raw.txt");
    expect(await readFile(path.join(dir, 'raw.txt'), 'utf8')).toBe('no newlinemore\n');
  });

  it('changes location and shows errors in PowerShell words', async () => {
    const result = await run('cd sub; (Get-Location).Path; Get-Item nope');
    expect(result.out.trim()).toBe(path.join(dir, 'sub'));
    expect(result.err).toContain(`Cannot find path '${dir}/sub/nope' because it does not exist.`);
  });

  it('formats a directory listing under its Directory header', async () => {
    const result = await run('Get-ChildItem');
    expect(result.out).toContain(`Directory: ${dir}`);
    expect(result.out).toMatch(/-a---\s+.*\s+1 a\.txt/);
  });

  it('supports -WhatIf on changing cmdlets', async () => {
    const result = await run('Remove-Item a.txt -WhatIf; Test-Path a.txt');
    expect(result.out).toContain(
      `What if: Performing the operation "Remove File" on target "${dir}/a.txt".`,
    );
    expect(result.out).toContain('True');
  });

  it('runs a session of everyday commands', async () => {
    const script = [
      'mkdir work | Out-Null',
      'cd work',
      '1..3 | Set-Content n.txt',
      'cd..',
      'cd -',
      '(Get-Content n.txt) -join ","',
      'New-PSDrive -Name W -PSProvider FileSystem -Root . | Out-Null',
      'Copy-Item W:\\n.txt ..\\copied.txt',
      'Resolve-Path ..\\*.log -Relative',
      'cd \\',
      '(Get-Location).Path',
      'Get-PSDrive W | ForEach-Object { $_.Root }',
    ].join('\n');
    const result = await run(script);
    expect(result.err).toBe('');
    const lines = result.out
      .trim()
      .split('\n')
      .map((line) => line.trim());
    expect(lines).toEqual(['1,2,3', '../b.log', '/', path.join(dir, 'work')]);
    expect(await readFile(path.join(dir, 'copied.txt'), 'utf8')).toBe('1\n2\n3\n');
  });

  it('refuses to remove a folder with children without a prompt in a script', async () => {
    const result = await run('Remove-Item sub');
    expect(result.err).not.toBe('');
    expect(await readFile(path.join(dir, 'sub/c.txt'), 'utf8')).toBe('C');
  });

  it('binds the path of Split-Path and Join-Path in every parameter set', async () => {
    const result = await run(
      'Split-Path X:\\a\\b.txt -Qualifier; Split-Path /tmp/b.txt -Leaf; Split-Path /tmp/b.txt; Join-Path /tmp a b',
    );
    expect(result.err).toBe('');
    expect(result.out.trim().split('\n')).toEqual(['X:', 'b.txt', '/tmp', '/tmp/a/b']);
  });

  it('knows cd.. and cd\\ as commands', async () => {
    const result = await run('cd sub; cd..; (Get-Location).Path; cd\\; (Get-Location).Path');
    expect(result.err).toBe('');
    expect(result.out.trim().split('\n')).toEqual([dir, '/']);
  });
});
