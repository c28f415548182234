/**
 * The one base class of every error jafs raises on purpose. `code` is stable and meant for
 * programs; `errorId` and `category` are what the shell shows in PowerShell's terms
 * (FullyQualifiedErrorId, CategoryInfo). Messages say what failed and what to do next, and never
 * carry a secret.
 */
export class JafsError extends Error {
  /** Stable, machine-readable code, e.g. `ENOTFOUND_ITEM`, `EJFS_QUOTA`. */
  readonly code: string;

  /** PowerShell error id, e.g. `PathNotFound`. */
  readonly errorId: string;

  /** PowerShell error category, e.g. `ObjectNotFound`, `InvalidArgument`, `ResourceExists`. */
  readonly category: ErrorCategory;

  /** The object the error concerns (a path, usually), shown in CategoryInfo. */
  readonly targetObject?: unknown;

  constructor(
    message: string,
    options: {
      code: string;
      errorId?: string;
      category?: ErrorCategory;
      targetObject?: unknown;
      cause?: unknown;
    },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.errorId = options.errorId ?? options.code;
    this.category = options.category ?? 'NotSpecified';
    this.targetObject = options.targetObject;
  }
}

export type ErrorCategory =
  | 'NotSpecified'
  | 'ObjectNotFound'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidData'
  | 'ResourceExists'
  | 'ResourceUnavailable'
  | 'ResourceBusy'
  | 'PermissionDenied'
  | 'NotImplemented'
  | 'NotInstalled'
  | 'OperationStopped'
  | 'OperationTimeout'
  | 'ConnectionError'
  | 'AuthenticationError'
  | 'QuotaExceeded'
  | 'ParserError'
  | 'InvalidType'
  | 'WriteError'
  | 'ReadError'
  | 'LimitsExceeded';

/** The error an AbortSignal raises in every layer, so Ctrl+C is recognised everywhere. */
export class OperationCanceledError extends JafsError {
  constructor(message = 'The operation was canceled.') {
    super(message, {
      code: 'ECANCELED',
      errorId: 'OperationStopped',
      category: 'OperationStopped',
    });
  }
}

export function isAbortError(error: unknown): boolean {
  if (error instanceof OperationCanceledError) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'AbortError' || (error as { code?: unknown } | null)?.code === 'ABORT_ERR';
}
