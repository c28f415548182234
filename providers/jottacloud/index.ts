/**
 * The Jottacloud provider: maps a drive (`JAFS:`) onto a Jottacloud account through the JFS
 * client. `createJottacloudProvider({ client })` is all a host needs.
 */
export { createJottacloudProvider } from './provider.js';
export type { JottacloudProviderOptions } from './provider.js';
export type { JottacloudClient } from './client.js';
export type { JottacloudDriveState } from './state.js';
export { ITEM_TYPES as JOTTACLOUD_ITEM_TYPES } from './items.js';
export {
  BuiltInItemError,
  BuiltInMountPointError,
  DevicePermanentOnlyError,
  InvalidDeviceTypeError,
  InvalidItemOperationError,
  ItemExistsError,
  ItemNotFoundError,
  ItemTypeError,
  JottacloudProviderError,
  JottacloudRequestError,
  RenameNotSupportedError,
  UnreadableFileError,
} from './errors.js';
export * as jottacloudFeatures from './features.js';
