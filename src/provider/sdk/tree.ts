import type { DriveInfo } from '../types.js';
import { ContainerNode, type Node, type NodeCallContext } from './nodes.js';

/**
 * Finds nodes by path below a drive's root node, keeping each container's children for a while
 * so that a listing followed by per-item lookups (what Get-ChildItem and Tab do) walks the tree
 * once. Any change through the provider forgets everything: cheaper than tracking what moved.
 */
export class NodeTree {
  private readonly listings = new Map<string, { at: number; nodes: Node[] }>();
  private readonly roots = new Map<DriveInfo, ContainerNode>();

  constructor(
    private readonly rootOf: (drive: DriveInfo) => ContainerNode,
    private readonly caseSensitive: boolean,
    private readonly cacheMs: number,
  ) {}

  /** The node at the segments below the drive root, or undefined when nothing is there. */
  async find(
    drive: DriveInfo,
    segments: readonly string[],
    ctx: NodeCallContext,
  ): Promise<Node | undefined> {
    let node: Node = this.root(drive);
    for (const [depth, name] of segments.entries()) {
      if (!(node instanceof ContainerNode)) return undefined;
      const children = await this.children(drive, segments.slice(0, depth), node, ctx);
      const found = children.find((child) => this.same(child.name, name));
      if (!found || (found.hidden && !ctx.force)) return undefined;
      node = found;
    }

    return node;
  }

  /** A container's children, from the cache while it is fresh. */
  async children(
    drive: DriveInfo,
    segments: readonly string[],
    container: ContainerNode,
    ctx: NodeCallContext,
  ): Promise<Node[]> {
    const key = `${drive.name}\0${segments.join('\0')}`;
    const cached = this.listings.get(key);
    if (cached && Date.now() - cached.at < this.cacheMs) return cached.nodes;

    const nodes: Node[] = [];
    for await (const child of await container.children(ctx)) {
      if (ctx.signal.aborted) throw ctx.signal.reason;
      nodes.push(child);
    }
    if (this.cacheMs > 0) this.listings.set(key, { at: Date.now(), nodes });
    return nodes;
  }

  /** Forgets cached listings (after a change) and, with `drive`, that drive's root node. */
  forget(drive?: DriveInfo): void {
    this.listings.clear();
    if (drive) this.roots.delete(drive);
  }

  same(a: string, b: string): boolean {
    return this.caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase();
  }

  private root(drive: DriveInfo): ContainerNode {
    let root = this.roots.get(drive);
    if (!root) {
      root = this.rootOf(drive);
      this.roots.set(drive, root);
    }
    return root;
  }
}
