import type { ContentSource } from '../types.js';

/** What a leaf's content() may return: text (UTF-8), bytes, or a re-openable source. */
export type NodeContent = string | Uint8Array | ContentSource;

/** What a node method receives besides its own arguments. */
export interface NodeCallContext {
  /** Aborted on Ctrl+C: pass it to every request and stream. */
  signal: AbortSignal;
  /** -Force was given. */
  force: boolean;
}

/**
 * One item of a node-tree provider (SHiPS style). Subclass ContainerNode or LeafNode; implement
 * an optional method to unlock the cmdlet that needs it (see createNodeProvider).
 */
export abstract class Node {
  abstract readonly isContainer: boolean;
  /** Left out of listings unless -Force. */
  hidden = false;
  lastWriteTime?: Date;

  /** `name` may be left out for a root node (its name is never shown). */
  constructor(readonly name: string = '') {}

  /** Properties the user sees besides Name (and Length/LastWriteTime for leaves). */
  properties(): Record<string, unknown> {
    return {};
  }

  /** Remove-Item. `recurse` is true when the user agreed to remove a container's children. */
  remove?(options: { recurse: boolean }, ctx: NodeCallContext): Promise<void> | void;
  /** Rename-Item: give the item the name `newName` in the same container. */
  rename?(newName: string, ctx: NodeCallContext): Promise<void> | void;
}

/** A node with children: a folder, a group, a table. */
export abstract class ContainerNode extends Node {
  readonly isContainer = true;

  /** The children, one level; called again when the cache has expired. */
  abstract children(
    ctx: NodeCallContext,
  ): Iterable<Node> | AsyncIterable<Node> | Promise<Iterable<Node>>;

  /** New-Item of `name` here; `itemType` is one of the provider's itemTypes. */
  newChild?(name: string, itemType: string, value: unknown, ctx: NodeCallContext): Promise<Node>;
  /** Set-Item of `name` here: gives it `value`, creating it when missing (Env:, Variable:). */
  setChild?(name: string, value: unknown, ctx: NodeCallContext): Promise<Node>;
  /**
   * Set-Content and the target side of Copy-Item: writes the leaf `name` here (creating or
   * replacing it) from `source`. Must not leave a partial leaf when the source fails.
   */
  writeChild?(name: string, source: ContentSource, ctx: NodeCallContext): Promise<Node>;
}

/** A node without children: a file, a variable, a record. */
export abstract class LeafNode extends Node {
  readonly isContainer = false;
  /** Bytes in the content, when known without reading it. */
  size?: number;

  /** Get-Content and the source side of Copy-Item. */
  content?(ctx: NodeCallContext): NodeContent | Promise<NodeContent>;
}
