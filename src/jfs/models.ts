/**
 * Plain typed views of the JFS XML documents (§3). Every object has a `kind` discriminant.
 * Paths (`path`) are device-relative (`/Jotta/Archive/docs`), not the server's
 * `/<user>/…` form, so they can be passed straight back to the client. Unknown values (empty
 * `<size/>`, `<modified/>`: B32) are `undefined`.
 */

export type DeviceType =
  | 'JOTTA'
  | 'WORKSTATION'
  | 'LAPTOP'
  | 'IMAC'
  | 'MACBOOK'
  | 'IPAD'
  | 'ANDROID'
  | 'IPHONE'
  | 'WINDOWS_PHONE';

export const DEVICE_TYPES: readonly DeviceType[] = [
  'JOTTA',
  'WORKSTATION',
  'LAPTOP',
  'IMAC',
  'MACBOOK',
  'IPAD',
  'ANDROID',
  'IPHONE',
  'WINDOWS_PHONE',
];

/** `ADDED`/`PROCESSING` exist in old enums but were never seen; they read as INCOMPLETE. */
export type RevisionState = 'COMPLETED' | 'INCOMPLETE' | 'CORRUPT';

export interface Revision {
  number: number;
  state: RevisionState;
  created?: Date;
  modified?: Date;
  /** When the server stored this revision. */
  updated?: Date;
  mime?: string;
  /** Absent on CORRUPT revisions; bytes received so far on a directly fetched INCOMPLETE one. */
  size?: number;
  /** Lower-case hex, as the uploader sent it (the server echoes the case it was given). */
  md5?: string;
}

export interface JfsFile {
  kind: 'file';
  name: string;
  uuid: string;
  /** Device-relative parent path, when the server sent one (not in child listings). */
  path?: string;
  /** Set when the file is in the trash: treat it as absent unless browsing the trash (B36). */
  deleted?: Date;
  /** Newest COMPLETED revision; absent when no upload ever completed. */
  currentRevision?: Revision;
  /** Newest revision when it is not COMPLETED (INCOMPLETE or CORRUPT). */
  latestRevision?: Revision;
  /** Older revisions, newest first (only on a direct GET of the file). */
  revisions: Revision[];
  /** 32-hex share secret when a public link is active. */
  publicUri?: string;
  /** State of the newest revision: `latestRevision` if present, else `currentRevision`. */
  state: RevisionState;
  /** Convenience copies from `currentRevision`, or `latestRevision` when there is none. */
  size?: number;
  md5?: string;
  modified?: Date;
  created?: Date;
}

export interface FolderEntry {
  name: string;
  deleted?: Date;
  /**
   * Device-relative parent path, from `abspath`: trashed entries carry it, and in the Trash view
   * it is where the folder was (a trashed custom mount point's is `/`, the device itself).
   */
  path?: string;
  /** 32-hex share secret of a shared folder (entries of the Links view). */
  publicUri?: string;
}

export interface Folder {
  kind: 'folder';
  name: string;
  /** Device-relative parent path, e.g. `/Jotta/Archive` for `/Jotta/Archive/docs`. */
  path: string;
  deleted?: Date;
  /** 32-hex share secret when a public link is active (the folder downloads as a zip). */
  publicUri?: string;
  folders: FolderEntry[];
  files: JfsFile[];
}

export interface MountPoint {
  kind: 'mountPoint';
  name: string;
  device: string;
  /** Empty for the Trash view. */
  size?: number;
  modified?: Date;
  deleted?: Date;
  folders: FolderEntry[];
  files: JfsFile[];
}

export interface MountPointEntry {
  name: string;
  size?: number;
  modified?: Date;
  /** A custom mount point that is in the trash. */
  deleted?: Date;
}

export interface Device {
  kind: 'device';
  name: string;
  type: DeviceType;
  sid: string;
  size?: number;
  modified?: Date;
  mountPoints: MountPointEntry[];
}

export interface DeviceEntry {
  name: string;
  type: DeviceType;
  sid: string;
  size?: number;
  modified?: Date;
}

export interface User {
  kind: 'user';
  username: string;
  accountType?: string;
  /** Bytes; -1 = unlimited. */
  capacity: number;
  usage: number;
  locked: boolean;
  readLocked: boolean;
  writeLocked: boolean;
  quotaWriteLocked: boolean;
  /** -1 = unlimited. */
  maxDevices?: number;
  maxMobileDevices?: number;
  enableSync?: boolean;
  devices: DeviceEntry[];
}

/** One folder of a `mode=list` answer, with its own files (no nested folders). */
export interface TreeFolder {
  name: string;
  /** Device-relative parent path; the folder itself is `${path}/${name}`. */
  path: string;
  deleted?: Date;
  files: JfsFile[];
}

/** `mode=list`: every folder of the subtree (the start folder included), flat. */
export interface FileDirList {
  kind: 'fileDirList';
  folders: TreeFolder[];
}

/**
 * A `searchresult` document: the Latest or Links view (§3.10). Files come from any device and
 * mount point; each has its device-relative parent `path`. Links may list trashed files (with
 * `deleted`).
 */
export interface SearchResult {
  kind: 'searchResult';
  files: JfsFile[];
  /** Shared folders (Links only), each with its parent `path` and `publicUri`. */
  folders: FolderEntry[];
  /** The server's `total` count; for Latest it counts every file, not only those returned. */
  total: number;
}

export type JfsObject = Device | MountPoint | Folder | JfsFile;
