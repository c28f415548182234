import type { ProviderItem } from '../../src/provider/types.js';
import type {
  DeviceEntry,
  FolderEntry,
  JfsFile,
  MountPointEntry,
  User,
} from '../../src/jfs/models.js';

/** Formatting view keys of the provider's items. */
export const ITEM_TYPES = {
  account: 'Jafs.Jottacloud.Account',
  device: 'Jafs.Jottacloud.Device',
  mountPoint: 'Jafs.Jottacloud.MountPoint',
  folder: 'Jafs.Jottacloud.Folder',
  file: 'Jafs.Jottacloud.File',
} as const;

/**
 * A trashed item outside the Trash view: hidden, and gone for Test-Path and "has children".
 * In the Trash view the same entries are ordinary items.
 */
function trashed(deleted: Date | undefined, hidden: boolean): true | undefined {
  return deleted !== undefined && hidden ? true : undefined;
}

/** `Deleted` (when it went to Trash) only on trashed items, so live ones do not show it. */
function deletedProperty(deleted: Date | undefined): { Deleted?: Date } {
  return deleted === undefined ? {} : { Deleted: deleted };
}

/** PowerShell's Mode column: d(irectory) a(rchive) r(ead-only) h(idden) s(ystem). */
function containerMode(hidden: boolean): string {
  return hidden ? 'd--h-' : 'd----';
}

/**
 * A file whose newest upload did not complete is marked in the fourth column, where a
 * directory listing shows `h`: `i` for INCOMPLETE, `c` for CORRUPT, so it stands out.
 */
function fileMode(file: JfsFile, hidden: boolean): string {
  if (file.state === 'INCOMPLETE') return '-a-i-';
  if (file.state === 'CORRUPT') return '-a-c-';
  return hidden ? '-a-h-' : '-a---';
}

export function accountItem(user: User): ProviderItem {
  return {
    name: user.username,
    isContainer: true,
    typeNames: [ITEM_TYPES.account],
    properties: {
      Name: user.username,
      Mode: containerMode(false),
      LastWriteTime: undefined,
      AccountType: user.accountType,
      Capacity: user.capacity,
      Usage: user.usage,
      Devices: user.devices.length,
    },
  };
}

export function deviceItem(device: DeviceEntry): ProviderItem {
  return {
    name: device.name,
    isContainer: true,
    typeNames: [ITEM_TYPES.device],
    lastWriteTime: device.modified,
    properties: {
      Name: device.name,
      Mode: containerMode(false),
      LastWriteTime: device.modified,
      DeviceType: device.type,
      Size: device.size,
      Sid: device.sid,
    },
  };
}

export function mountPointItem(
  device: string,
  entry: MountPointEntry,
  hidden: boolean,
): ProviderItem {
  return {
    name: entry.name,
    isContainer: true,
    hidden,
    deleted: trashed(entry.deleted, hidden),
    typeNames: [ITEM_TYPES.mountPoint],
    lastWriteTime: entry.modified,
    properties: {
      Name: entry.name,
      Mode: containerMode(hidden),
      LastWriteTime: entry.modified,
      Device: device,
      Size: entry.size,
      ...deletedProperty(entry.deleted),
    },
  };
}

export function folderItem(entry: FolderEntry, hidden: boolean): ProviderItem {
  // Jottacloud stores no folder timestamps; LastWriteTime stays empty rather than invented.
  return {
    name: entry.name,
    isContainer: true,
    hidden,
    deleted: trashed(entry.deleted, hidden),
    typeNames: [ITEM_TYPES.folder],
    properties: {
      Name: entry.name,
      Mode: containerMode(hidden),
      LastWriteTime: undefined,
      ...deletedProperty(entry.deleted),
    },
  };
}

export function fileItem(file: JfsFile, hidden: boolean): ProviderItem {
  const revision = file.currentRevision ?? file.latestRevision;
  return {
    name: file.name,
    isContainer: false,
    hidden,
    deleted: trashed(file.deleted, hidden),
    typeNames: [ITEM_TYPES.file],
    size: file.currentRevision ? file.size : undefined,
    md5: file.currentRevision ? file.md5?.toLowerCase() : undefined,
    lastWriteTime: file.modified,
    properties: {
      Name: file.name,
      Mode: fileMode(file, hidden),
      LastWriteTime: file.modified,
      Length: file.size,
      CreationTime: file.created,
      MD5: file.md5?.toLowerCase(),
      MimeType: revision?.mime,
      State: file.state,
      Revision: revision?.number,
      Uuid: file.uuid,
      ...deletedProperty(file.deleted),
    },
  };
}
