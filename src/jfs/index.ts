/**
 * jafs JFS client: `import { Jottacloud } from 'jafs'`. Everything public is listed here by
 * name; modules not re-exported are internal.
 */
export { Jottacloud } from './client.js';
export type { JottacloudAuth, JottacloudOptions } from './client.js';

export type {
  Device,
  DeviceEntry,
  DeviceType,
  FileDirList,
  Folder,
  FolderEntry,
  JfsFile,
  JfsObject,
  MountPoint,
  MountPointEntry,
  Revision,
  RevisionState,
  TreeFolder,
  User,
} from './models.js';
export { DEVICE_TYPES } from './models.js';

export type { UploadOptions, UploadSource } from './upload.js';
export type { Download, DownloadOptions } from './download.js';
export type { StreamEntry } from './liststream.js';

export {
  AlreadyExistsError,
  AuthError,
  ConflictError,
  CorruptDownloadError,
  CorruptUploadError,
  IncompleteUploadError,
  InvalidPathError,
  JfsError,
  NotFoundError,
  ProtocolError,
  QuotaExceededError,
  TransportError,
} from './errors.js';
export type { JfsErrorDetails } from './errors.js';

export { FileTokenStore, MemoryTokenStore } from './token-store.js';
export type { StoredLogin, TokenStore } from './token-store.js';
export { decodeLoginToken, loginWithToken, LOGIN_CLIENT_ID } from './login.js';
export type { LoginOptions, PersonalLoginToken } from './login.js';

export type { JfsLogger } from './logger.js';
export { EMPTY_MD5 } from './hashing.js';
export { MAX_NAME_LENGTH, encodeSegment, splitPath } from './paths.js';
export { parseJfsTime } from './time.js';
