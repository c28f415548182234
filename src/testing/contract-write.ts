import { expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ContentSource } from '../provider/types.js';
import { md5Of } from '../provider/copy.js';
import { containerType, type ContractState } from './contract.js';
import { childNames, collect, readText, textSource } from './seed.js';

/** The tests of a writable provider: creating, writing safely, removing, renaming, moving. */
export function writeContract(s: ContractState): void {
  const make = (path: string, type?: string, value?: unknown) =>
    s.provider.newItem!(path, type ?? containerType(s.options), value, s.ctx);
  const write = (path: string, text: string) =>
    s.provider.setContent!(path, textSource(text), s.ctx);
  const names = (path: string, force = false) => childNames(s.provider, path, { ...s.ctx, force });
  const leafType = s.options.leafType ?? 'File';
  const flat = s.options.cannot?.nest === true;
  const neitherMoveNorCopy = s.options.cannot?.move === true && s.options.cannot?.copy === true;

  it('creates containers and leaves that list with names, types and properties', async () => {
    const folder = flat ? [] : ['folder'];
    if (folder.length > 0) {
      expect(await make(s.at(...folder))).toMatchObject({ name: 'folder', isContainer: true });
    }

    const leaf = await make(s.at(...folder, 'leaf.txt'), leafType);
    expect(leaf).toMatchObject({ name: 'leaf.txt', isContainer: false });
    expect(leaf.typeNames.length).toBeGreaterThan(0);
    expect(leaf.properties.Name).toBe('leaf.txt');

    const listed = await collect(s.provider.getChildItems(s.at(...folder), s.ctx));
    expect(listed.map((item) => [item.name, item.isContainer])).toEqual([['leaf.txt', false]]);
  });

  it('writes content, replaces it, and reports size and MD5 on read', async () => {
    await write(s.at('a.txt'), 'first');
    const item = await write(s.at('a.txt'), 'second!');
    expect(item).toMatchObject({ name: 'a.txt', isContainer: false });
    expect(await readText(s.provider, s.at('a.txt'), s.ctx)).toBe('second!');

    const content = await s.provider.getContent!(s.at('a.txt'), s.ctx);
    expect(content.size ?? (await s.provider.getItem(s.at('a.txt'), s.ctx))?.size).toBe(7);
    expect(await md5Of(content)).toBe(md5('second!'));
  });

  it.skipIf(s.options.cannot?.keepModified === true)(
    'keeps the source modification time',
    async () => {
      const when = new Date('2020-01-02T03:04:05Z');
      const item = await s.provider.setContent!(
        s.at('t.txt'),
        textSource('t', { lastWriteTime: when }),
        s.ctx,
      );
      const written = item.lastWriteTime ?? (item.properties.LastWriteTime as Date);
      expect(Math.floor(written.getTime() / 1000)).toBe(when.getTime() / 1000);
    },
  );

  it('never leaves a partial item: wrong MD5 or an aborted stream keep the old content', async () => {
    await write(s.at('keep.txt'), 'original');
    const lying = textSource('other', { md5: md5('not this') });
    await expect(s.provider.setContent!(s.at('keep.txt'), lying, s.ctx)).rejects.toThrow();
    expect(await readText(s.provider, s.at('keep.txt'), s.ctx)).toBe('original');

    const controller = new AbortController();
    const stalled: ContentSource = {
      size: 1 << 20,
      open: async () =>
        Readable.from(
          (async function* () {
            yield Buffer.alloc(1024, 1);
            controller.abort();
            yield Buffer.alloc(1024, 2);
          })(),
        ),
    };
    const aborting = { ...s.ctx, signal: controller.signal };
    await expect(s.provider.setContent!(s.at('keep.txt'), stalled, aborting)).rejects.toThrow();
    await expect(s.provider.setContent!(s.at('new.txt'), stalled, aborting)).rejects.toThrow();
    expect(await readText(s.provider, s.at('keep.txt'), s.ctx)).toBe('original');
    expect(await names(s.drive.root, true)).toEqual(['keep.txt']);
  });

  it('clears content and removes leaves and whole containers', async () => {
    if (!flat) {
      await make(s.at('d'));
      await write(s.at('d', 'x.txt'), 'x');
    }
    await write(s.at('y.txt'), 'y');

    if (s.provider.clearContent) {
      await s.provider.clearContent(s.at('y.txt'), s.ctx);
      expect(await readText(s.provider, s.at('y.txt'), s.ctx)).toBe('');
    }

    await s.provider.removeItem!(s.at('y.txt'), { recurse: false }, s.ctx);
    if (!flat) await s.provider.removeItem!(s.at('d'), { recurse: true }, s.ctx);
    expect(await names(s.drive.root)).toEqual([]);
  });

  it.skipIf(flat)('removes an empty container without -Recurse', async () => {
    await make(s.at('empty'));

    await s.provider.removeItem!(s.at('empty'), { recurse: false }, s.ctx);

    expect(await names(s.drive.root)).toEqual([]);
  });

  it.skipIf(s.options.cannot?.rename === true)('renames within a container', async () => {
    await write(s.at('old.txt'), 'r');
    const renamed = await s.provider.renameItem!(s.at('old.txt'), 'new.txt', s.ctx);
    expect(renamed.name).toBe('new.txt');
    expect(await names(s.drive.root)).toEqual(['new.txt']);
  });

  it.skipIf(flat || neitherMoveNorCopy)('moves and copies trees', async () => {
    await make(s.at('src'));
    await make(s.at('src', 'inner'));
    await write(s.at('src', 'inner', 'f.txt'), 'f');
    await make(s.at('dst'));

    if (!s.options.cannot?.copy) {
      await s.provider.copyItem!(s.at('src'), s.at('dst', 'copy'), { recurse: true }, s.ctx);
      expect(await readText(s.provider, s.at('dst', 'copy', 'inner', 'f.txt'), s.ctx)).toBe('f');
    }

    if (!s.options.cannot?.move) {
      await s.provider.moveItem!(s.at('src'), s.at('dst', 'moved'), s.ctx);
      expect(await readText(s.provider, s.at('dst', 'moved', 'inner', 'f.txt'), s.ctx)).toBe('f');
      expect(await s.provider.getItem(s.at('src'), s.ctx)).toBeUndefined();
    }
  });

  it.skipIf(!flat || neitherMoveNorCopy)(
    'moves and copies leaves beside each other when it has no containers',
    async () => {
      await write(s.at('f.txt'), 'f');

      if (!s.options.cannot?.copy) {
        await s.provider.copyItem!(s.at('f.txt'), s.at('copy.txt'), { recurse: false }, s.ctx);
        expect(await readText(s.provider, s.at('copy.txt'), s.ctx)).toBe('f');
      }

      if (!s.options.cannot?.move) {
        await s.provider.moveItem!(s.at('f.txt'), s.at('moved.txt'), s.ctx);
        expect(await readText(s.provider, s.at('moved.txt'), s.ctx)).toBe('f');
        expect(await s.provider.getItem(s.at('f.txt'), s.ctx)).toBeUndefined();
      }
    },
  );
}

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}
