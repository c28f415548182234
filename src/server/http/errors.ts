import { JafsError } from '../../core/errors.js';

/**
 * An error the server answers with: an HTTP status plus the Java exception name that real clients
 * classify on (§3.12, §4.15). Route code throws these; the router renders them as the XML error
 * document on JFS paths and as the JSON error shape on the JSON API.
 */
export class JfsHttpError extends JafsError {
  /** HTTP status to answer with. */
  readonly status: number;

  /** Fully qualified exception class, e.g. `no.jotta.backup.errors.NoSuchFileException`. */
  readonly exception: string;

  /** Text after `exception: ` in the message element; empty for a bare class name. */
  readonly detail: string;

  /** Extra response headers (Retry-After on injected faults). */
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    exception: string,
    detail = '',
    headers: Record<string, string> = {},
  ) {
    super(detail === '' ? exception : `${exception}: ${detail}`, {
      code: `EJFS_${status}`,
      errorId: exception.slice(exception.lastIndexOf('.') + 1),
    });
    this.status = status;
    this.exception = exception;
    this.detail = detail;
    this.headers = headers;
  }

  /** The simple class name, which the JSON API reports as `error_id`. */
  get simpleName(): string {
    return this.exception.slice(this.exception.lastIndexOf('.') + 1);
  }
}

const JOTTA = 'no.jotta.backup.errors.';

export const badCredentials = (): JfsHttpError =>
  new JfsHttpError(
    401,
    'org.springframework.security.authentication.BadCredentialsException',
    'Bad credentials',
  );

export const accessDenied = (detail: string): JfsHttpError =>
  new JfsHttpError(403, `${JOTTA}AccessDeniedException`, detail);

export const noSuchFile = (abs: string, source = false): JfsHttpError =>
  new JfsHttpError(
    404,
    `${JOTTA}NoSuchFileException`,
    `${source ? 'Source file' : 'File'} ${abs} does not exist`,
  );

export const noSuchPath = (abs: string, source = false): JfsHttpError =>
  new JfsHttpError(
    404,
    `${JOTTA}NoSuchPathException`,
    source ? `Source directory ${abs} does not exist` : `Directory ${abs}`,
  );

export const noSuchMountPoint = (abs: string): JfsHttpError =>
  new JfsHttpError(404, `${JOTTA}NoSuchMountPointException`, `Mount point ${abs} does not exist`);

export const noSuchDevice = (abs: string): JfsHttpError =>
  new JfsHttpError(404, `${JOTTA}NoSuchDeviceException`, `Device ${abs} does not exist`);

export const invalidArgument = (detail: string): JfsHttpError =>
  new JfsHttpError(400, `${JOTTA}InvalidArgumentException`, detail);

export const badPath = (shown: string): JfsHttpError =>
  new JfsHttpError(
    400,
    'java.lang.IllegalArgumentException',
    `Unable to validate decoded path: ${shown}`,
  );

/** Name conflicts; the real status is unknown (§7.7), 409 is this server's choice. */
export const conflict = (detail: string): JfsHttpError =>
  new JfsHttpError(409, `${JOTTA}UniqueFileException`, detail);

export const rangeNotSatisfiable = (detail: string): JfsHttpError =>
  new JfsHttpError(416, `${JOTTA}RequestedRangeNotSatisfiedException`, detail);

export const quotaExceeded = (detail: string): JfsHttpError =>
  new JfsHttpError(460, `${JOTTA}QuotaExceededException`, detail);

export const missingCommand = (): JfsHttpError =>
  new JfsHttpError(
    500,
    'org.springframework.web.multipart.MultipartException',
    "POST Request is missing multipart content or don't dont have any command parameters",
  );

export const methodNotAllowed = (method: string): JfsHttpError =>
  new JfsHttpError(
    405,
    'org.springframework.web.HttpRequestMethodNotSupportedException',
    `Request method '${method}' not supported`,
  );

export const notFoundRoute = (path: string): JfsHttpError =>
  new JfsHttpError(
    404,
    'org.springframework.web.servlet.NoHandlerFoundException',
    `No handler for ${path}`,
  );

/** The HTTP reason phrases the error document's `reason` element carries. */
export const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  416: 'Requested Range Not Satisfiable',
  420: 'Method Failure',
  429: 'Too Many Requests',
  460: 'Quota Exceeded',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  509: 'Bandwidth Limit Exceeded',
};
