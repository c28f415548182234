import { JafsError, isAbortError } from '../../src/core/errors.js';
import { JfsError, NotFoundError } from '../../src/jfs/errors.js';

/** Base of the errors the Jottacloud provider raises itself. */
export class JottacloudProviderError extends JafsError {}

/** A device can only be deleted permanently (Jottacloud has no trash for devices). */
export class DevicePermanentOnlyError extends JottacloudProviderError {
  constructor(device: string) {
    super(`Devices cannot be moved to Trash; use -Permanent to delete '${device}' permanently.`, {
      code: 'EJOTTA_DEVICE_PERMANENT_ONLY',
      errorId: 'DeviceRequiresPermanent',
      category: 'InvalidOperation',
      targetObject: device,
    });
  }
}

/** The built-in device `Jotta` and its built-in mount points belong to the service. */
export class BuiltInItemError extends JottacloudProviderError {
  constructor(path: string, action: string) {
    super(`Cannot ${action} '${path}': it is built into every Jottacloud account.`, {
      code: 'EJOTTA_BUILT_IN',
      errorId: 'BuiltInItem',
      category: 'PermissionDenied',
      targetObject: path,
    });
  }
}

/** A new mount point on the built-in device needs -Force (the official apps never make one). */
export class BuiltInMountPointError extends JottacloudProviderError {
  constructor(path: string) {
    super(
      `Cannot create mount point '${path}' on the built-in device; use -Force to create it anyway.`,
      {
        code: 'EJOTTA_BUILT_IN_MOUNT_POINT',
        errorId: 'BuiltInDeviceMountPoint',
        category: 'PermissionDenied',
        targetObject: path,
      },
    );
  }
}

/** Jottacloud has no request that renames or moves a device or a mount point. */
export class RenameNotSupportedError extends JottacloudProviderError {
  constructor(path: string) {
    super(
      `Renaming devices and mount points is not supported by Jottacloud: '${path}' was not changed.`,
      {
        code: 'EJOTTA_RENAME_UNSUPPORTED',
        errorId: 'RenameNotSupported',
        category: 'NotImplemented',
        targetObject: path,
      },
    );
  }
}

/** The file has no completed revision: its bytes are partial (INCOMPLETE) or wrong (CORRUPT). */
export class UnreadableFileError extends JottacloudProviderError {
  constructor(path: string, state: string) {
    const why =
      state === 'CORRUPT'
        ? 'its upload is corrupt (the bytes received do not match their MD5)'
        : 'its upload is incomplete';
    super(`Cannot read '${path}': ${why} and no complete revision exists. Upload it again.`, {
      code: state === 'CORRUPT' ? 'EJOTTA_FILE_CORRUPT' : 'EJOTTA_FILE_INCOMPLETE',
      errorId: state === 'CORRUPT' ? 'CorruptFile' : 'IncompleteFile',
      category: 'InvalidData',
      targetObject: path,
    });
  }
}

/** New-Item was asked for a type that cannot live at that level of the account. */
export class ItemTypeError extends JottacloudProviderError {
  constructor(path: string, itemType: string, allowed: readonly string[]) {
    const choices = allowed.length > 0 ? allowed.join(', ') : 'none';
    super(`Cannot create a '${itemType}' at '${path}'. Item types allowed here: ${choices}.`, {
      code: 'EJOTTA_ITEM_TYPE',
      errorId: 'InvalidItemType',
      category: 'InvalidArgument',
      targetObject: path,
    });
  }
}

export class InvalidDeviceTypeError extends JottacloudProviderError {
  constructor(value: string, allowed: readonly string[]) {
    super(`'${value}' is not a device type. Use one of: ${allowed.join(', ')}.`, {
      code: 'EJOTTA_DEVICE_TYPE',
      errorId: 'InvalidDeviceType',
      category: 'InvalidArgument',
      targetObject: value,
    });
  }
}

export class ItemExistsError extends JottacloudProviderError {
  constructor(path: string) {
    super(`An item with the specified name '${path}' already exists.`, {
      code: 'EJOTTA_EXISTS',
      errorId: 'ItemExists',
      category: 'ResourceExists',
      targetObject: path,
    });
  }
}

export class ItemNotFoundError extends JottacloudProviderError {
  constructor(path: string) {
    super(`Cannot find path '${path}' because it does not exist.`, {
      code: 'EJOTTA_NOT_FOUND',
      errorId: 'PathNotFound',
      category: 'ObjectNotFound',
      targetObject: path,
    });
  }
}

/** An operation that does not apply to this kind of item (reading a folder's content…). */
export class InvalidItemOperationError extends JottacloudProviderError {
  constructor(path: string, message: string) {
    super(message, {
      code: 'EJOTTA_INVALID_OPERATION',
      errorId: 'InvalidOperation',
      category: 'InvalidOperation',
      targetObject: path,
    });
  }
}

/**
 * A client failure, restated for the shell: the client's device-relative path becomes the
 * drive path the user typed (`JAFS:\Jotta\Archive\a.txt`). Keeps the client's code and category.
 */
export class JottacloudRequestError extends JottacloudProviderError {
  constructor(action: string, shown: string, cause: JfsError) {
    const mentionsPath = cause.path !== undefined && cause.message.includes(cause.path);
    super(
      mentionsPath
        ? cause.message.split(cause.path as string).join(shown)
        : `Cannot ${action} '${shown}': ${cause.message}`,
      {
        code: cause.code,
        errorId: cause.errorId,
        category: cause.category,
        targetObject: shown,
        cause,
      },
    );
  }
}

/** Whether a client call failed because nothing is at the path (also once restated). */
export function isNotFound(error: unknown): boolean {
  if (error instanceof NotFoundError) return true;
  return error instanceof JottacloudRequestError && error.cause instanceof NotFoundError;
}

/**
 * Runs one client call and restates a JFS failure with the drive path `shown`. Cancellation
 * and the provider's own errors pass through untouched.
 */
export async function attempt<T>(action: string, shown: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isAbortError(error) || !(error instanceof JfsError)) throw error;
    throw new JottacloudRequestError(action, shown, error);
  }
}
