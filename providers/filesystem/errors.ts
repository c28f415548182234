import { JafsError, OperationCanceledError, isAbortError } from '../../src/core/errors.js';

/**
 * Node's file system errors in PowerShell's words (FileSystemProviderStrings and .NET's
 * IOException messages), so users see what pwsh would say.
 */
export function mapFileSystemError(error: unknown, fullName: string): unknown {
  if (error instanceof JafsError) return error;
  if (isAbortError(error)) return new OperationCanceledError();

  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return fileError(
        `Access to the path '${fullName}' is denied.`,
        'EACCES_FS',
        'PermissionDenied',
        fullName,
        error,
      );
    case 'ENOENT':
      return fileError(
        `Could not find a part of the path '${fullName}'.`,
        'ENOENT_FS',
        'ObjectNotFound',
        fullName,
        error,
      );
    case 'EEXIST':
      return fileError(
        `The file '${fullName}' already exists.`,
        'EEXIST_FS',
        'ResourceExists',
        fullName,
        error,
      );
    case 'ENOTEMPTY':
      return fileError(
        `The directory is not empty. : '${fullName}'`,
        'ENOTEMPTY_FS',
        'WriteError',
        fullName,
        error,
      );
    case 'ENOTDIR':
      return fileError(
        `The directory name is invalid. : '${fullName}'`,
        'ENOTDIR_FS',
        'InvalidArgument',
        fullName,
        error,
      );
    case 'EISDIR':
      return fileError(
        `The path '${fullName}' is a directory.`,
        'EISDIR_FS',
        'InvalidOperation',
        fullName,
        error,
      );
    case 'ENOSPC':
      return fileError(
        'There is not enough space on the disk.',
        'ENOSPC_FS',
        'WriteError',
        fullName,
        error,
      );
    // The process's file-size limit (ulimit -f): the CLI ignores SIGXFSZ so the write fails.
    case 'EFBIG':
      return fileError(
        `The file '${fullName}' would be larger than the file size limit allows (ulimit -f).`,
        'EFBIG_FS',
        'WriteError',
        fullName,
        error,
      );
    default:
      return error;
  }
}

function fileError(
  message: string,
  code: string,
  category:
    | 'PermissionDenied'
    | 'ObjectNotFound'
    | 'ResourceExists'
    | 'WriteError'
    | 'InvalidArgument'
    | 'InvalidOperation',
  fullName: string,
  cause: unknown,
) {
  return new JafsError(message, { code, errorId: code, category, targetObject: fullName, cause });
}
