import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ProviderEngine } from '../../src/provider/index.js';
import { navigationCmdlets } from '../../src/shell/cmdlets/navigation/index.js';
import { collect, fileSystemEngine, makeTree, setMtime, tempFolder } from './helpers.js';
import { createMemoryProvider } from './memory-provider.js';
import { messages, runCmdlet } from './cmdlet-context.js';

const cmdlet = (name: string) => navigationCmdlets.find((c) => c.name === name)!;

let dir: string;
let cleanup: () => Promise<void>;
let engine: ProviderEngine;

beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
  await makeTree(dir, { 'up/a.txt': 'A', 'up/inner/b.txt': 'BB' });
  await setMtime(path.join(dir, 'up/a.txt'), new Date('2019-05-06T07:08:09Z'));
  engine = await fileSystemEngine(dir);
  engine.registerProvider(createMemoryProvider());
  await engine.newDrive('memorystore', { name: 'M', root: '/' });
  await engine.newItem(engine.lexicalPath('M:\\Docs'), 'folder', undefined);
  await engine.writeText(engine.lexicalPath('M:\\Docs\\Readme.TXT'), 'hello\n', false);
});

afterEach(() => cleanup());

describe('a drive of another provider', () => {
  it('shows drive paths with the provider separator and PSPath that resolves back', async () => {
    const [item] = await engine.resolve('M:/docs/readme.txt');
    expect(item.path.display).toBe('M:\\docs\\readme.txt');
    const object = engine.toPipelineObject(item);
    expect(object).toMatchObject({
      PSPath: 'Memory::M:\\docs\\readme.txt',
      PSParentPath: 'Memory::M:\\docs',
      PSDrive: 'M',
      PSProvider: 'Memory',
    });
    const [again] = await engine.resolve(String(object.PSPath), { literal: true });
    expect(again.item.name).toBe('Readme.TXT');
  });

  it('treats M: as the drive location and M:\\ as its root, and Provider::\\ as its first drive', async () => {
    await engine.setLocation('M:\\Docs');
    await engine.setLocation(dir);
    expect((await engine.resolve('M:'))[0].path.display).toBe('M:\\Docs');
    expect((await engine.resolve('M:\\'))[0].path.display).toBe('M:\\');
    expect((await engine.resolve('Memory::\\Docs'))[0].path.display).toBe('M:\\Docs');
    await engine.setLocation('M:');
    expect(engine.currentLocation()).toMatchObject({ drive: 'M', display: 'M:\\Docs' });
    await engine.newItem(engine.lexicalPath('M:\\home'), 'folder', undefined);
    await engine.setLocation('~');
    expect(engine.currentLocation()).toMatchObject({ providerPath: '/home', display: 'M:\\home' });
  });

  it('globs case-insensitively', async () => {
    const found = await engine.resolve('M:\\D*\\*.txt');
    expect(found.map((f) => f.item.name)).toEqual(['Readme.TXT']);
  });

  it('refuses verbs the provider lacks with one message', async () => {
    const run = await runCmdlet(cmdlet('Rename-Item'), engine, { Path: 'M:\\Docs', NewName: 'X' });
    expect(messages(run.errors)).toEqual([
      'Provider operation stopped because the provider does not support this operation.',
    ]);
    expect(run.errors[0]).toMatchObject({ errorId: 'NotSupported' });
  });

  it('reports a sub-folder that cannot be listed and goes on with the rest', async () => {
    await engine.newItem(engine.lexicalPath('M:\\Docs\\broken'), 'folder', undefined);
    await engine.newItem(engine.lexicalPath('M:\\Docs\\fine'), 'folder', undefined);
    await engine.writeText(engine.lexicalPath('M:\\Docs\\fine\\f.txt'), 'f', false);
    const run = await runCmdlet(cmdlet('Get-ChildItem'), engine, {
      Path: ['M:\\Docs'],
      Depth: 1,
      Name: true,
    });
    expect(run.output).toEqual(['broken', 'fine', 'Readme.TXT', 'fine\\f.txt']);
    expect(messages(run.errors)).toEqual([
      "Attempting to perform the GetChildItems operation on the 'Memory' provider failed for " +
        "path 'M:\\Docs\\broken'. the folder cannot be read",
    ]);
  });

  it('wraps a provider failure with the operation, provider and path', async () => {
    await expect(engine.resolve('M:\\boom')).rejects.toThrow(
      "Attempting to perform the GetItem operation on the 'Memory' provider failed for path " +
        "'M:\\boom'. the store fell over",
    );
  });

  it('completes paths in the form typed, containers only when asked', async () => {
    await engine.newItem(engine.lexicalPath('M:\\Docs\\Sub'), 'folder', undefined);
    const signal = new AbortController().signal;
    const all = await engine.completePath('M:\\docs\\', { containersOnly: false, signal });
    expect(all.map((c) => [c.path, c.isContainer])).toEqual([
      ['M:\\docs\\Readme.TXT', false],
      ['M:\\docs\\Sub', true],
    ]);
    const folders = await engine.completePath('M:/Docs/s', { containersOnly: true, signal });
    expect(folders.map((c) => c.path)).toEqual(['M:/Docs/Sub']);
    const local = await engine.completePath('up/i', { containersOnly: false, signal });
    expect(local.map((c) => c.path)).toEqual(['up/inner']);
    const drives = await engine.completePath('m', { containersOnly: true, signal });
    expect(drives).toEqual([
      { path: 'M:', isContainer: true, typeName: 'System.Management.Automation.PSDriveInfo' },
    ]);
  });
});

describe('Copy-Item across providers', () => {
  it('uploads a folder tree and downloads it again, keeping bytes and times', async () => {
    const up = await runCmdlet(cmdlet('Copy-Item'), engine, {
      Path: ['up'],
      Destination: 'M:\\',
      Recurse: true,
    });
    expect(up.errors).toEqual([]);
    await engine.writeText(engine.lexicalPath('M:\\up\\z.txt'), 'z', false);
    const [root] = await engine.resolve('M:\\up');
    const listed = await collect(engine.childItems(root, { recurse: true }));
    // The walk comes depth first; the engine lists each container's children together.
    const order = ['a.txt', 'inner', 'z.txt', 'inner\\b.txt'];
    expect(listed.map((entry) => entry.relative)).toEqual(order);
    const limited = await collect(engine.childItems(root, { depth: 0 }));
    expect(limited.map((entry) => entry.relative)).toEqual(['a.txt', 'inner', 'z.txt']);

    const down = await runCmdlet(cmdlet('Copy-Item'), engine, {
      Path: ['M:\\up'],
      Destination: 'back',
      Recurse: true,
    });
    expect(down.errors).toEqual([]);
    expect(await readFile(path.join(dir, 'back/inner/b.txt'), 'utf8')).toBe('BB');
    expect((await stat(path.join(dir, 'back/a.txt'))).mtime.toISOString()).toBe(
      '2019-05-06T07:08:09.000Z',
    );

    const again = await runCmdlet(cmdlet('Copy-Item'), engine, {
      Path: ['up'],
      Destination: 'M:\\',
      Recurse: true,
    });
    expect(again.verbose.filter((line) => line.startsWith('Skipped'))).toHaveLength(2);
  });

  it('reports a part of a tree it cannot copy and copies the rest', async () => {
    await engine.newItem(engine.lexicalPath('M:\\Docs\\broken'), 'folder', undefined);
    const run = await runCmdlet(cmdlet('Copy-Item'), engine, {
      Path: ['M:\\Docs'],
      Destination: 'down',
      Recurse: true,
    });
    expect(messages(run.errors)).toEqual([
      "Attempting to perform the GetChildItems operation on the 'Memory' provider failed for " +
        "path 'M:\\Docs\\broken'. the folder cannot be read",
    ]);
    expect(await readFile(path.join(dir, 'down/Readme.TXT'), 'utf8')).toBe('hello\n');
  });

  it('streams a copy within a drive whose provider cannot copy', async () => {
    const run = await runCmdlet(cmdlet('Copy-Item'), engine, {
      Path: ['M:\\Docs'],
      Destination: 'M:\\Copy',
      Recurse: true,
    });
    expect(run.errors).toEqual([]);
    const read = await runCmdlet(cmdlet('Get-Content'), engine, { Path: ['M:\\Copy\\readme.txt'] });
    expect(read.output).toEqual(['hello']);
  });

  it('writes content with Set-Content and reads it with Get-Content on the other provider', async () => {
    await runCmdlet(cmdlet('Set-Content'), engine, {
      Path: ['M:\\Docs\\n.txt'],
      Value: ['a', 'b'],
    });
    const read = await runCmdlet(cmdlet('Get-Content'), engine, { Path: ['m:\\docs\\N.TXT'] });
    expect(read.output).toEqual(['a', 'b']);
  });

  it('creates with generic item types mapped to the provider types', async () => {
    const run = await runCmdlet(cmdlet('New-Item'), engine, {
      Path: ['M:\\Docs\\G'],
      ItemType: 'Directory',
    });
    expect(run.errors).toEqual([]);
    expect(run.output[0]).toMatchObject({ PSIsContainer: true, PSPath: 'Memory::M:\\Docs\\G' });
    const legacy = await runCmdlet(cmdlet('New-Item'), engine, {
      Path: ['M:\\Docs'],
      ItemType: 'folder',
      Value: 'FromValue',
    });
    expect(legacy.output[0]).toMatchObject({ PSPath: 'Memory::M:\\Docs\\FromValue' });
  });
});

describe('default drives', () => {
  it('mounts asynchronous default drives, and one failure spoils only ready()', async () => {
    const memory = createMemoryProvider();
    const provider = {
      ...memory,
      name: 'Later',
      aliases: [],
      defaultDrives: async () => [
        { name: 'L', root: '/' },
        { name: 'Bad', root: '/' },
      ],
      newDrive: async (definition: { name: string }) => {
        if (definition.name === 'Bad') throw new Error('no login for Bad');
        return {};
      },
    };
    engine.registerProvider(provider);
    await expect(engine.ready()).rejects.toThrow('no login for Bad');
    expect((await engine.resolve('L:\\'))[0].item.isContainer).toBe(true);
    expect(engine.getDrives().map((drive) => drive.name)).toEqual(['/', 'M', 'L']);
  });
});
