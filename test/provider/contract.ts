import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  ProviderEngine,
  bufferSource,
  md5Of,
  type ContentSource,
  type DriveDefinition,
  type DriveInfo,
  type Provider,
  type ProviderContext,
  type ProviderItem,
} from '../../src/provider/index.js';
import { collect } from './helpers.js';

/** A provider under test and a drive whose root is an empty container the suite may fill. */
export interface ContractSubject {
  provider: Provider;
  drive: DriveDefinition;
  cleanup(): Promise<void>;
}

/** What a provider cannot do, declared instead of skipping tests ad hoc. */
export interface ContractOptions {
  /** New-Item types for a container and a leaf inside the drive root (`Directory`, `folder`). */
  containerType: string;
  leafType: string;
  cannot?: { rename?: boolean; move?: boolean; copy?: boolean; keepModified?: boolean };
}

/**
 * The behaviour every provider must show through the provider API, run against a fresh drive
 * for each test. A provider's test file calls this with its factory in a few lines.
 */
export function runProviderContract(
  name: string,
  factory: () => Promise<ContractSubject>,
  options: ContractOptions,
): void {
  describe(`provider contract: ${name}`, () => {
    let subject: ContractSubject;
    let drive: DriveInfo;
    let provider: Provider;
    let ctx: ProviderContext;
    const at = (...names: string[]) => [drive.root === '/' ? '' : drive.root, ...names].join('/');
    const make = (pathName: string, type: string, value?: unknown) =>
      provider.newItem!(pathName, type, value, ctx);
    const text = async (pathName: string) => {
      const content = await provider.getContent!(pathName, ctx);
      const chunks: Buffer[] = [];
      for await (const chunk of await content.open()) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    };
    const names = async (pathName: string, force = false) =>
      (await collect(provider.getChildItems(pathName, { ...ctx, force })))
        .map((i) => i.name)
        .sort();

    beforeEach(async () => {
      subject = await factory();
      provider = subject.provider;
      const engine = new ProviderEngine();
      engine.registerProvider(provider);
      await engine.ready();
      drive = await engine.newDrive(provider.name, { ...subject.drive, name: 'Contract' });
      ctx = contextOf(drive);
    });

    afterEach(() => subject.cleanup());

    it('has a container at the drive root and nothing at a missing path', async () => {
      expect((await provider.getItem(drive.root, ctx))?.isContainer).toBe(true);
      expect(await provider.getItem(at('missing'), ctx)).toBeUndefined();
      expect(await names(drive.root)).toEqual([]);
    });

    it('creates containers and leaves that list with names, types and properties', async () => {
      const folder = await make(at('folder'), options.containerType);
      const leaf = await make(at('folder', 'leaf.txt'), options.leafType);
      expect(folder).toMatchObject({ name: 'folder', isContainer: true });
      expect(leaf).toMatchObject({ name: 'leaf.txt', isContainer: false });
      expect(leaf.typeNames.length).toBeGreaterThan(0);
      expect(leaf.properties.Name).toBe('leaf.txt');

      const listed = await collect(provider.getChildItems(at('folder'), ctx));
      expect(listed.map((item) => [item.name, item.isContainer])).toEqual([['leaf.txt', false]]);
    });

    it('writes content, replaces it, and reports size and MD5 on read', async () => {
      await provider.setContent!(at('a.txt'), bufferSource(Buffer.from('first')), ctx);
      const item = await provider.setContent!(
        at('a.txt'),
        bufferSource(Buffer.from('second!')),
        ctx,
      );
      expect(item).toMatchObject({ name: 'a.txt', isContainer: false });
      expect(await text(at('a.txt'))).toBe('second!');

      const content = await provider.getContent!(at('a.txt'), ctx);
      expect(content.size ?? (await provider.getItem(at('a.txt'), ctx))?.size).toBe(7);
      expect(await md5Of(content)).toBe(md5('second!'));
    });

    it('reads content from an offset', async () => {
      await provider.setContent!(at('o.txt'), bufferSource(Buffer.from('0123456789')), ctx);
      const content = await provider.getContent!(at('o.txt'), ctx);
      const chunks: Buffer[] = [];
      for await (const chunk of await content.open(4)) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).toString()).toBe('456789');
    });

    it('keeps the source modification time', async () => {
      if (options.cannot?.keepModified) return;
      const when = new Date('2020-01-02T03:04:05Z');
      const source = { ...bufferSource(Buffer.from('t')), lastWriteTime: when };
      const item = await provider.setContent!(at('t.txt'), source, ctx);
      const written = item.lastWriteTime ?? (item.properties.LastWriteTime as Date);
      expect(Math.floor(written.getTime() / 1000)).toBe(when.getTime() / 1000);
    });

    it('never leaves a partial item: wrong MD5 or an aborted stream keep the old content', async () => {
      await provider.setContent!(at('keep.txt'), bufferSource(Buffer.from('original')), ctx);
      const lying = { ...bufferSource(Buffer.from('other')), md5: md5('not this') };
      await expect(provider.setContent!(at('keep.txt'), lying, ctx)).rejects.toThrow();
      expect(await text(at('keep.txt'))).toBe('original');

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
      const aborting = { ...ctx, signal: controller.signal };
      await expect(provider.setContent!(at('keep.txt'), stalled, aborting)).rejects.toThrow();
      await expect(provider.setContent!(at('new.txt'), stalled, aborting)).rejects.toThrow();
      expect(await text(at('keep.txt'))).toBe('original');
      expect(await names(drive.root, true)).toEqual(['keep.txt']);
    });

    it('clears content and removes leaves and whole containers', async () => {
      await make(at('d'), options.containerType);
      await provider.setContent!(at('d', 'x.txt'), bufferSource(Buffer.from('x')), ctx);
      await provider.setContent!(at('y.txt'), bufferSource(Buffer.from('y')), ctx);

      if (provider.clearContent) {
        await provider.clearContent(at('y.txt'), ctx);
        expect(await text(at('y.txt'))).toBe('');
      }

      await provider.removeItem!(at('y.txt'), { recurse: false }, ctx);
      await provider.removeItem!(at('d'), { recurse: true }, ctx);
      expect(await names(drive.root)).toEqual([]);
    });

    it('renames within a container', async () => {
      if (options.cannot?.rename) return;
      await provider.setContent!(at('old.txt'), bufferSource(Buffer.from('r')), ctx);
      const renamed = await provider.renameItem!(at('old.txt'), 'new.txt', ctx);
      expect(renamed.name).toBe('new.txt');
      expect(await names(drive.root)).toEqual(['new.txt']);
    });

    it('moves and copies trees', async () => {
      await make(at('src'), options.containerType);
      await make(at('src', 'inner'), options.containerType);
      await provider.setContent!(at('src', 'inner', 'f.txt'), bufferSource(Buffer.from('f')), ctx);
      await make(at('dst'), options.containerType);

      if (!options.cannot?.copy) {
        await provider.copyItem!(at('src'), at('dst', 'copy'), { recurse: true }, ctx);
        expect(await text(at('dst', 'copy', 'inner', 'f.txt'))).toBe('f');
      }

      if (!options.cannot?.move) {
        await provider.moveItem!(at('src'), at('dst', 'moved'), ctx);
        expect(await text(at('dst', 'moved', 'inner', 'f.txt'))).toBe('f');
        expect(await provider.getItem(at('src'), ctx)).toBeUndefined();
      }
    });

    it('walks parents before children', async () => {
      if (!provider.walk) return;
      await make(at('w'), options.containerType);
      await make(at('w', 'v'), options.containerType);
      await provider.setContent!(at('w', 'v', 'u.txt'), bufferSource(Buffer.from('u')), ctx);
      const walked: { path: string; item: ProviderItem }[] = await collect(
        provider.walk(drive.root, ctx),
      );
      const order = walked.map((entry) => entry.path);
      expect(order).toEqual([at('w'), at('w', 'v'), at('w', 'v', 'u.txt')]);
    });
  });
}

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

function contextOf(drive: DriveInfo): ProviderContext {
  return {
    signal: new AbortController().signal,
    force: false,
    dynamic: {},
    drive,
    progress: () => undefined,
    verbose: () => undefined,
    warning: () => undefined,
  };
}
