/**
 * Value formats of the JFS wire protocol (§3.1 of the protocol notes): the JFS timestamp with its
 * odd `-T`, the lenient parsing of client-sent times, and the MIME guess from a file extension.
 */

/** Seconds since the epoch, the server's one internal time unit (JFS keeps whole seconds). */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** `2024-05-01-T10:00:00Z` from epoch seconds; the empty string for "never" (an empty element). */
export function jfsTime(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '';
  let text = recentTimes.get(seconds);
  if (text === undefined) {
    const iso = new Date(seconds * 1000).toISOString();
    text = `${iso.slice(0, 10)}-T${iso.slice(11, 19)}Z`;
    // A listing prints three times per revision, mostly the same few: remember recent ones.
    if (recentTimes.size >= 4096) recentTimes.clear();
    recentTimes.set(seconds, text);
  }
  return text;
}

const recentTimes = new Map<number, string>();

/** RFC 3339 with milliseconds, as `mode=liststream` writes its times. */
export function rfc3339Millis(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

const JFS_TIME = /^(\d{4}-\d{2}-\d{2})-T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses a time a client sent (JCreated/JModified headers, allocate `created`/`modified`): the
 * JFS form with `Z` or `+hhmm`, ISO/RFC 3339, or Unix milliseconds. Like the real service
 * (JaFS comment, §3.1) an unparsable value silently means "now"; the result is whole seconds.
 */
export function parseClientTime(value: unknown, fallback: number): number {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.floor(value / 1000);
  if (typeof value !== 'string' || value.trim() === '') return fallback;

  const text = value.trim();
  if (/^\d{10,}$/.test(text)) return Math.floor(Number(text) / 1000);

  const jfs = JFS_TIME.exec(text);
  const candidate = jfs ? `${jfs[1]}T${jfs[2]}${normaliseZone(jfs[3])}` : text;
  const millis = Date.parse(candidate);
  return Number.isNaN(millis) ? fallback : Math.floor(millis / 1000);
}

function normaliseZone(zone: string | undefined): string {
  if (zone === undefined || zone === 'Z') return 'Z';
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  txt: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  htm: 'text/html',
  xml: 'text/xml',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  heic: 'image/heic',
  pdf: 'application/pdf',
  zip: 'application/zip',
  json: 'application/json',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  mp3: 'audio/mpeg',
  doc: 'application/msword',
  docx: 'application/msword',
};

/** The MIME type the server assigns by extension; unknown or none → application/octet-stream. */
export function mimeFor(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return 'application/octet-stream';
  return MIME_BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? 'application/octet-stream';
}

/** The MD5 of zero bytes, the only hash an empty file can have. */
export const EMPTY_MD5 = 'd41d8cd98f00b204e9800998ecf8427e';
