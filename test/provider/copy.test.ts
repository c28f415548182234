import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProviderEngine } from '../../src/provider/index.js';
import { navigationCmdlets } from '../../src/shell/cmdlets/navigation/index.js';
import { fileSystemEngine, makeTree, setMtime, tempFolder } from './helpers.js';
import { messages, runCmdlet } from './cmdlet-context.js';

const cmdlet = (name: string) => navigationCmdlets.find((c) => c.name === name)!;

let dir: string;
let cleanup: () => Promise<void>;
let engine: ProviderEngine;
const big = randomBytes(3 * 1024 * 1024 + 17);
const then = new Date('2021-03-04T05:06:07Z');

beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
  await makeTree(dir, {
    'src/tree/a.txt': 'A',
    'src/tree/inner/b.txt': 'BB',
    'src/empty/': '',
    'dst/': '',
  });
  await writeFile(path.join(dir, 'src/tree/big.bin'), big);
  await setMtime(path.join(dir, 'src/tree/big.bin'), then);
  engine = await fileSystemEngine(dir);
  for (const [name, root] of [
    ['Src', 'src'],
    ['Dst', 'dst'],
  ]) {
    const run = await runCmdlet(cmdlet('New-PSDrive'), engine, {
      Name: name,
      PSProvider: 'FileSystem',
      Root: root,
    });
    expect(run.errors).toEqual([]);
  }
});

afterEach(() => cleanup());

describe('Copy-Item between drives', () => {
  it('streams a tree, keeping bytes and modification times, with progress', async () => {
    const run = await runCmdlet(cmdlet('Copy-Item'), engine, {
      Path: ['Src:\\tree'],
      Destination: 'Dst:\\',
      Recurse: true,
      PassThru: true,
    });
    expect(run.errors).toEqual([]);
    expect(run.output[0]).toMatchObject({ PSPath: 'FileSystem::Dst:/tree', PSIsContainer: true });

    const copied = path.join(dir, 'dst/tree');
    expect((await readFile(path.join(copied, 'big.bin'))).equals(big)).toBe(true);
    expect(await readFile(path.join(copied, 'inner/b.txt'), 'utf8')).toBe('BB');
    const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
    expect(seconds((await stat(path.join(copied, 'big.bin'))).mtime)).toBe(seconds(then));

    const bytes = run.progress.filter((event) => event.status?.endsWith('big.bin'));
    expect(bytes.length).toBeGreaterThanOrEqual(3);
    expect(bytes.at(-1)).toMatchObject({ bytesDone: big.length, bytesTotal: big.length });
    expect(run.progress.at(-1)).toMatchObject({ completed: true, itemsDone: 5 });
  });

  it('skips files whose size and MD5 already match, and rewrites changed ones', async () => {
    const args = { Path: ['Src:\\tree'], Destination: 'Dst:\\', Recurse: true };
    await runCmdlet(cmdlet('Copy-Item'), engine, args);
    await writeFile(path.join(dir, 'dst/tree/a.txt'), 'Z');

    const again = await runCmdlet(cmdlet('Copy-Item'), engine, args);
    const skipped = again.verbose.filter((line) => line.startsWith('Skipped'));
    // Leaves go several at a time, so the order of the messages is not fixed.
    const names = skipped.map((line) => path.basename(line.split("'")[1]));
    expect(names.sort()).toEqual(['b.txt', 'big.bin']);
    expect(await readFile(path.join(dir, 'dst/tree/a.txt'), 'utf8')).toBe('A');
  });

  it('copies only the container without -Recurse, and refuses a container onto a leaf', async () => {
    await runCmdlet(cmdlet('Copy-Item'), engine, { Path: ['Src:\\tree'], Destination: 'Dst:\\t2' });
    expect(await readdir(path.join(dir, 'dst/t2'))).toEqual([]);
    await writeFile(path.join(dir, 'dst/leaf'), '');
    const run = await runCmdlet(cmdlet('Copy-Item'), engine, {
      Path: ['Src:\\tree'],
      Destination: 'Dst:\\leaf',
    });
    expect(messages(run.errors)).toEqual(['Container cannot be copied onto existing leaf item.']);
  });

  it('leaves no partial file and no temporary file when aborted', async () => {
    const controller = new AbortController();
    const run = runCmdlet(
      cmdlet('Copy-Item'),
      engine,
      { Path: ['Src:\\tree\\big.bin'], Destination: 'Dst:\\' },
      { signal: controller.signal },
    );
    controller.abort();
    const result = await run;
    expect(result.errors.length).toBe(1);
    expect(await readdir(path.join(dir, 'dst'))).toEqual([]);
  });

  it('moves across drives by copying then removing', async () => {
    const run = await runCmdlet(cmdlet('Move-Item'), engine, {
      Path: ['Src:\\tree'],
      Destination: 'Dst:\\moved',
    });
    expect(run.errors).toEqual([]);
    expect(await readFile(path.join(dir, 'dst/moved/inner/b.txt'), 'utf8')).toBe('BB');
    await expect(stat(path.join(dir, 'src/tree'))).rejects.toThrow();
  });
});

describe('Copy-Item within a drive', () => {
  it('uses the provider copy, recursively', async () => {
    const run = await runCmdlet(cmdlet('Copy-Item'), engine, {
      Path: ['src/tree'],
      Destination: 'copy',
      Recurse: true,
    });
    expect(run.errors).toEqual([]);
    expect(await readFile(path.join(dir, 'copy/inner/b.txt'), 'utf8')).toBe('BB');
    const self = await runCmdlet(cmdlet('Copy-Item'), engine, {
      Path: ['src/tree'],
      Destination: 'src/tree/inner',
      Recurse: true,
    });
    expect(messages(self.errors)[0]).toContain('cannot be a subdirectory of the source');
  });
});
