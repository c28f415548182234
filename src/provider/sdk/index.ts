/**
 * The node-tree SDK: write a provider as container and leaf classes and let createNodeProvider
 * turn it into the provider API (docs/writing-a-provider.md).
 */
export { ContainerNode, LeafNode, Node } from './nodes.js';
export type { NodeCallContext, NodeContent } from './nodes.js';
export { createNodeProvider } from './adapter.js';
export type { NodeProviderOptions } from './adapter.js';
export { contentSource, readAllBytes, readAllText } from './content.js';
export { containProvider } from './contain.js';
