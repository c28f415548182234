import type { ProviderContext, ProviderItem } from '../../src/provider/types.js';
import {
  BuiltInMountPointError,
  InvalidItemOperationError,
  ItemExistsError,
  ItemNotFoundError,
  ItemTypeError,
  attempt,
} from './errors.js';
import { fileItem, folderItem } from './items.js';
import { findItem, isBuiltInDevice } from './lookup.js';
import { parseDeviceType } from './parameters.js';
import { displayPath, leafOf, levelOf, parentOf, segmentsOf, type PathLevel } from './paths.js';
import type { JottacloudDriveState } from './state.js';
import { bufferSource, valueBytes } from './upload-source.js';

type Context = ProviderContext<JottacloudDriveState>;
type NewItemKind = 'device' | 'mountpoint' | 'folder' | 'file';

/** What New-Item may create inside a container of each level. */
const TYPES_INSIDE: Record<PathLevel, readonly NewItemKind[]> = {
  account: ['device'],
  device: ['mountpoint'],
  mountPoint: ['folder', 'file'],
  entry: ['folder', 'file'],
};

/** -ItemType spellings, PowerShell's generic ones included. */
const KIND_BY_NAME: Readonly<Record<string, NewItemKind>> = {
  device: 'device',
  mountpoint: 'mountpoint',
  folder: 'folder',
  directory: 'folder',
  container: 'folder',
  file: 'file',
  leaf: 'file',
};

/** Item types New-Item accepts inside the container `path`. */
export function newItemTypes(path: string): readonly string[] {
  return TYPES_INSIDE[levelOf(path)];
}

/** Item found at `path` even if hidden, unless it is only a trashed leftover there. */
async function findLive(path: string, ctx: Context): Promise<ProviderItem | undefined> {
  const item = await findItem(path, { ...ctx, force: true });
  return item && item.properties.Deleted === undefined ? item : undefined;
}

/** The item at `path` read again after a change (hidden or not). */
async function refreshed(path: string, ctx: Context): Promise<ProviderItem> {
  ctx.drive.state.listings.invalidate(path);
  const item = await findItem(path, { ...ctx, force: true });
  if (!item) throw new ItemNotFoundError(displayPath(path, ctx.drive));
  return item;
}

/** New-Item: a device, a mount point, a folder, or a file holding -Value as UTF-8 text. */
export async function newItem(
  path: string,
  itemType: string,
  value: unknown,
  ctx: Context,
): Promise<ProviderItem> {
  const shown = displayPath(path, ctx.drive);
  const allowed = newItemTypes(parentOf(path));
  const kind = KIND_BY_NAME[itemType.replace(/[\s_-]/g, '').toLowerCase()];
  if (path === '/' || !kind || !allowed.includes(kind)) {
    throw new ItemTypeError(shown, itemType, allowed);
  }

  const existing = await findLive(path, ctx);
  if (existing) {
    // As in PowerShell: -Force hands back an existing folder and overwrites an existing file.
    if (ctx.force && kind === 'folder' && existing.isContainer) return existing;
    if (!(ctx.force && kind === 'file' && !existing.isContainer)) throw new ItemExistsError(shown);
  }

  const { client } = ctx.drive.state;
  const [device, mountPoint] = segmentsOf(path);
  switch (kind) {
    case 'device': {
      const type = parseDeviceType(ctx.dynamic.DeviceType);
      await attempt('create device', shown, () => client.createDevice(device, type, ctx.signal));
      return refreshed(path, ctx);
    }
    case 'mountpoint':
      await createMountPoint(path, device, mountPoint, ctx);
      return refreshed(path, ctx);
    case 'folder':
      return createFolder(path, shown, ctx);
    case 'file': {
      const source = bufferSource(valueBytes(value));
      const file = await attempt('create file', shown, () =>
        client.upload(path, source, { signal: ctx.signal }),
      );
      ctx.drive.state.listings.invalidate(path);
      return fileItem({ ...file, name: file.name || leafOf(path) }, false);
    }
  }
}

/** mkDir; the answer describes the folder, so no listing is read again. */
async function createFolder(path: string, shown: string, ctx: Context): Promise<ProviderItem> {
  const { client, listings } = ctx.drive.state;
  const folder = await attempt('create folder', shown, () => client.createFolder(path, ctx.signal));
  listings.invalidate(path);
  return folderItem({ name: folder.name || leafOf(path) }, false);
}

async function createMountPoint(
  path: string,
  device: string,
  mountPoint: string,
  ctx: Context,
): Promise<void> {
  // JaFS's library refused mount points on the built-in device unless asked; -Force asks.
  const shown = displayPath(path, ctx.drive);
  if (!ctx.force && (await isBuiltInDevice(device, ctx))) throw new BuiltInMountPointError(shown);

  const { client } = ctx.drive.state;
  await attempt('create mount point', shown, () =>
    client.createMountPoint(device, mountPoint, ctx.signal),
  );
}

/** mkdir -p: the mount point and the folders up to `path` (the device must exist). */
export async function makeContainer(path: string, ctx: Context): Promise<ProviderItem> {
  const shown = displayPath(path, ctx.drive);
  const existing = await findLive(path, ctx);
  if (existing?.isContainer) return existing;
  if (existing) {
    throw new InvalidItemOperationError(shown, `Cannot create folder '${shown}': a file is there.`);
  }

  // Looking for `path` has just read its parent: when that is a live folder or mount point, the
  // device and mount point exist, and mkDir is all that is left to do.
  const level = levelOf(path);
  if (level === 'entry' && (await isLiveContainer(parentOf(path), ctx))) {
    return createFolder(path, shown, ctx);
  }

  const [device, mountPoint] = segmentsOf(path);
  if (level === 'account' || level === 'device') {
    const hint = 'a device is made with New-Item -ItemType device';
    throw new InvalidItemOperationError(shown, `Cannot create '${shown}' as a folder: ${hint}.`);
  }

  const mountPointPath = `/${device}/${mountPoint}`;
  if (!(await findLive(mountPointPath, ctx))) {
    if (!(await findLive(`/${device}`, ctx))) {
      const hint = 'create it first with New-Item -ItemType device';
      const message = `Cannot create '${shown}': device '${device}' does not exist; ${hint}.`;
      throw new InvalidItemOperationError(shown, message);
    }
    await createMountPoint(mountPointPath, device, mountPoint, ctx);
    ctx.drive.state.listings.invalidate(mountPointPath);
  }

  return level === 'entry' ? createFolder(path, shown, ctx) : refreshed(path, ctx);
}

/** Whether the cache holds `path` as a live folder or mount point (never loads it). */
async function isLiveContainer(path: string, ctx: Context): Promise<boolean> {
  const listing = await ctx.drive.state.listings.peek(path)?.catch(() => undefined);
  if (listing?.kind !== 'folder' && listing?.kind !== 'mountPoint') return false;
  return listing.deleted === undefined;
}
