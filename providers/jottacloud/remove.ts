import type { ProviderContext } from '../../src/provider/types.js';
import {
  BuiltInItemError,
  DevicePermanentOnlyError,
  InvalidItemOperationError,
  ItemNotFoundError,
  attempt,
} from './errors.js';
import { findItem, isBuiltInDevice, isInTrashView, listingPathOf } from './lookup.js';
import { isSwitchOn } from './parameters.js';
import { displayPath, levelOf, segmentsOf } from './paths.js';
import { BUILT_IN_MOUNT_POINTS, TRASH_VIEW_PATH, type JottacloudDriveState } from './state.js';

type Context = ProviderContext<JottacloudDriveState>;

/**
 * Remove-Item. Mount points, folders and files go to Trash unless -Permanent; a device has no
 * trash, so it is deleted only when -Permanent says so. The built-in device and its built-in
 * mount points are refused. Whether children may go along (-Recurse) is the engine's question.
 */
export async function removeItem(path: string, ctx: Context): Promise<void> {
  const shown = displayPath(path, ctx.drive);
  const level = levelOf(path);
  if (level === 'account') {
    throw new InvalidItemOperationError(shown, 'Cannot remove the root of a Jottacloud account.');
  }

  const item = await findItem(path, ctx);
  if (!item) throw new ItemNotFoundError(shown);

  const { client } = ctx.drive.state;
  const permanent = isSwitchOn(ctx.dynamic.Permanent);
  const [device, mountPoint] = segmentsOf(path);
  const builtInDevice = level !== 'entry' && (await isBuiltInDevice(device, ctx));
  const announce = () =>
    ctx.verbose(permanent ? `Deleting '${shown}' permanently.` : `Moving '${shown}' to Trash.`);

  switch (level) {
    case 'device':
      if (builtInDevice) throw new BuiltInItemError(shown, 'remove');
      if (!permanent) throw new DevicePermanentOnlyError(item.name);
      announce();
      await attempt('remove device', shown, () => client.deleteDevice(item.name, ctx.signal));
      break;
    case 'mountPoint':
      if (builtInDevice && BUILT_IN_MOUNT_POINTS.has(mountPoint.toLowerCase())) {
        throw new BuiltInItemError(shown, 'remove');
      }
      announce();
      await attempt('remove mount point', shown, () =>
        client.deleteMountPoint(device, item.name, { permanent }, ctx.signal),
      );
      break;
    case 'entry': {
      if (item.properties.Deleted !== undefined && !permanent) {
        const message = `'${shown}' is already in Trash; use -Permanent to delete it for good.`;
        throw new InvalidItemOperationError(shown, message);
      }
      const target = await trashedAt(path, ctx);
      const remove = item.isContainer ? client.deleteFolder : client.deleteFile;
      announce();
      await attempt('remove', shown, () => remove.call(client, target, { permanent }, ctx.signal));
      ctx.drive.state.listings.invalidate(target);
      break;
    }
  }
  ctx.drive.state.listings.invalidate(path);
  if (!permanent) ctx.drive.state.listings.invalidate(TRASH_VIEW_PATH);
}

/**
 * Where the service deletes an item named through the Trash view: at its original path, the
 * only way the service addresses a trashed item. When a live item has that path again, the
 * delete would hit the live one, so it is refused.
 */
async function trashedAt(path: string, ctx: Context): Promise<string> {
  if (!(await isInTrashView(path, ctx))) return path;

  const shown = displayPath(path, ctx.drive);
  const original = await listingPathOf(path, ctx);
  if (original === undefined) throw new ItemNotFoundError(shown);
  if (await findItem(original, { ...ctx, force: false })) {
    const message =
      `Cannot delete '${shown}' for good: a live item now has its original path ` +
      `'${displayPath(original, ctx.drive)}', and Jottacloud addresses a trashed item only by ` +
      'that path. Clear-RecycleBin empties Trash without touching the live item.';
    throw new InvalidItemOperationError(shown, message);
  }
  return original;
}
