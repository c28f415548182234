import { expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { ProviderItem } from '../provider/types.js';
import type { ContractState } from './contract.js';
import { childNames, collect, contractPaths, leafKey, namesIn, readText } from './seed.js';

/** The tests every provider runs, writable or not: resolving, listing, reading, walking. */
export function readContract(s: ContractState): void {
  it('has a container at the drive root and nothing at a missing path', async () => {
    await s.seed();
    expect((await s.provider.getItem(s.drive.root, s.ctx))?.isContainer).toBe(true);
    expect(await s.provider.getItem(s.at('missing'), s.ctx)).toBeUndefined();
    expect(await s.provider.getItem(s.at('top.txt', 'below-a-leaf'), s.ctx)).toBeUndefined();
    if (!s.options.cannot?.nest) {
      expect(await s.provider.getItem(s.at('docs', 'missing.txt'), s.ctx)).toBeUndefined();
    }
  });

  it('lists each container one level deep with names, kinds and properties', async () => {
    await s.seed();
    const containers = ['', ...Object.keys(s.tree).filter((key) => key.endsWith('/'))];
    for (const key of containers.map((entry) => entry.replace(/\/$/, ''))) {
      const path = key === '' ? s.drive.root : s.at(...key.split('/'));
      expect(await childNames(s.provider, path, s.ctx), path).toEqual(namesIn(s.tree, key));

      const listed: ProviderItem[] = await collect(s.provider.getChildItems(path, s.ctx));
      for (const item of listed) {
        const child = key === '' ? item.name : `${key}/${item.name}`;
        expect(item.isContainer, child).toBe(`${child}/` in s.tree);
        expect(item.typeNames.length).toBeGreaterThan(0);
        expect(item.properties.Name).toBe(item.name);
      }
    }
  });

  it('finds every seeded item by path, with the size of each leaf', async () => {
    await s.seed();
    for (const key of Object.keys(s.tree)) {
      const names = key.replace(/\/$/, '').split('/');
      const item = await s.provider.getItem(s.at(...names), s.ctx);
      expect(item, key).toMatchObject({ name: names.at(-1), isContainer: key.endsWith('/') });
      if (!key.endsWith('/') && item?.size !== undefined) {
        expect(item.size).toBe(Buffer.byteLength(s.tree[key]));
      }
    }
  });

  it('reads content whole and from an offset, with a truthful size and MD5', async () => {
    if (!s.provider.getContent) return;
    await s.seed();
    const readme = s.leaf('readme.txt');
    expect(await readText(s.provider, readme, s.ctx)).toBe(textOf(s, 'readme.txt'));
    expect(await readText(s.provider, s.leaf('digits.txt'), s.ctx, 4)).toBe('456789');

    const content = await s.provider.getContent!(s.at('top.txt'), s.ctx);
    if (content.size !== undefined) expect(content.size).toBe(9);
    if (content.md5 !== undefined) expect(content.md5).toBe(md5('top level'));
  });

  it('stops reading when the operation is cancelled', async () => {
    if (!s.provider.getContent) return;
    await s.seed();
    const controller = new AbortController();
    const content = await s.provider.getContent!(s.at('top.txt'), s.ctx);
    controller.abort();
    const reading = (async () => {
      for await (const chunk of await content.open(0, controller.signal)) void chunk;
    })();
    await expect(reading).rejects.toThrow();
  });

  it('follows its case rule when resolving names', async () => {
    await s.seed();
    const shouted = leafKey(s.tree, 'readme.txt').toUpperCase().split('/');
    const found = await s.provider.getItem(s.at(...shouted), s.ctx);
    if (s.provider.caseSensitive) expect(found).toBeUndefined();
    else expect(found).toMatchObject({ name: 'readme.txt', isContainer: false });
  });

  it('walks parents before children when it can walk', async () => {
    if (!s.provider.walk) return;
    await s.seed();
    const walked = await collect(s.provider.walk(s.drive.root, s.ctx));
    const order = walked.map((entry) => entry.path);
    expect([...order].sort()).toEqual(contractPaths(s.drive.root, s.tree).sort());
    for (const [index, path] of order.entries()) {
      const parent = path.slice(0, path.lastIndexOf('/'));
      if (order.includes(parent)) expect(order.indexOf(parent)).toBeLessThan(index);
    }
  });

  it.skipIf(!s.options.cannot?.write)(
    'implements no changing method when it declares itself read-only',
    () => {
      for (const method of ['newItem', 'setContent', 'removeItem', 'clearContent'] as const) {
        expect(typeof s.provider[method], method).not.toBe('function');
      }
    },
  );
}

/** The seeded text of the leaf called `name`. */
function textOf(s: ContractState, name: string): string {
  return s.tree[leafKey(s.tree, name)];
}

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}
