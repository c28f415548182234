/**
 * The provider layer's public surface: the engine the shell and CLI use, the provider API that
 * plug-ins implement, and the errors and helpers they share.
 */
export { ProviderEngine, locationInfo } from './engine.js';
export type * from './types.js';
export type { EngineApi, LocationInfo, PathCompletion } from './engine-api.js';
export type { ItemPath, ResolvedItem } from './item-path.js';
export { qualifiedPath, NATIVE_DRIVE_NAME } from './item-path.js';
export type { OperationOptions } from './provider-call.js';
export type { ChildEntry, ChildItemOptions } from './children.js';
export type { CopyOptions } from './copy.js';
export type { ReadOptions } from './content.js';
export { WildcardPattern } from './wildcard.js';
export { md5Of } from './copy.js';
export { bufferSource } from './content.js';
export * from './errors.js';
export * from './sdk/index.js';
export { capabilitiesOf } from './capabilities.js';
