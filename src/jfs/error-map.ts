import {
  AlreadyExistsError,
  AuthError,
  ConflictError,
  InvalidPathError,
  JfsError,
  NotFoundError,
  QuotaExceededError,
  TransportError,
  type JfsErrorDetails,
} from './errors.js';

/** What the server said about a failure, from any of its three error shapes. */
export interface ServerFault {
  /** Simple Java exception name (`NoSuchFileException`) or OAuth error (`invalid_grant`). */
  exception?: string;
  /** Human text after the exception name, with account paths made device-relative. */
  text?: string;
}

/**
 * Reads the XML `<error>` document (§3.12), the JSON error of api.jottacloud.com
 * (`{code, message, error_id}`) or an OAuth error (`{error, error_description}`).
 * Unknown bodies give an empty fault: the status alone then decides.
 */
export function parseServerFault(body: string): ServerFault {
  const trimmed = body.trim();

  if (trimmed.startsWith('{')) {
    try {
      const json = JSON.parse(trimmed) as Record<string, unknown>;
      if (typeof json.error === 'string') {
        return { exception: json.error, text: stringOrUndefined(json.error_description) };
      }
      const id = stringOrUndefined(json.error_id);
      const fromMessage = splitJavaMessage(stringOrUndefined(json.message) ?? '');
      return { exception: id ?? fromMessage.exception, text: fromMessage.text };
    } catch {
      return {};
    }
  }

  const message = /<message>([\s\S]*?)<\/message>/.exec(trimmed)?.[1];
  if (message === undefined) return {};
  return splitJavaMessage(decodeXmlText(message));
}

/** `no.jotta.backup.errors.NoSuchFileException: File /u/Jotta/a does not exist` → parts. */
function splitJavaMessage(message: string): ServerFault {
  const match = /^\s*([\w$.]+?)(?::\s*([\s\S]*))?$/.exec(message);
  if (!match || !/Exception|Error/.test(match[1])) return message ? { text: message } : {};
  const simple = match[1].split('.').pop();
  return { exception: simple, text: match[2]?.trim() || undefined };
}

function decodeXmlText(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** What the request was doing, for the error message: "reading", "moving", … */
export interface FaultContext {
  status: number;
  /** Device-relative path the request concerned. */
  path?: string;
  /** Verb phrase for the message, e.g. `read`, `delete`, `upload`. */
  action: string;
  fault: ServerFault;
}

/** Actions whose 404 means "there is nothing there" rather than "the target path is unknown". */
const READS = new Set(['read', 'download', 'delete', 'list', 'move', 'copy', 'share', 'restore']);

/** A decoded name still holding `%XX`: the real service answers 400 to those (§1.4 item 5). */
const PERCENT_LOOKING = /%[0-9A-Fa-f]{2}/;

/**
 * The single place where HTTP failures become domain errors. 404 → not found, 401 → log in
 * again, 460 → quota, 409 / `UniqueFileException` → exists, other statuses keep their number.
 */
export function errorForStatus(context: FaultContext): JfsError {
  const { status, path, action, fault } = context;
  const details: JfsErrorDetails = { status, exception: fault.exception, path };
  const target = path ?? 'the account';
  const reason = fault.exception ? ` (${fault.exception})` : '';

  if (status === 401 || status === 403) {
    return new AuthError(
      `Cannot ${action} ${target}: the server refused the credentials (HTTP ${status})${reason}.` +
        ' Log in again.',
      details,
    );
  }
  if (status === 404) {
    const why = READS.has(action) ? 'it does not exist' : 'the server does not find this path';
    return new NotFoundError(`Cannot ${action} ${target}: ${why}${reason}.`, details);
  }
  if (status === 460) {
    return new QuotaExceededError(
      `Cannot ${action} ${target}: the account's storage quota is exceeded (HTTP 460).` +
        ' Free some space or empty the trash.',
      details,
    );
  }
  if (status === 409 || /Unique|AlreadyExists|Exists/i.test(fault.exception ?? '')) {
    return new AlreadyExistsError(
      `Cannot ${action} ${target}: it already exists${reason}.`,
      details,
    );
  }
  if (status === 400 && PERCENT_LOOKING.test(path ?? '')) {
    return new InvalidPathError(
      `Cannot ${action} ${target}: Jottacloud refuses names containing text that looks ` +
        'percent-encoded, like %20 (rclone#9153). Rename it and try again.',
      details,
    );
  }
  if (status === 400 && /InvalidArgument|IllegalArgument/.test(fault.exception ?? '')) {
    const text = fault.text ? `: ${fault.text}` : '';
    return new InvalidPathError(`Cannot ${action} ${target}${text}${reason}.`, details);
  }
  if (status === 412 || status === 423) {
    return new ConflictError(
      `Cannot ${action} ${target}: it is locked or changed${reason}.`,
      details,
    );
  }
  if (status >= 500 || status === 429) {
    return new TransportError(
      `Cannot ${action} ${target}: the server failed (HTTP ${status})${reason}. Try again later.`,
      details,
    );
  }
  return new JfsError(`Cannot ${action} ${target}: HTTP ${status}${reason}.`, details);
}
