import type { ProviderContext, ProviderItem } from '../../src/provider/types.js';
import {
  InvalidItemOperationError,
  ItemExistsError,
  ItemNotFoundError,
  RenameNotSupportedError,
  UnreadableFileError,
  attempt,
} from './errors.js';
import { findItem, listChildren } from './lookup.js';
import { displayPath, isWithin, joinPath, levelOf, parentOf } from './paths.js';
import type { JottacloudDriveState } from './state.js';

type Context = ProviderContext<JottacloudDriveState>;

/** Devices and mount points cannot be renamed or moved: JFS has no request for it. */
function refuseDevicesAndMountPoints(path: string, ctx: Context): void {
  const level = levelOf(path);
  if (level === 'device' || level === 'mountPoint') {
    throw new RenameNotSupportedError(displayPath(path, ctx.drive));
  }
}

/** Files and folders live in mount points; a destination must be below one. */
function requireEntryDestination(path: string, destination: string, ctx: Context): void {
  if (levelOf(destination) !== 'entry') {
    const [from, to] = [displayPath(path, ctx.drive), displayPath(destination, ctx.drive)];
    const message = `Cannot put '${from}' at '${to}': files and folders belong in a mount point or folder.`;
    throw new InvalidItemOperationError(to, message);
  }
}

async function requireItem(path: string, ctx: Context): Promise<ProviderItem> {
  const item = await findItem(path, ctx);
  if (!item) throw new ItemNotFoundError(displayPath(path, ctx.drive));
  return item;
}

async function itemAt(path: string, ctx: Context): Promise<ProviderItem> {
  const item = await findItem(path, { ...ctx, force: true });
  if (!item) throw new ItemNotFoundError(displayPath(path, ctx.drive));
  return item;
}

/** Rename-Item: a move inside the same folder. */
export async function renameItem(
  path: string,
  newName: string,
  ctx: Context,
): Promise<ProviderItem> {
  refuseDevicesAndMountPoints(path, ctx);
  if (/[/\\]/.test(newName) || newName === '.' || newName === '..' || newName === '') {
    const shown = displayPath(path, ctx.drive);
    const message = `Cannot rename '${shown}' to '${newName}': a new name is one segment, not a path.`;
    throw new InvalidItemOperationError(shown, message);
  }
  return moveItem(path, joinPath(parentOf(path), newName), ctx);
}

/** Move-Item within the account: `mvDir` for folders, `mv` for files. */
export async function moveItem(
  path: string,
  destination: string,
  ctx: Context,
): Promise<ProviderItem> {
  refuseDevicesAndMountPoints(path, ctx);
  requireEntryDestination(path, destination, ctx);
  const shown = displayPath(path, ctx.drive);
  const item = await requireItem(path, ctx);
  const renamingCase = path.toLowerCase() === destination.toLowerCase();
  if (item.isContainer && isWithin(destination, path) && !renamingCase) {
    throw new InvalidItemOperationError(shown, `Cannot move '${shown}' into itself.`);
  }

  // A trashed item at the destination does not block a move; a live one does, unless -Force
  // replaces a file by a file (the old one goes to Trash, as `mv` refuses to overwrite).
  const target = await findItem(destination, { ...ctx, force: false });
  const { client } = ctx.drive.state;
  if (target && !renamingCase) {
    const toShow = displayPath(destination, ctx.drive);
    if (!ctx.force || target.isContainer || item.isContainer) throw new ItemExistsError(toShow);
    await attempt('replace', toShow, () =>
      client.deleteFile(destination, { permanent: false }, ctx.signal),
    );
  }

  const move = item.isContainer ? client.moveFolder : client.moveFile;
  await attempt('move', shown, () => move.call(client, path, destination, ctx.signal));

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
  const shown = displayPath(path, ctx.drive);
  if (levelOf(path) === 'device') {
    throw new InvalidItemOperationError(shown, `Cannot copy device '${shown}'; copy its folders.`);
  }
  requireEntryDestination(path, destination, ctx);
  const item = await requireItem(path, ctx);
  if (item.isContainer && isWithin(destination, path)) {
    throw new InvalidItemOperationError(shown, `Cannot copy '${shown}' into itself.`);
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
    const shown = displayPath(path, ctx.drive);
    // No complete revision: there is nothing whole to copy (the size is that revision's).
    if (item.size === undefined)
      throw new UnreadableFileError(shown, String(item.properties.State));
    await attempt('copy', shown, () => client.copyFile(path, destination, ctx.signal));
    copied.items += 1;
    return;
  }

  await attempt('create folder', displayPath(destination, ctx.drive), () =>
    client.createFolder(destination, ctx.signal),
  );
  copied.items += 1;
  if (!recurse) return;

  // Trashed children stay behind even with -Force: a copy is of what is live.
  for (const child of await listChildren(path, { ...ctx, force: false })) {
    const childPath = joinPath(path, child.name);
    try {
      await copyOne(childPath, joinPath(destination, child.name), child, true, ctx, copied);
    } catch (error) {
      // One unfinished upload should not stop the copy of a whole tree; say what was left.
      if (!(error instanceof UnreadableFileError)) throw error;
      ctx.warning(`Skipped: ${error.message}`);
    }
  }
}
