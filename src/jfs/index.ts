/**
 * jafs JFS client: `import { Jottacloud } from 'jafs'`. Everything public is listed here by
 * name; modules not re-exported are internal.
 *
 * ```ts
 * const baseUrl = 'https://jfs.jottacloud.com', apiBaseUrl = 'https://api.jottacloud.com';
 * const store = new FileTokenStore(join(home, 'login.json'));
 * await loginWithToken(personalLoginToken, { store, baseUrl, apiBaseUrl });     // once
 * const jotta = new Jottacloud({ baseUrl, apiBaseUrl, auth: { type: 'token', store } });
 * const file = await jotta.upload('/Jotta/Archive/a.txt', {
 *   size, open: async (offset) => createReadStream(local, { start: offset }),
 * });
 * await jotta.downloadToFile('/Jotta/Archive/a.txt', local + '.copy');
 * await jotta.close();
 * ```
 *
 * Paths are device-relative (`/<device>/<mount point>/…`); objects in the trash come back with
 * `deleted` set; failures are JfsError subclasses with stable codes.
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
  SearchResult,
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
