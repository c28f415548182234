import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProviderEngine } from '../../src/provider/index.js';
import { navigationCmdlets } from '../../src/shell/cmdlets/navigation/index.js';
import { fileSystemEngine, makeTree, tempFolder } from './helpers.js';
import { messages, runCmdlet } from './cmdlet-context.js';

const cmdlet = (name: string) => navigationCmdlets.find((c) => c.name === name)!;

let dir: string;
let cleanup: () => Promise<void>;
let engine: ProviderEngine;

beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
  await makeTree(dir, { 'a.txt': 'A', 'b.log': 'BB', 'sub/c.txt': 'C', 'sub/deep/d.txt': 'D' });
  engine = await fileSystemEngine(dir);
});

afterEach(() => cleanup());

describe('Get-ChildItem and Get-Item', () => {
  it('writes items with the PSPath family and FileSystem properties', async () => {
    const run = await runCmdlet(cmdlet('Get-ChildItem'), engine, {});
    const names = run.output.map((o) => (o as { Name: string }).Name);
    expect(names).toEqual(['a.txt', 'b.log', 'sub']);
    expect(run.output[0]).toMatchObject({
      PSPath: `FileSystem::${dir}/a.txt`,
      PSParentPath: `FileSystem::${dir}`,
      PSDrive: '/',
      PSProvider: 'FileSystem',
      PSIsContainer: false,
      Length: 1,
      Mode: '-a---',
      Extension: '.txt',
      FullName: path.join(dir, 'a.txt'),
    });
    expect((run.output[2] as { Mode: string }).Mode).toBe('d----');
  });

  it('lists names relative to the path with -Name -Recurse', async () => {
    const run = await runCmdlet(cmdlet('Get-ChildItem'), engine, {
      Name: true,
      Recurse: true,
      Filter: '*.txt',
    });
    expect(run.output).toEqual(['a.txt', 'sub/c.txt', 'sub/deep/d.txt']);
  });

  it('keeps only files or only folders with -File and -Directory', async () => {
    const files = await runCmdlet(cmdlet('Get-ChildItem'), engine, {
      Recurse: true,
      File: true,
      Name: true,
    });
    expect(files.output).toEqual(['a.txt', 'b.log', 'sub/c.txt', 'sub/deep/d.txt']);
    const folders = await runCmdlet(cmdlet('Get-ChildItem'), engine, {
      Recurse: true,
      Directory: true,
      Name: true,
    });
    expect(folders.output).toEqual(['sub', 'sub/deep']);
    await writeFile(path.join(dir, '.secret'), 's');
    const hidden = await runCmdlet(cmdlet('Get-ChildItem'), engine, { Hidden: true, Name: true });
    expect(hidden.output).toEqual(['.secret']);
  });

  it('matches a wildcard leaf at every level with -Recurse, as PowerShell does', async () => {
    const run = await runCmdlet(cmdlet('Get-ChildItem'), engine, {
      Path: ['*.txt'],
      Recurse: true,
      Name: true,
    });
    expect(run.output).toEqual(['a.txt', 'sub/c.txt', 'sub/deep/d.txt']);
    const deep = await runCmdlet(cmdlet('Get-ChildItem'), engine, {
      Path: ['s*/d*'],
      Recurse: true,
    });
    expect(deep.output.map((o) => (o as { Name: string }).Name)).toEqual(['deep', 'd.txt']);
  });

  it('reports a missing path and goes on with the next one', async () => {
    const run = await runCmdlet(cmdlet('Get-Item'), engine, { Path: ['nope', 'a.txt'] });
    expect(messages(run.errors)).toEqual([
      `Cannot find path '${dir}/nope' because it does not exist.`,
    ]);
    expect(run.output).toHaveLength(1);
  });
});

describe('New-Item, mkdir, Remove-Item', () => {
  it('creates files with content and directories by type prefix', async () => {
    await runCmdlet(cmdlet('New-Item'), engine, { Path: ['n.txt'], Value: 'hello' });
    expect(await readFile(path.join(dir, 'n.txt'), 'utf8')).toBe('hello');
    const made = await runCmdlet(cmdlet('New-Item'), engine, {
      Path: ['.'],
      Name: 'folder',
      ItemType: 'd',
    });
    expect(made.output[0]).toMatchObject({ Name: 'folder', PSIsContainer: true });
    const md = await runCmdlet(cmdlet('mkdir'), engine, { Path: ['x/y'] });
    expect(md.errors).toEqual([]);
    expect((await stat(path.join(dir, 'x/y'))).isDirectory()).toBe(true);
    const orphan = await runCmdlet(cmdlet('New-Item'), engine, { Path: ['no/such/file.txt'] });
    expect(messages(orphan.errors)).toEqual([
      `Could not find a part of the path '${dir}/no/such/file.txt'.`,
    ]);
  });

  it('refuses existing items with PowerShell messages and unknown types', async () => {
    const run = await runCmdlet(cmdlet('New-Item'), engine, {
      Path: ['sub', 'a.txt'],
      ItemType: 'Directory',
    });
    expect(messages(run.errors)).toEqual([
      `An item with the specified name ${dir}/sub already exists.`,
      `The file '${dir}/a.txt' already exists.`,
    ]);
    const bad = await runCmdlet(cmdlet('New-Item'), engine, { Path: ['q'], ItemType: 'blob' });
    expect(messages(bad.errors)[0]).toContain('"File", "Directory"');
  });

  it('says what it would do under -WhatIf and does nothing', async () => {
    const run = await runCmdlet(
      cmdlet('Remove-Item'),
      engine,
      { Path: ['*.txt'] },
      { whatIf: true },
    );
    expect(run.whatIf).toEqual([
      `What if: Performing the operation "Remove File" on target "${dir}/a.txt".`,
    ]);
    expect((await stat(path.join(dir, 'a.txt'))).isFile()).toBe(true);
  });

  it('asks before removing children, and refuses the current location', async () => {
    const declined = await runCmdlet(
      cmdlet('Remove-Item'),
      engine,
      { Path: ['sub'] },
      { answer: false },
    );
    expect(declined.errors).toEqual([]);
    await expect(stat(path.join(dir, 'sub'))).resolves.toBeTruthy();

    await engine.setLocation('sub/deep');
    const inUse = await runCmdlet(cmdlet('Remove-Item'), engine, {
      Path: [path.join(dir, 'sub')],
      Recurse: true,
    });
    expect(messages(inUse.errors)).toEqual([
      `Cannot remove the item at '${dir}/sub' because it is in use.`,
    ]);

    await engine.setLocation(dir);
    await runCmdlet(cmdlet('Remove-Item'), engine, { Path: ['sub'] }, { answer: true });
    await expect(stat(path.join(dir, 'sub'))).rejects.toThrow();
  });

  it('removes piped items bound by PSPath to -LiteralPath', async () => {
    const listed = await runCmdlet(cmdlet('Get-ChildItem'), engine, {
      Filter: '*.txt',
      Recurse: true,
    });
    const removed = await runCmdlet(
      cmdlet('Remove-Item'),
      engine,
      {},
      {
        input: listed.output,
        bindInput: (record) => ({ LiteralPath: [(record as { PSPath: string }).PSPath] }),
      },
    );
    expect(removed.errors).toEqual([]);
    const left = await runCmdlet(cmdlet('Get-ChildItem'), engine, { Name: true, Recurse: true });
    expect(left.output).toEqual(['b.log', 'sub', 'sub/deep']);
  });
});

describe('Rename-Item and Move-Item', () => {
  it('renames within the container and refuses paths and collisions', async () => {
    const run = await runCmdlet(cmdlet('Rename-Item'), engine, {
      Path: 'a.txt',
      NewName: 'z.txt',
      PassThru: true,
    });
    expect(run.output[0]).toMatchObject({ Name: 'z.txt' });
    const missing = await runCmdlet(cmdlet('Rename-Item'), engine, { Path: 'a.txt', NewName: 'y' });
    expect(messages(missing.errors)).toEqual([
      "Cannot rename because item at 'a.txt' does not exist.",
    ]);
    const clash = await runCmdlet(cmdlet('Rename-Item'), engine, {
      Path: 'z.txt',
      NewName: 'b.log',
    });
    expect(messages(clash.errors)).toEqual(['Cannot create a file when that file already exists.']);
  });

  it('moves into an existing container', async () => {
    await runCmdlet(cmdlet('Move-Item'), engine, { Path: ['*.txt'], Destination: 'sub' });
    expect(await readFile(path.join(dir, 'sub/a.txt'), 'utf8')).toBe('A');
    const moveIntoSelf = await runCmdlet(cmdlet('Move-Item'), engine, {
      Path: ['sub'],
      Destination: 'sub/deep',
    });
    expect(messages(moveIntoSelf.errors)[0]).toContain('cannot be a subdirectory of the source');
  });
});

describe('content', () => {
  it('reads lines, head, tail and raw text (CRLF too)', async () => {
    await writeFile(path.join(dir, 'lines.txt'), 'one\r\ntwo\nthree\n');
    const get = (params: Record<string, unknown>) =>
      runCmdlet(cmdlet('Get-Content'), engine, { Path: ['lines.txt'], ...params });
    expect((await get({})).output).toEqual(['one', 'two', 'three']);
    expect((await get({ TotalCount: 2 })).output).toEqual(['one', 'two']);
    expect((await get({ Tail: 1 })).output).toEqual(['three']);
    expect((await get({ Raw: true })).output).toEqual(['one\r\ntwo\nthree\n']);
    expect((await get({ ReadCount: 0 })).output).toEqual([['one', 'two', 'three']]);
    expect((await get({ ReadCount: 2 })).output).toEqual([['one', 'two'], ['three']]);
    const folder = await runCmdlet(cmdlet('Get-Content'), engine, { Path: ['sub'] });
    expect(messages(folder.errors)[0]).toBe(
      `Unable to get content because it is a directory: '${dir}/sub'. Please use 'Get-ChildItem' instead.`,
    );
  });

  it('sets, appends from the pipeline, and clears', async () => {
    await runCmdlet(cmdlet('Set-Content'), engine, { Path: ['s.txt'], Value: ['x', 'y'] });
    expect(await readFile(path.join(dir, 's.txt'), 'utf8')).toBe('x\ny\n');
    await runCmdlet(
      cmdlet('Set-Content'),
      engine,
      { Path: ['s.txt'] },
      {
        input: ['1', '2', '3'],
        bindInput: (record) => ({ Value: [record] }),
      },
    );
    expect(await readFile(path.join(dir, 's.txt'), 'utf8')).toBe('1\n2\n3\n');
    await runCmdlet(
      cmdlet('Set-Content'),
      engine,
      { LiteralPath: ['s.txt'] },
      {
        input: ['1', '2', '3'],
        bindInput: (record) => ({ Value: [record] }),
      },
    );
    expect(await readFile(path.join(dir, 's.txt'), 'utf8')).toBe('1\n2\n3\n');
    const items = await runCmdlet(cmdlet('Get-ChildItem'), engine, { Filter: '*.txt' });
    await runCmdlet(
      cmdlet('Set-Content'),
      engine,
      { Value: ['same'] },
      {
        input: items.output,
        bindInput: (record) => ({ LiteralPath: [(record as { PSPath: string }).PSPath] }),
      },
    );
    expect(await readFile(path.join(dir, 'a.txt'), 'utf8')).toBe('same\n');
    expect(await readFile(path.join(dir, 's.txt'), 'utf8')).toBe('same\n');
    await runCmdlet(cmdlet('Set-Content'), engine, { Path: ['s.txt'], Value: ['1', '2', '3'] });
    await runCmdlet(cmdlet('Add-Content'), engine, { Path: ['s.txt'], Value: ['4'] });
    expect(await readFile(path.join(dir, 's.txt'), 'utf8')).toBe('1\n2\n3\n4\n');
    await runCmdlet(cmdlet('Clear-Content'), engine, { Path: ['s.txt'] });
    expect(await readFile(path.join(dir, 's.txt'), 'utf8')).toBe('');
  });
});
