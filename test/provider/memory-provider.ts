import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Provider, ProviderContext, ProviderItem } from '../../src/provider/index.js';
import { OperationCanceledError } from '../../src/core/errors.js';

interface Node {
  name: string;
  children?: Map<string, Node>;
  content?: Buffer;
  modified: Date;
}

/**
 * A small in-memory provider shaped like a cloud store: case-insensitive, `\` as its separator,
 * no rename/move/copy (so the engine's "does not support" path and cross-drive streaming are
 * exercised), MD5 known without reading, and a whole-tree `walk` like Jottacloud's. A path
 * containing `boom` fails like a broken store; a folder named `broken` cannot be listed.
 */
export function createMemoryProvider(): Provider {
  const roots = new Map<string, Node>();
  const rootOf = (ctx: ProviderContext) => {
    let root = roots.get(ctx.drive.name);
    if (!root) roots.set(ctx.drive.name, (root = folder('')));
    return root;
  };

  const find = (path: string, ctx: ProviderContext): Node | undefined => {
    if (path.includes('boom')) throw new Error('the store fell over');
    let node: Node | undefined = rootOf(ctx);
    for (const name of path.split('/').filter(Boolean))
      node = node?.children?.get(name.toLowerCase());
    return node;
  };

  const parentAndName = (path: string, ctx: ProviderContext) => {
    const parts = path.split('/').filter(Boolean);
    const name = parts.pop()!;
    const parent = find(`/${parts.join('/')}`, ctx);
    if (!parent?.children) throw new Error(`No container for '${path}'.`);
    return { parent, name };
  };

  return {
    name: 'Memory',
    aliases: ['MemoryStore'],
    separator: '\\',
    caseSensitive: false,
    home: '/home',

    async newDrive() {
      return { mounted: true };
    },

    async getItem(path, ctx) {
      const node = find(path, ctx);
      return node && toItem(node);
    },

    async *getChildItems(path, ctx) {
      if (path.endsWith('/broken')) throw new Error('the folder cannot be read');
      for (const child of find(path, ctx)?.children?.values() ?? []) yield toItem(child);
    },

    async *walk(path, ctx) {
      const start = find(path, ctx);
      const visit = function* (
        node: Node,
        at: string,
      ): Iterable<{ path: string; item: ProviderItem }> {
        // Like one mode=list request: an unreadable folder anywhere fails the whole walk.
        if (at.endsWith('/broken')) throw new Error('the tree cannot be read');
        for (const child of node.children?.values() ?? []) {
          const childPath = `${at === '/' ? '' : at}/${child.name}`;
          yield { path: childPath, item: toItem(child) };
          yield* visit(child, childPath);
        }
      };
      if (start) yield* visit(start, path);
    },

    newItemTypes: () => ['folder', 'file'],

    async newItem(path, itemType, value, ctx) {
      const { parent, name } = parentAndName(path, ctx);
      const node =
        itemType === 'folder' ? folder(name) : file(name, Buffer.from(String(value ?? '')));
      parent.children!.set(name.toLowerCase(), node);
      return toItem(node);
    },

    async makeContainer(path, ctx) {
      let node = rootOf(ctx);
      for (const name of path.split('/').filter(Boolean)) {
        let next = node.children!.get(name.toLowerCase());
        if (!next) node.children!.set(name.toLowerCase(), (next = folder(name)));
        node = next;
      }

      return toItem(node);
    },

    async removeItem(path, _options, ctx) {
      const { parent, name } = parentAndName(path, ctx);
      parent.children!.delete(name.toLowerCase());
    },

    async getContent(path, ctx) {
      const node = find(path, ctx)!;
      const bytes = node.content!;
      return {
        size: bytes.length,
        md5: md5(bytes),
        lastWriteTime: node.modified,
        open: async (offset = 0, signal) => Readable.from([bytes.subarray(offset)], { signal }),
      };
    },

    async setContent(path, source, ctx) {
      const chunks: Buffer[] = [];
      for await (const chunk of await source.open(0, ctx.signal)) {
        if (ctx.signal.aborted) throw new OperationCanceledError();
        chunks.push(chunk as Buffer);
      }

      const bytes = Buffer.concat(chunks);
      if (source.md5 && source.md5 !== md5(bytes)) throw new Error('MD5 mismatch');
      const { parent, name } = parentAndName(path, ctx);
      const node = file(name, bytes, source.lastWriteTime);
      parent.children!.set(name.toLowerCase(), node);
      return toItem(node);
    },
  };
}

function folder(name: string): Node {
  return { name, children: new Map(), modified: new Date() };
}

function file(name: string, content: Buffer, modified = new Date()): Node {
  return { name, content, modified };
}

function md5(bytes: Buffer): string {
  return createHash('md5').update(bytes).digest('hex');
}

function toItem(node: Node): ProviderItem {
  const isContainer = node.children !== undefined;
  return {
    name: node.name,
    isContainer,
    typeNames: [isContainer ? 'Test.Memory.Folder' : 'Test.Memory.File'],
    properties: { Name: node.name, Length: node.content?.length, LastWriteTime: node.modified },
    size: node.content?.length,
    md5: node.content && md5(node.content),
    lastWriteTime: node.modified,
  };
}
