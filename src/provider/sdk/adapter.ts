import type {
  DriveDefinition,
  DriveInfo,
  Provider,
  ProviderContext,
  ProviderItem,
} from '../types.js';
import { segmentsBelow } from '../path-syntax.js';
import { ItemNotFoundError, NotSupportedError, ProviderOperationError } from '../errors.js';
import { ContainerNode, LeafNode, type Node } from './nodes.js';
import { NodeTree } from './tree.js';
import { contentSource } from './content.js';

/** How a node-tree provider is described to createNodeProvider. */
export interface NodeProviderOptions<DriveState = unknown> {
  /** The provider name New-PSDrive and Get-PSProvider use, e.g. `Tar`. */
  name: string;
  /** The node at a drive's root. `drive.root` and `drive.state` are yours to interpret. */
  root: (drive: DriveInfo<DriveState>) => ContainerNode;
  /**
   * Every node class the tree uses. The provider's optional methods (and so its capabilities)
   * follow from the methods these classes implement; without it the provider is read-only.
   */
  nodeTypes?: ReadonlyArray<abstract new (...args: any[]) => Node>;
  /** Item types New-Item accepts (given to newChild). */
  itemTypes?: readonly string[];
  /** Names compare case-insensitively unless this is true. */
  caseSensitive?: boolean;
  /** A drive root is a local file (an archive): New-PSDrive resolves `./x.tar` on the disk. */
  rootIsNativePath?: boolean;
  /** How long a container's children are reused, in milliseconds (default 2000, 0 = never). */
  cacheMs?: number;
  separator?: '/' | '\\';
  description?: string;
  aliases?: readonly string[];
  /** Drives mounted when the provider loads. */
  drives?: DriveDefinition[];
  /** Checks a new drive and returns its state (an opened archive, a client). */
  newDrive?(definition: DriveDefinition, signal: AbortSignal): Promise<DriveState>;
  removeDrive?(drive: DriveInfo<DriveState>): Promise<void>;
}

/**
 * A Provider over a tree of nodes: paths resolve by walking children by name, listings are
 * cached briefly, and each optional node method found on `nodeTypes` becomes the provider
 * method the engine derives a capability from (newChild → New, writeChild → SetContent,
 * remove → Remove, rename → Rename, content → GetContent; setChild gives Set-Item).
 */
export function createNodeProvider<DriveState = unknown>(
  options: NodeProviderOptions<DriveState>,
): Provider<DriveState> {
  const caseSensitive = options.caseSensitive ?? false;
  const tree = new NodeTree(
    options.root as (drive: DriveInfo) => ContainerNode,
    caseSensitive,
    options.cacheMs ?? 2000,
  );
  const has = (method: string) =>
    options.nodeTypes === undefined
      ? method === 'content'
      : options.nodeTypes.some((type) => typeof type.prototype[method] === 'function');

  const segments = (path: string, ctx: ProviderContext<DriveState>) =>
    segmentsBelow(ctx.drive.root, path, caseSensitive) ?? [];
  const find = (path: string, ctx: ProviderContext<DriveState>) =>
    tree.find(ctx.drive as DriveInfo, segments(path, ctx), ctx);
  const toItem = (node: Node) => itemOf(options.name, node);

  /** The node at `path`, which must exist; `what` says which node method is needed. */
  const need = async (path: string, ctx: ProviderContext<DriveState>, what?: string) => {
    const node = await find(path, ctx);
    if (!node) throw new ItemNotFoundError(path);
    if (what && typeof (node as unknown as Record<string, unknown>)[what] !== 'function') {
      throw new NotSupportedError(path);
    }
    return node;
  };

  /** The container holding `path` and the last segment's name. */
  const parentOf = async (path: string, ctx: ProviderContext<DriveState>, what: string) => {
    const names = segments(path, ctx);
    const parent = await tree.find(ctx.drive as DriveInfo, names.slice(0, -1), ctx);
    if (!(parent instanceof ContainerNode)) {
      throw new ProviderOperationError(
        `The container of '${path}' does not exist.`,
        'ParentNotFound',
        path,
      );
    }
    if (typeof (parent as unknown as Record<string, unknown>)[what] !== 'function') {
      throw new NotSupportedError(path);
    }
    return { parent, name: names.at(-1) ?? '' };
  };

  const provider: Provider<DriveState> = {
    name: options.name,
    aliases: options.aliases,
    separator: options.separator ?? '\\',
    caseSensitive,
    rootIsNativePath: options.rootIsNativePath,
    description: options.description,
    defaultDrives: options.drives ? () => options.drives! : undefined,
    newDrive: options.newDrive,
    removeDrive: options.removeDrive
      ? async (drive) => {
          tree.forget(drive as DriveInfo);
          await options.removeDrive!(drive);
        }
      : undefined,

    async getItem(path, ctx) {
      const node = await find(path, ctx);
      return node && toItem(node);
    },

    async *getChildItems(path, ctx) {
      const node = await find(path, ctx);
      if (!(node instanceof ContainerNode)) return;
      const names = segments(path, ctx);
      for (const child of await tree.children(ctx.drive as DriveInfo, names, node, ctx)) {
        if (!child.hidden || ctx.force) yield toItem(child);
      }
    },
  };

  if (has('content')) {
    provider.getContent = async (path, ctx) => {
      const node = (await need(path, ctx, 'content')) as LeafNode;
      return contentSource(await node.content!(ctx), node.lastWriteTime);
    };
  }

  if (has('newChild')) {
    provider.newItemTypes = () => options.itemTypes ?? [];
    provider.newItem = async (path, itemType, value, ctx) => {
      const { parent, name } = await parentOf(path, ctx, 'newChild');
      tree.forget();
      return toItem(await parent.newChild!(name, itemType, value, ctx));
    };
  }

  if (has('writeChild')) {
    provider.setContent = async (path, source, ctx) => {
      const { parent, name } = await parentOf(path, ctx, 'writeChild');
      tree.forget();
      return toItem(await parent.writeChild!(name, source, ctx));
    };
  }

  if (has('setChild')) {
    provider.setItem = async (path, value, ctx) => {
      const { parent, name } = await parentOf(path, ctx, 'setChild');
      tree.forget();
      return toItem(await parent.setChild!(name, value, ctx));
    };
  }

  if (has('remove')) {
    provider.removeItem = async (path, removal, ctx) => {
      const node = await need(path, ctx, 'remove');
      tree.forget();
      await node.remove!(removal, ctx);
    };
  }

  if (has('rename')) {
    provider.renameItem = async (path, newName, ctx) => {
      const node = await need(path, ctx, 'rename');
      tree.forget();
      await node.rename!(newName, ctx);
      const renamed = await find(`${path.slice(0, path.lastIndexOf('/'))}/${newName}`, ctx);
      return toItem(renamed ?? node);
    };
  }

  return provider;
}

/** The ProviderItem the engine sees for a node. */
function itemOf(providerName: string, node: Node): ProviderItem {
  const leaf = node instanceof LeafNode ? node : undefined;
  const kind = node.isContainer ? 'Container' : 'Leaf';
  return {
    name: node.name,
    isContainer: node.isContainer,
    hidden: node.hidden || undefined,
    typeNames: [`Jafs.${providerName}.${node.constructor.name}`, `Jafs.Node.${kind}`],
    properties: {
      Name: node.name,
      ...(leaf ? { Length: leaf.size } : {}),
      ...(node.lastWriteTime ? { LastWriteTime: node.lastWriteTime } : {}),
      ...node.properties(),
    },
    size: leaf?.size,
    lastWriteTime: node.lastWriteTime,
  };
}
