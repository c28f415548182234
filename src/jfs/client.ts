import { BasicAuthenticator } from './auth.js';
import {
  assertFileTarget,
  downloadToFile,
  openDownload,
  type Download,
  type DownloadOptions,
} from './download.js';
import { ConflictError, InvalidPathError, JfsError, NotFoundError } from './errors.js';
import { ExtraRequests } from './extras.js';
import type { StreamEntry } from './liststream.js';
import { fetchCustomerUsername } from './login.js';
import { stderrLogger, type JfsLogger } from './logger.js';
import type {
  Device,
  DeviceType,
  FileDirList,
  Folder,
  JfsFile,
  JfsObject,
  MountPoint,
  SearchResult,
  User,
} from './models.js';
import { ObjectRequests } from './object-requests.js';
import { parseItemPath, splitPath } from './paths.js';
import { defaultRetryPolicy } from './retry.js';
import { TokenAuthenticator } from './token-session.js';
import type { TokenStore } from './token-store.js';
import { Transport } from './transport.js';
import { uploadFile, type UploadOptions, type UploadSource } from './upload.js';
import { uploadSmallFile, type SmallUpload } from './small-upload.js';
import { retryVerified } from './verified-retry.js';

export type JottacloudAuth =
  { type: 'basic'; username: string; password: string } | { type: 'token'; store: TokenStore };

export interface JottacloudOptions {
  /** The JFS origin serving `/jfs/…` (`https://jfs.jottacloud.com` for the real service). */
  baseUrl: string;
  /**
   * The JSON API origin serving `/files/v1/…` and `/account/v1/…`
   * (`https://api.jottacloud.com` for the real service, §1.1).
   * @default baseUrl (the local server serves every path family on one origin)
   */
  apiBaseUrl?: string;
  /**
   * The origin of the legacy one-request upload (§5.1) that {@link Jottacloud.uploadBytes} uses.
   * @default `https://up.jottacloud.com` when baseUrl is `https://jfs.jottacloud.com` (the
   * service's upload host beside its JFS host), otherwise baseUrl itself (the local server)
   */
  uploadBaseUrl?: string;
  auth: JottacloudAuth;
  /** Longest wait for headers or between body chunks of one request. @default 60000 */
  timeoutMs?: number;
  /** Retries of a transient failure (429, 5xx, dropped connection). @default 5 */
  retries?: number;
  /** Debug sink; the default writes to stderr only when JAFS_DEBUG is set. */
  logger?: JfsLogger;
}

/**
 * A typed client of Jottacloud's JFS API. Every path is device-relative:
 * `/Jotta/Archive/docs/a.txt` is file `a.txt` in folder `docs` of mount point `Archive` on
 * device `Jotta`. Objects in the trash are returned with `deleted` set (B36); callers that show
 * live items must treat those as absent.
 */
export class Jottacloud {
  private readonly transport: Transport;
  private readonly baseUrl: string;
  private readonly apiBaseUrl: string;
  private readonly uploadRequests: ObjectRequests;
  private readonly auth: JottacloudAuth;
  private readonly requests: ObjectRequests;
  private readonly extras: ExtraRequests;
  private user?: Promise<string>;

  constructor(options: JottacloudOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.apiBaseUrl = (options.apiBaseUrl ?? options.baseUrl).replace(/\/+$/, '');
    this.auth = options.auth;
    this.transport = new Transport({
      timeoutMs: options.timeoutMs,
      retry: defaultRetryPolicy(options.retries),
      logger: options.logger ?? stderrLogger,
    });
    this.transport.setAuthenticator(
      options.auth.type === 'basic'
        ? new BasicAuthenticator(options.auth.username, options.auth.password)
        : new TokenAuthenticator(options.auth.store, this.transport),
    );
    this.requests = new ObjectRequests(this.transport, this.baseUrl, (signal) =>
      this.username(signal),
    );
    this.extras = new ExtraRequests(this.transport, this.apiBaseUrl, this.requests);
    const uploadBaseUrl = options.uploadBaseUrl ?? legacyUploadOrigin(this.baseUrl);
    this.uploadRequests = new ObjectRequests(
      this.transport,
      uploadBaseUrl.replace(/\/+$/, ''),
      (signal) => this.username(signal),
    );
  }

  /** The JFS username: the Basic login, or `account/v1/customer` for token sessions (B15). */
  username(signal?: AbortSignal): Promise<string> {
    if (this.auth.type === 'basic') return Promise.resolve(this.auth.username);

    if (!this.user) {
      const user = fetchCustomerUsername(this.transport, this.apiBaseUrl, undefined, signal);
      // A failed look-up (offline, cancelled) is not remembered: the next call asks again.
      user.catch(() => {
        if (this.user === user) this.user = undefined;
      });
      this.user = user;
    }
    return this.user;
  }

  async getUser(signal?: AbortSignal): Promise<User> {
    return this.requests.user(signal);
  }

  async getDevice(device: string, signal?: AbortSignal): Promise<Device> {
    const names = parseItemPath('/' + device, 1, 'a device');
    return this.requests.expect('device', await this.requests.get(names, 'read', signal));
  }

  async createDevice(device: string, type: DeviceType, signal?: AbortSignal): Promise<Device> {
    const names = parseItemPath('/' + device, 1, 'a device');
    const document = await this.requests.post(names, { type }, 'create', signal);
    return this.requests.expect('device', document);
  }

  /** Permanent (`rm=true`): devices never go to the trash. */
  async deleteDevice(device: string, signal?: AbortSignal): Promise<void> {
    const names = parseItemPath('/' + device, 1, 'a device');
    await this.requests.post(names, { rm: 'true' }, 'delete', signal);
  }

  async createMountPoint(
    device: string,
    mountPoint: string,
    signal?: AbortSignal,
  ): Promise<MountPoint> {
    const names = parseItemPath(`/${device}/${mountPoint}`, 2, 'a mount point');
    const document = await this.requests.post(names, {}, 'create', signal);
    return this.requests.expect('mountPoint', document);
  }

  async deleteMountPoint(
    device: string,
    mountPoint: string,
    options: { permanent: boolean },
    signal?: AbortSignal,
  ): Promise<void> {
    const names = parseItemPath(`/${device}/${mountPoint}`, 2, 'a mount point');
    const query: Record<string, string> = options.permanent ? { rm: 'true' } : { dl: 'true' };
    await this.requests.post(names, query, 'delete', signal);
  }

  /** GET of a device, mount point, folder or file; the type comes from the root element. */
  async getObject(path: string, signal?: AbortSignal): Promise<JfsObject> {
    const names = splitPath(path);
    if (names.length === 0) {
      throw new InvalidPathError('The path / is the account itself: read it with getUser().', {
        path,
      });
    }
    const document = await this.requests.get(names, 'read', signal);
    return this.requests.expect(['device', 'mountPoint', 'folder', 'file'], document);
  }

  /**
   * `mkDir` (mkdir -p). A folder answered with `deleted` means the server revived nothing
   * (B29): that is a ConflictError, not a success.
   */
  async createFolder(path: string, signal?: AbortSignal): Promise<Folder> {
    const names = parseItemPath(path, 2, 'a folder');
    const document = await this.requests.post(names, { mkDir: 'true' }, 'create', signal);
    const folder = this.requests.asFolder(document);
    if (folder.deleted) {
      throw new ConflictError(
        `Cannot create ${path}: a folder of that name is in the trash. Empty the trash or ` +
          'restore it first.',
        { path },
      );
    }
    return folder;
  }

  /** `dlDir` (to trash) or `rmDir` (permanent). 404 → NotFoundError ("already gone", B26). */
  async deleteFolder(
    path: string,
    options: { permanent: boolean },
    signal?: AbortSignal,
  ): Promise<void> {
    const names = parseItemPath(path, 3, 'a folder');
    const query: Record<string, string> = options.permanent ? { rmDir: 'true' } : { dlDir: 'true' };
    await this.requests.post(names, query, 'delete', signal);
  }

  /** `dl` (to trash) or `rm` (permanent). 404 → NotFoundError ("already gone", B26). */
  async deleteFile(
    path: string,
    options: { permanent: boolean },
    signal?: AbortSignal,
  ): Promise<void> {
    const names = parseItemPath(path, 3, 'a file');
    const query: Record<string, string> = options.permanent ? { rm: 'true' } : { dl: 'true' };
    await this.requests.post(names, query, 'delete', signal);
  }

  /** `mv`: rename or move a file; the destination is device-relative too. */
  async moveFile(path: string, destination: string, signal?: AbortSignal): Promise<JfsFile> {
    return this.requests.move(path, destination, 'file', signal);
  }

  /** `mvDir` (source URL with a trailing slash, §1.5). */
  async moveFolder(path: string, destination: string, signal?: AbortSignal): Promise<Folder> {
    return this.requests.move(path, destination, 'folder', signal);
  }

  /**
   * `cp`: server-side copy. When the destination held a trashed file the copy lands in the
   * trash too (rclone#6112); it is then revived with `cphash`.
   */
  async copyFile(path: string, destination: string, signal?: AbortSignal): Promise<JfsFile> {
    const names = parseItemPath(path, 3, 'a file');
    const target = parseItemPath(destination, 3, 'a file');

    const copied = await retryVerified(
      this.transport.retry,
      async () => this.requests.asFile(await this.requests.command(names, 'cp', target, signal)),
      () => this.requests.copiedAlready(names, target, signal),
      signal,
    );
    return copied.deleted ? this.requests.revive(target, copied, signal) : copied;
  }

  /** Allocate upload; see {@link UploadSource} and `upload.ts` for the steps. */
  async upload(path: string, source: UploadSource, options: UploadOptions = {}): Promise<JfsFile> {
    const names = parseItemPath(path, 3, 'a file');
    return uploadFile(
      {
        transport: this.transport,
        apiBaseUrl: this.apiBaseUrl,
        readFile: (signal) => this.readLiveFile(path, signal),
      },
      names,
      path,
      source,
      options,
    );
  }

  /**
   * One-request upload of a small file held in memory (the legacy JFS upload, §5.1): the answer
   * is the stored file, checked like {@link upload}'s (COMPLETED, same MD5 and size). Made for
   * many small files, where the allocate upload's three round trips per file dominate.
   */
  async uploadBytes(
    path: string,
    upload: SmallUpload,
    options: { signal?: AbortSignal } = {},
  ): Promise<JfsFile> {
    const names = parseItemPath(path, 3, 'a file');
    const { signal } = options;
    const url = await this.uploadRequests.url(names, signal);
    const user = await this.username(signal);
    return uploadSmallFile({ transport: this.transport, url, user }, path, upload, signal);
  }

  /** `mode=bin` stream of the current revision (or `revision`), from `offset`. */
  async download(path: string, options: DownloadOptions = {}): Promise<Download> {
    const names = parseItemPath(path, 3, 'a file');
    const url = await this.requests.url(names, options.signal);
    return openDownload(this.transport, url, path, options);
  }

  async downloadToFile(
    path: string,
    target: string,
    options: { signal?: AbortSignal; onProgress?(received: number, total: number): void } = {},
  ): Promise<JfsFile> {
    await assertFileTarget(target, path);
    return downloadToFile(
      {
        readFile: (signal) => this.readLiveFile(path, signal),
        open: (download) => this.download(path, download),
        retry: this.transport.retry,
      },
      path,
      target,
      options,
    );
  }

  /**
   * `mode=list`: every folder of the subtree, the start folder included, each with its files.
   * The answer is one unpaged document (B34) read whole; trashed and incomplete entries are
   * kept with their `deleted`/`state` for the caller to filter.
   */
  async listTree(path: string, signal?: AbortSignal): Promise<FileDirList> {
    const names = parseItemPath(path, 2, 'a mount point or folder');
    const document = await this.requests.get(names, 'list', signal, { mode: 'list' });
    return this.requests.expect('filedirlist', document);
  }

  /**
   * `mode=liststream`: the subtree as an async iterable, parsed while it arrives (bounded
   * memory, B34); only completed, live files. Throws ProtocolError when the closing counts do not
   * match what arrived (a cut-short listing).
   */
  listStream(path: string, signal?: AbortSignal): AsyncIterable<StreamEntry> {
    const names = parseItemPath(path, 2, 'a mount point or folder');
    return this.extras.listStream(names, signal);
  }

  /** Brings a trashed file back at its original path (`cphash` with its MD5/size, B30). */
  async restoreFile(path: string, signal?: AbortSignal): Promise<JfsFile> {
    return this.extras.restoreFile(parseItemPath(path, 3, 'a file'), signal);
  }

  /** Empties the trash for good; resolves with the numbers of folders and files removed. */
  async purgeTrash(signal?: AbortSignal): Promise<{ folders: number; files: number }> {
    return this.extras.purgeTrash(signal);
  }

  /** Turns the public link of a file or folder on or off; `publicUri` holds the link id. */
  async setShared(path: string, shared: boolean, signal?: AbortSignal): Promise<JfsFile | Folder> {
    return this.extras.setShared(parseItemPath(path, 3, 'a file or folder'), shared, signal);
  }

  /**
   * The Latest view: the `max` most recently updated live files of the account (any device),
   * newest first, each with its device-relative parent `path`. Its `total` counts all of them.
   */
  async getLatest(options: { max?: number } = {}, signal?: AbortSignal): Promise<SearchResult> {
    const max = options.max ?? 10;
    if (!Number.isInteger(max) || max < 1) {
      throw new JfsError(
        `The Latest view takes a positive whole number of files, not ${max}.`,
        {},
        {
          code: 'EINVALIDARG',
          errorId: 'InvalidLatestCount',
          category: 'InvalidArgument',
        },
      );
    }
    return this.extras.latest(max, signal);
  }

  /**
   * The Links view: every file with an active public link (`publicUri` holds the link id), with
   * its device-relative parent `path`. Trashed files may be listed with `deleted` set.
   */
  async getLinks(signal?: AbortSignal): Promise<SearchResult> {
    return this.extras.links(signal);
  }

  async close(): Promise<void> {
    await this.transport.close();
  }

  private async readLiveFile(path: string, signal?: AbortSignal): Promise<JfsFile> {
    const object = await this.getObject(path, signal);
    if (object.kind !== 'file') {
      throw new NotFoundError(`${path} is a ${object.kind}, not a file.`, { path });
    }
    return object;
  }
}

/** The service uploads on `up.` beside `jfs.` (§1.1); a single-origin server serves both. */
function legacyUploadOrigin(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.hostname !== 'jfs.jottacloud.com') return baseUrl;
  url.hostname = 'up.jottacloud.com';
  return url.origin;
}
