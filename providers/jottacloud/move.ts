import type { ProviderContext, ProviderItem } from '../../src/provider/types.js';
import {
  InvalidItemOperationError,
  ItemExistsError,
  ItemNotFoundError,
  RenameNotSupportedError,
  attempt,
} from './errors.js';
import { findItem, listChildren } from './lookup.js';
import { isWithin, joinPath, levelOf, parentOf } from './paths.js';
import type { JottacloudDriveState } from './state.js';

type Context = ProviderContext<JottacloudDriveState>;

/** Devices and mount points cannot be renamed or moved: JFS has no request for it. */
function refuseDevicesAndMountPoints(path: string): void {
  const level = levelOf(path);
  if (level === 'device' || level === 'mountPoint') throw new RenameNotSupportedError(path);
}

/** Files and folders live in mount points; a destination must be below one. */
function requireEntryDestination(path: string, destination: string): void {
  if (levelOf(destination) !== 'entry') {
    const message = `Cannot put '${path}' at '${destination}': files and folders belong in a mount point or folder.`;
    throw new InvalidItemOperationError(destination, message);
  }
}

async function requireItem(path: string, ctx: Context): Promise<ProviderItem> {
  const item = await findItem(path, ctx);
  if (!item) throw new ItemNotFoundError(path);
  return item;
}

async function itemAt(path: string, ctx: Context): Promise<ProviderItem> {
  const item = await findItem(path, { ...ctx, force: true });
  if (!item) throw new ItemNotFoundError(path);
  return item;
}

/** Rename-Item: a move inside the same folder. */
export async function renameItem(
  path: string,
  newName: string,
  ctx: Context,
): Promise<ProviderItem> {
  refuseDevicesAndMountPoints(path);
  if (/[/\\]/.test(newName) || newName === '.' || newName === '..' || newName === '') {
    const message = `Cannot rename '${path}' to '${newName}': a new name is one segment, not a path.`;
    throw new InvalidItemOperationError(path, message);
  }
  return moveItem(path, joinPath(parentOf(path), newName), ctx);
}

/** Move-Item within the account: `mvDir` for folders, `mv` for files. */
export async function moveItem(
  path: string,
  destination: string,
  ctx: Context,
): Promise<ProviderItem> {
  refuseDevicesAndMountPoints(path);
  requireEntryDestination(path, destination);
  const item = await requireItem(path, ctx);
  const renamingCase = path.toLowerCase() === destination.toLowerCase();
  if (item.isContainer && isWithin(destination, path) && !renamingCase) {
    throw new InvalidItemOperationError(path, `Cannot move '${path}' into itself.`);
  }

  const target = await findItem(destination, ctx);
  if (target && !renamingCase) throw new ItemExistsError(destination);

  const { client } = ctx.drive.state;
  const move = item.isContainer ? client.moveFolder : client.moveFile;
  await attempt('move', path, () => move.call(client, path, destination, ctx.signal));

  ctx.drive.state.listings.invalidate(path);
  ctx.drive.state.listings.invalidate(destination);
  return itemAt(destination, ctx);
}

/**
 * Copy-Item within the account. Files are copied by the server (`cp`); a folder (or a mount
 * point's content) is recreated folder by folder with each file copied by the server, and
 * only with -Recurse does it take its content along, as in PowerShell.
 */
export async function copyItem(
  path: string,
  destination: string,
  recurse: boolean,
  ctx: Context,
): Promise<ProviderItem> {
  if (levelOf(path) === 'device') {
    throw new InvalidItemOperationError(path, `Cannot copy device '${path}'; copy its folders.`);
  }
  requireEntryDestination(path, destination);
  const item = await requireItem(path, ctx);
  if (item.isContainer && isWithin(destination, path)) {
    throw new InvalidItemOperationError(path, `Cannot copy '${path}' into itself.`);
  }

  const copied = { items: 0 };
  await copyOne(path, destination, item, recurse, ctx, copied);
  ctx.progress({ activity: 'Copy-Item', itemsDone: copied.items, completed: true });

  ctx.drive.state.listings.invalidate(destination);
  return itemAt(destination, ctx);
}

async function copyOne(
  path: string,
  destination: string,
  item: ProviderItem,
  recurse: boolean,
  ctx: Context,
  copied: { items: number },
): Promise<void> {
  const { client } = ctx.drive.state;
  ctx.progress({ activity: 'Copy-Item', status: path, itemsDone: copied.items });

  if (!item.isContainer) {
    await attempt('copy', path, () => client.copyFile(path, destination, ctx.signal));
    copied.items += 1;
    return;
  }

  await attempt('create folder', destination, () => client.createFolder(destination, ctx.signal));
  copied.items += 1;
  if (!recurse) return;

  // Trashed children stay behind even with -Force: a copy is of what is live.
  for (const child of await listChildren(path, { ...ctx, force: false })) {
    const childPath = joinPath(path, child.name);
    await copyOne(childPath, joinPath(destination, child.name), child, true, ctx, copied);
  }
}
