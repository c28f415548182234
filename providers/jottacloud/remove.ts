import type { ProviderContext } from '../../src/provider/types.js';
import {
  BuiltInItemError,
  DevicePermanentOnlyError,
  InvalidItemOperationError,
  ItemNotFoundError,
  attempt,
} from './errors.js';
import { findItem, isBuiltInDevice } from './lookup.js';
import { isSwitchOn } from './parameters.js';
import { levelOf, segmentsOf } from './paths.js';
import { BUILT_IN_MOUNT_POINTS, type JottacloudDriveState } from './state.js';

type Context = ProviderContext<JottacloudDriveState>;

/**
 * Remove-Item. Mount points, folders and files go to Trash unless -Permanent; a device has no
 * trash, so it is deleted only when -Permanent says so. The built-in device and its built-in
 * mount points are refused. Whether children may go along (-Recurse) is the engine's question.
 */
export async function removeItem(path: string, ctx: Context): Promise<void> {
  const level = levelOf(path);
  if (level === 'account') {
    throw new InvalidItemOperationError(path, 'Cannot remove the root of a Jottacloud drive.');
  }

  const item = await findItem(path, ctx);
  if (!item) throw new ItemNotFoundError(path);

  const { client } = ctx.drive.state;
  const permanent = isSwitchOn(ctx.dynamic.Permanent);
  const [device, mountPoint] = segmentsOf(path);
  const builtInDevice = level !== 'entry' && (await isBuiltInDevice(device, ctx));

  switch (level) {
    case 'device':
      if (builtInDevice) throw new BuiltInItemError(path, 'remove');
      if (!permanent) throw new DevicePermanentOnlyError(item.name);
      await attempt('remove device', path, () => client.deleteDevice(item.name, ctx.signal));
      break;
    case 'mountPoint':
      if (builtInDevice && BUILT_IN_MOUNT_POINTS.has(mountPoint.toLowerCase())) {
        throw new BuiltInItemError(path, 'remove');
      }
      await attempt('remove mount point', path, () =>
        client.deleteMountPoint(device, item.name, { permanent }, ctx.signal),
      );
      break;
    case 'entry': {
      if (item.properties.Deleted !== undefined && !permanent) {
        const message = `'${path}' is already in Trash; use -Permanent to delete it for good.`;
        throw new InvalidItemOperationError(path, message);
      }
      const remove = item.isContainer ? client.deleteFolder : client.deleteFile;
      await attempt('remove', path, () => remove.call(client, path, { permanent }, ctx.signal));
      break;
    }
  }
  ctx.drive.state.listings.invalidate(path);
}
