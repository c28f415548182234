import { JafsError } from '../core/errors.js';

/**
 * The errors the provider engine raises, with PowerShell's own messages and error ids so that
 * scripts and users recognise them (SessionStateStrings.resx, NavigationResources.resx).
 */

/** A literal path names nothing: `Cannot find path '…' because it does not exist.` */
export class ItemNotFoundError extends JafsError {
  constructor(path: string, cause?: unknown) {
    super(`Cannot find path '${path}' because it does not exist.`, {
      code: 'ENOTFOUND_ITEM',
      errorId: 'PathNotFound',
      category: 'ObjectNotFound',
      targetObject: path,
      cause,
    });
  }
}

/**
 * The folder a new item would go into is missing: PowerShell's file-system wording (the .NET
 * DirectoryNotFoundException), used for every provider so that both drives say the same.
 */
export class PartOfPathNotFoundError extends JafsError {
  constructor(path: string, errorId: string) {
    super(`Could not find a part of the path '${path}'.`, {
      code: 'ENOTFOUND_PARENT',
      errorId,
      category: 'ObjectNotFound',
      targetObject: path,
    });
  }
}

/** A drive-qualified path names a drive that is not mounted. */
export class DriveNotFoundError extends JafsError {
  constructor(name: string) {
    super(`Cannot find drive. A drive with the name '${name}' does not exist.`, {
      code: 'ENOTFOUND_DRIVE',
      errorId: 'DriveNotFound',
      category: 'ObjectNotFound',
      targetObject: name,
    });
  }
}

/** New-PSDrive, Get-PSProvider or `Provider::path` name an unknown provider. */
export class ProviderNotFoundError extends JafsError {
  constructor(name: string) {
    super(`Cannot find a provider with the name '${name}'.`, {
      code: 'ENOTFOUND_PROVIDER',
      errorId: 'ProviderNotFound',
      category: 'ObjectNotFound',
      targetObject: name,
    });
  }
}

/** The provider lacks the verb a cmdlet needs (no copyItem, no getContent…). */
export class NotSupportedError extends JafsError {
  constructor(target?: string) {
    super('Provider operation stopped because the provider does not support this operation.', {
      code: 'ENOTSUP_PROVIDER',
      errorId: 'NotSupported',
      category: 'NotImplemented',
      targetObject: target,
    });
  }
}

/** New-PSDrive with a name already in use. */
export class DriveExistsError extends JafsError {
  constructor(name: string) {
    super(`A drive with the name '${name}' already exists.`, {
      code: 'EEXIST_DRIVE',
      errorId: 'DriveAlreadyExists',
      category: 'ResourceExists',
      targetObject: name,
    });
  }
}

/** Remove-PSDrive of the current drive without -Force. */
export class DriveInUseError extends JafsError {
  constructor(name: string) {
    super(`Cannot remove drive '${name}' because it is in use.`, {
      code: 'EBUSY_DRIVE',
      errorId: 'DriveRemovalPreventedByUse',
      category: 'ResourceBusy',
      targetObject: name,
    });
  }
}

/** New-Item on an existing item without -Force (FileSystem wording for both kinds). */
export class ItemExistsError extends JafsError {
  constructor(path: string, isContainer: boolean) {
    super(
      isContainer
        ? `An item with the specified name ${path} already exists.`
        : `The file '${path}' already exists.`,
      {
        code: 'EEXIST_ITEM',
        errorId: isContainer ? 'DirectoryExist' : 'NewItemAlreadyExists',
        category: 'ResourceExists',
        targetObject: path,
      },
    );
  }
}

/** Remove-Item of the current location or one of its ancestors. */
export class RemoveItemInUseError extends JafsError {
  constructor(path: string) {
    super(`Cannot remove the item at '${path}' because it is in use.`, {
      code: 'EBUSY_ITEM',
      errorId: 'RemoveItemInUse',
      category: 'InvalidOperation',
      targetObject: path,
    });
  }
}

/** `cd -` / `cd +` with nothing left in that direction. */
export class LocationHistoryEmptyError extends JafsError {
  constructor(direction: 'backwards' | 'forwards') {
    super(`There is no location history left to navigate ${direction}.`, {
      code: 'ENOHISTORY_LOCATION',
      errorId: 'InvalidOperation',
      category: 'InvalidOperation',
    });
  }
}

/** Pop-Location or Get-Location -StackName of a stack that does not exist. */
export class StackNotFoundError extends JafsError {
  constructor(name: string) {
    super(`Cannot find location stack '${name}'. It does not exist or it is not a container.`, {
      code: 'ENOTFOUND_STACK',
      errorId: 'InvalidOperation',
      category: 'InvalidOperation',
      targetObject: name,
    });
  }
}

/** Set-Location with a wildcard that matches more than one container. */
export class MultipleContainersError extends JafsError {
  constructor(path: string) {
    super(
      `Cannot set the location because path '${path}' resolved to multiple containers. ` +
        'You can only set the location to a single container at a time.',
      {
        code: 'EMULTIPLE_LOCATION',
        errorId: 'PathResolvedToMultiple',
        category: 'InvalidArgument',
        targetObject: path,
      },
    );
  }
}

/** `~` on a provider without a home. */
export class HomeNotSetError extends JafsError {
  constructor(provider: string) {
    super(
      'Home location for this provider is not set. To set the home location, call ' +
        `"(get-psprovider '${provider}').Home = 'path'".`,
      { code: 'ENOHOME', errorId: 'HomePathNotSet', category: 'InvalidOperation' },
    );
  }
}

/** `-ItemType` names no type the provider knows; the message lists the ones it does. */
export class UnknownItemTypeError extends JafsError {
  constructor(itemType: string, known: readonly string[]) {
    const list = known.map((type) => `"${type}"`).join(', ');
    super(
      `The type '${itemType}' is not a known item type for this provider. ` +
        `Only ${list} can be specified.`,
      {
        code: 'EINVAL_ITEMTYPE',
        errorId: 'NewItemTypeUnknown',
        category: 'InvalidArgument',
        targetObject: itemType,
      },
    );
  }
}

/** A general argument problem with PowerShell's wording passed in by the caller. */
export class ProviderArgumentError extends JafsError {
  constructor(message: string, errorId: string, targetObject?: unknown) {
    super(message, { code: 'EINVAL_PROVIDER', errorId, category: 'InvalidArgument', targetObject });
  }
}

/** An operation that is not valid for the item (copy a folder onto a file, read a folder…). */
export class ProviderOperationError extends JafsError {
  constructor(message: string, errorId: string, targetObject?: unknown) {
    super(message, {
      code: 'EINVALOP_PROVIDER',
      errorId,
      category: 'InvalidOperation',
      targetObject,
    });
  }
}

/** The content read back does not match what was sent (MD5 differs). */
export class ContentMismatchError extends JafsError {
  constructor(path: string, expected: string, actual: string) {
    super(
      `The content written to '${path}' does not match its source ` +
        `(MD5 ${actual} instead of ${expected}); the target was left unchanged.`,
      {
        code: 'EMD5_MISMATCH',
        errorId: 'ContentMismatch',
        category: 'InvalidData',
        targetObject: path,
      },
    );
  }
}

/** A wildcard pattern that cannot be parsed (an unclosed `[`). */
export class WildcardPatternError extends JafsError {
  constructor(pattern: string) {
    super(`The specified wildcard character pattern is not valid: ${pattern}`, {
      code: 'EINVAL_WILDCARD',
      errorId: 'WildcardPatternException',
      category: 'InvalidArgument',
      targetObject: pattern,
    });
  }
}

/**
 * An unexpected failure inside a provider, wrapped the way PowerShell's
 * ProviderInvocationException is; the cause's own message is kept at the end.
 */
export class ProviderInvocationError extends JafsError {
  constructor(operation: string, provider: string, path: string, cause: unknown) {
    const inner = cause instanceof Error ? cause.message : String(cause);
    super(
      `Attempting to perform the ${operation} operation on the '${provider}' provider failed ` +
        `for path '${path}'. ${inner}`,
      {
        code: 'EPROVIDER',
        errorId: `${operation}ProviderException`,
        category: 'NotSpecified',
        targetObject: path,
        cause,
      },
    );
  }
}
