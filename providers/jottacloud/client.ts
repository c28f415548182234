import type { Readable } from 'node:stream';
import type {
  Device,
  DeviceType,
  FileDirList,
  Folder,
  JfsFile,
  MountPoint,
  SearchResult,
  User,
} from '../../src/jfs/models.js';
import type { SmallUpload } from '../../src/jfs/small-upload.js';

/** What an upload reads: the JFS client's upload source. */
export interface UploadSource {
  size: number;
  md5?: string;
  modified?: Date;
  created?: Date;
  open(offset: number, signal?: AbortSignal): Promise<Readable>;
  /** A local file with exactly these bytes: the client then reads it directly (see src/jfs). */
  localFile?: string;
  /** Told the bytes read from `localFile` so far (see src/jfs UploadSource). */
  onLocalRead?(bytesDone: number): void;
}

/**
 * The part of the JFS client (`Jottacloud` in src/jfs) this provider uses. Spelled out here so
 * the provider states its needs; the real client satisfies it structurally.
 */
export interface JottacloudClient {
  getUser(signal?: AbortSignal): Promise<User>;
  getDevice(device: string, signal?: AbortSignal): Promise<Device>;
  createDevice(device: string, type: DeviceType, signal?: AbortSignal): Promise<unknown>;
  deleteDevice(device: string, signal?: AbortSignal): Promise<unknown>;
  createMountPoint(device: string, mountPoint: string, signal?: AbortSignal): Promise<unknown>;
  deleteMountPoint(
    device: string,
    mountPoint: string,
    options: { permanent: boolean },
    signal?: AbortSignal,
  ): Promise<unknown>;
  getObject(path: string, signal?: AbortSignal): Promise<Device | MountPoint | Folder | JfsFile>;
  createFolder(path: string, signal?: AbortSignal): Promise<Folder>;
  deleteFolder(
    path: string,
    options: { permanent: boolean },
    signal?: AbortSignal,
  ): Promise<unknown>;
  deleteFile(path: string, options: { permanent: boolean }, signal?: AbortSignal): Promise<unknown>;
  moveFile(path: string, destination: string, signal?: AbortSignal): Promise<unknown>;
  moveFolder(path: string, destination: string, signal?: AbortSignal): Promise<unknown>;
  copyFile(path: string, destination: string, signal?: AbortSignal): Promise<unknown>;
  upload(
    path: string,
    source: UploadSource,
    options: { signal?: AbortSignal; onProgress?: (sent: number, total: number) => void },
  ): Promise<JfsFile>;
  /**
   * One-request upload of a small file held in memory, answered with the checked stored file.
   * Optional: without it every upload goes through {@link upload}.
   */
  uploadBytes?(
    path: string,
    upload: SmallUpload,
    options: { signal?: AbortSignal },
  ): Promise<JfsFile>;
  download(
    path: string,
    options: { revision?: number; offset?: number; signal?: AbortSignal },
  ): Promise<{ stream: Readable; size?: number }>;
  listTree(path: string, signal?: AbortSignal): Promise<FileDirList>;
  /** The account's JFS username (public links carry it). */
  username(signal?: AbortSignal): Promise<string>;
  /** Revives a trashed file at its original path (`cphash`). */
  restoreFile(path: string, signal?: AbortSignal): Promise<JfsFile>;
  /** Empties the trash for good. */
  purgeTrash(signal?: AbortSignal): Promise<{ folders: number; files: number }>;
  /** Turns the public link of a file or folder on or off. */
  setShared(path: string, shared: boolean, signal?: AbortSignal): Promise<JfsFile | Folder>;
  /** The Latest view: the `max` most recently updated files, newest first. */
  getLatest(options: { max?: number }, signal?: AbortSignal): Promise<SearchResult>;
  /** The Links view: the files that have a public link. */
  getLinks(signal?: AbortSignal): Promise<SearchResult>;
}
