import {
  ContainerNode,
  LeafNode,
  createNodeProvider,
  readAllBytes,
  type Node,
  type NodeCallContext,
} from '../../src/provider/sdk/index.js';
import type { ContentSource, Provider } from '../../src/provider/types.js';
import { ItemExistsError } from '../../src/provider/errors.js';

/**
 * A writable provider written with the node SDK (folders and files in memory), so that the
 * SDK's write mapping (newChild, writeChild, remove, rename) runs the whole contract suite.
 */
class MemoryFolder extends ContainerNode {
  readonly entries = new Map<string, MemoryFolder | MemoryFile>();

  constructor(
    name: string,
    private readonly parent?: MemoryFolder,
  ) {
    super(name);
  }

  children() {
    return [...this.entries.values()];
  }

  override async newChild(name: string, itemType: string, value: unknown) {
    if (this.entries.has(name)) throw new ItemExistsError(name, itemType === 'folder');
    const node =
      itemType === 'folder'
        ? new MemoryFolder(name, this)
        : new MemoryFile(name, this, Buffer.from(String(value ?? '')));
    this.entries.set(name, node);
    return node;
  }

  override async writeChild(name: string, source: ContentSource, ctx: NodeCallContext) {
    const bytes = await readAllBytes(source, name, ctx.signal);
    const file = new MemoryFile(name, this, bytes, source.lastWriteTime);
    this.entries.set(name, file);
    return file;
  }

  override remove() {
    this.parent?.entries.delete(this.name);
  }

  override rename(newName: string) {
    renameIn(this.parent, this, newName);
  }
}

class MemoryFile extends LeafNode {
  constructor(
    name: string,
    private readonly parent: MemoryFolder,
    private readonly bytes: Buffer,
    modified = new Date(),
  ) {
    super(name);
    this.size = bytes.length;
    this.lastWriteTime = modified;
  }

  override content() {
    return this.bytes;
  }

  override remove() {
    this.parent.entries.delete(this.name);
  }

  override rename(newName: string) {
    renameIn(this.parent, this, newName);
  }
}

function renameIn(parent: MemoryFolder | undefined, node: Node, newName: string) {
  if (!parent) return;
  parent.entries.delete(node.name);
  Object.defineProperty(node, 'name', { value: newName });
  parent.entries.set(newName, node as MemoryFolder | MemoryFile);
}

export function createMemoryNodeProvider(): Provider {
  const root = new MemoryFolder('');
  return createNodeProvider({
    name: 'MemoryNodes',
    itemTypes: ['folder', 'file'],
    nodeTypes: [MemoryFolder, MemoryFile],
    root: () => root,
  });
}
