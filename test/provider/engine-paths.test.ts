import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import os from 'node:os';
import type { ProviderEngine } from '../../src/provider/index.js';
import { collect, fileSystemEngine, makeTree, tempFolder } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
let engine: ProviderEngine;

beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
  await makeTree(dir, {
    'a.txt': 'A',
    'b.log': 'BB',
    'sub/c.txt': 'C',
    'sub/deep/d.txt': 'D',
    '.hidden': 'H',
    'x[1].txt': 'X',
  });
  engine = await fileSystemEngine(dir);
});

afterEach(() => cleanup());

describe('path forms', () => {
  it('shows file system locations as native paths on the / drive', () => {
    expect(engine.currentLocation()).toEqual({ drive: '/', providerPath: dir, display: dir });
  });

  it('resolves relative, dot, dot-dot and both separators', async () => {
    await engine.setLocation('sub\\deep');
    expect(engine.currentLocation().display).toBe(path.join(dir, 'sub/deep'));
    await engine.setLocation('../..\\sub/./');
    expect(engine.currentLocation().display).toBe(path.join(dir, 'sub'));
  });

  it('keeps .. at the root', async () => {
    await engine.setLocation('/../../..');
    expect(engine.currentLocation().display).toBe('/');
  });

  it('expands ~ to the provider home', async () => {
    await engine.setLocation('~');
    expect(engine.currentLocation().providerPath).toBe(os.homedir());
  });

  it('accepts provider-qualified paths and PSPath back', async () => {
    const [item] = await engine.resolve(`FileSystem::${dir}/a.txt`);
    const object = engine.toPipelineObject(item);
    expect(object.PSPath).toBe(`FileSystem::${dir}/a.txt`);
    expect(object.PSParentPath).toBe(`FileSystem::${dir}`);
    expect(object.PSChildName).toBe('a.txt');
    expect(object.PSIsContainer).toBe(false);
    const [again] = await engine.resolve(String(object.PSPath), { literal: true });
    expect(again.path.providerPath).toBe(path.join(dir, 'a.txt'));
  });

  it('reports a missing path with PowerShell words', async () => {
    await expect(engine.resolve('nope.txt')).rejects.toThrow(
      `Cannot find path '${dir}/nope.txt' because it does not exist.`,
    );
    await expect(engine.resolve('Nope:\\x')).rejects.toMatchObject({
      message: "Cannot find drive. A drive with the name 'Nope' does not exist.",
      errorId: 'DriveNotFound',
    });
  });
});

describe('wildcards', () => {
  it('expands segment by segment, sorted', async () => {
    const found = await engine.resolve('s*/*/*.txt');
    expect(found.map((f) => f.path.display)).toEqual([path.join(dir, 'sub/deep/d.txt')]);
    const top = await engine.resolve('*.*');
    expect(top.map((f) => f.item.name)).toEqual(['a.txt', 'b.log', 'x[1].txt']);
  });

  it('returns nothing, without error, when a wildcard matches nothing', async () => {
    expect(await engine.resolve('*.zip')).toEqual([]);
  });

  it('honours backtick escapes and -LiteralPath', async () => {
    expect((await engine.resolve('x`[1`].txt'))[0].item.name).toBe('x[1].txt');
    expect((await engine.resolve('x[1].txt', { literal: true }))[0].item.name).toBe('x[1].txt');
    expect(await engine.resolve('x[1].txt')).toEqual([]);
  });
});

describe('child items', () => {
  it('lists children, hiding dot files unless forced', async () => {
    const [root] = await engine.resolve('.');
    const names = (await collect(engine.childItems(root))).map((c) => c.item.name);
    expect(names).toEqual(['a.txt', 'b.log', 'sub', 'x[1].txt']);
    const forced = (await collect(engine.childItems(root, { force: true }))).map(
      (c) => c.item.name,
    );
    expect(forced).toContain('.hidden');
  });

  it('recurses with depth, include and exclude', async () => {
    const [root] = await engine.resolve('.');
    const all = await collect(engine.childItems(root, { recurse: true, include: ['*.txt'] }));
    expect(all.map((c) => c.relative).sort()).toEqual(
      ['a.txt', 'sub/c.txt', 'sub/deep/d.txt', 'x[1].txt'].sort(),
    );
    const shallow = await collect(engine.childItems(root, { depth: 1, exclude: ['*.log', 'x*'] }));
    expect(shallow.map((c) => c.relative)).toEqual(['a.txt', 'sub', 'sub/c.txt', 'sub/deep']);
  });
});

describe('completion', () => {
  it('completes hidden names only when a dot is typed', async () => {
    const signal = new AbortController().signal;
    const plain = await engine.completePath('', { containersOnly: false, signal });
    expect(plain.map((c) => c.path)).toEqual(['a.txt', 'b.log', 'sub', 'x[1].txt']);
    const dotted = await engine.completePath('.h', { containersOnly: false, signal });
    expect(dotted).toEqual([
      { path: '.hidden', isContainer: false, typeName: 'Jafs.FileSystem.FileInfo' },
    ]);
    const inner = await engine.completePath(`${dir}/sub/`, { containersOnly: true, signal });
    expect(inner.map((c) => c.path)).toEqual([`${dir}/sub/deep`]);
  });
});
