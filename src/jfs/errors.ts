import { JafsError, type ErrorCategory } from '../core/errors.js';

/** What every JFS failure carries besides its message. */
export interface JfsErrorDetails {
  /** HTTP status, or 0 when the failure happened before or outside an HTTP exchange. */
  status?: number;
  /** Simple name of the server's Java exception, e.g. `NoSuchFileException`. */
  exception?: string;
  /** The device-relative path concerned, e.g. `/Jotta/Archive/a.txt`. */
  path?: string;
  cause?: unknown;
}

interface ErrorKind {
  code: string;
  errorId: string;
  category: ErrorCategory;
}

/**
 * Base of every error the JFS client raises on purpose. Messages name the device-relative path
 * and never contain credentials, tokens or upload URLs.
 */
export class JfsError extends JafsError {
  readonly status: number;
  readonly exception?: string;
  readonly path?: string;

  constructor(message: string, details: JfsErrorDetails = {}, kind?: ErrorKind) {
    super(message, {
      code: kind?.code ?? 'EJFS',
      errorId: kind?.errorId ?? 'JfsError',
      category: kind?.category ?? 'NotSpecified',
      targetObject: details.path,
      cause: details.cause,
    });
    this.status = details.status ?? 0;
    this.exception = details.exception;
    this.path = details.path;
  }
}

/** The object does not exist (404), or exists only in the trash where that matters. */
export class NotFoundError extends JfsError {
  constructor(message: string, details: JfsErrorDetails = {}) {
    super(message, details, {
      code: 'EJFS_NOT_FOUND',
      errorId: 'PathNotFound',
      category: 'ObjectNotFound',
    });
  }
}

/** The target already exists and the operation refuses to replace it. */
export class AlreadyExistsError extends JfsError {
  constructor(message: string, details: JfsErrorDetails = {}) {
    super(message, details, {
      code: 'EJFS_EXISTS',
      errorId: 'ItemExists',
      category: 'ResourceExists',
    });
  }
}

/** The account is out of storage (HTTP 460). Never retried. */
export class QuotaExceededError extends JfsError {
  constructor(message: string, details: JfsErrorDetails = {}) {
    super(message, details, {
      code: 'EJFS_QUOTA',
      errorId: 'QuotaExceeded',
      category: 'QuotaExceeded',
    });
  }
}

/** Credentials were refused (401) or the stored login is no longer valid (`invalid_grant`). */
export class AuthError extends JfsError {
  constructor(message: string, details: JfsErrorDetails = {}) {
    super(message, details, {
      code: 'EJFS_AUTH',
      errorId: 'AuthenticationFailed',
      category: 'AuthenticationError',
    });
  }
}

/** The request clashes with the current state of the object (409, a name held by the trash…). */
export class ConflictError extends JfsError {
  constructor(message: string, details: JfsErrorDetails = {}) {
    super(message, details, {
      code: 'EJFS_CONFLICT',
      errorId: 'Conflict',
      category: 'InvalidOperation',
    });
  }
}

/** The server could not be reached or kept failing transiently after every retry. */
export class TransportError extends JfsError {
  constructor(message: string, details: JfsErrorDetails = {}) {
    super(message, details, {
      code: 'EJFS_TRANSPORT',
      errorId: 'ConnectionFailed',
      category: 'ConnectionError',
    });
  }
}

/** The bytes the server stored do not hash to the MD5 that was declared. */
export class CorruptUploadError extends JfsError {
  constructor(message: string, details: JfsErrorDetails = {}) {
    super(message, details, {
      code: 'EJFS_CORRUPT',
      errorId: 'CorruptUpload',
      category: 'InvalidData',
    });
  }
}

/** The server holds fewer bytes than the file's size: the revision is not COMPLETED. */
export class IncompleteUploadError extends JfsError {
  constructor(message: string, details: JfsErrorDetails = {}) {
    super(message, details, {
      code: 'EJFS_INCOMPLETE',
      errorId: 'IncompleteUpload',
      category: 'InvalidData',
    });
  }
}

/** A path or name the client refuses before any request (empty, `..`, longer than 255…). */
export class InvalidPathError extends JfsError {
  constructor(message: string, details: JfsErrorDetails = {}) {
    super(message, details, {
      code: 'EJFS_INVALID_PATH',
      errorId: 'InvalidPath',
      category: 'InvalidArgument',
    });
  }
}

/** The server answered something the client cannot read (not XML, wrong root element…). */
export class ProtocolError extends JfsError {
  constructor(message: string, details: JfsErrorDetails = {}) {
    super(message, details, {
      code: 'EJFS_PROTOCOL',
      errorId: 'UnexpectedResponse',
      category: 'InvalidData',
    });
  }
}

/** Downloaded bytes do not match the size or MD5 the server lists for the revision. */
export class CorruptDownloadError extends JfsError {
  constructor(message: string, details: JfsErrorDetails = {}) {
    super(message, details, {
      code: 'EJFS_CORRUPT_DOWNLOAD',
      errorId: 'CorruptDownload',
      category: 'ReadError',
    });
  }
}
