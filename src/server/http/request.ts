import type { IncomingMessage } from 'node:http';
import type { QuirkOptions } from '../options.js';
import { badPath, invalidArgument, JfsHttpError, noSuchPath } from './errors.js';

/** The parts of a request URL the routes use. */
export interface RequestTarget {
  /** The raw path, still percent-encoded. */
  rawPath: string;
  /** Query values, form-decoded (`+` and `%20` are spaces). */
  query: URLSearchParams;
}

export function parseTarget(url: string | undefined): RequestTarget {
  const text = url ?? '/';
  const mark = text.indexOf('?');
  const rawPath = mark < 0 ? text : text.slice(0, mark);
  const query = new URLSearchParams(mark < 0 ? '' : text.slice(mark + 1));
  return { rawPath, query };
}

/** JFS file names may not be longer than this many characters (§7.1). */
export const MAX_NAME_LENGTH = 255;

/**
 * Decodes the segments of a JFS path the way the service does (§1.4): a literal `+` is a space,
 * then one percent-decoding pass, UTF-8. Empty segments (doubled or trailing slashes) are dropped.
 * Optional quirks reproduce reported server faults.
 */
export function decodeSegments(rawPath: string, quirks: Required<QuirkOptions>): string[] {
  const names: string[] = [];
  for (let segment of rawPath.split('/')) {
    if (quirks.semicolonEndsSegment && segment.includes(';'))
      segment = segment.slice(0, segment.indexOf(';'));
    if (segment === '') continue;

    let name: string;
    try {
      name = decodeURIComponent(segment.replace(/\+/g, ' '));
    } catch {
      throw badPath(rawPath);
    }
    checkName(name, rawPath, quirks);
    names.push(name);
  }
  return names;
}

/** Checks names that arrived decoded already (query destinations, allocate paths). */
export function validateNames(
  names: string[],
  shown: string,
  quirks: Required<QuirkOptions>,
): void {
  for (const name of names) checkName(name, shown, quirks);
}

function checkName(name: string, rawPath: string, quirks: Required<QuirkOptions>): void {
  if (name === '.' || name === '..' || name.includes('/') || name.includes('\u0000'))
    throw badPath(rawPath);
  if ([...name].length > MAX_NAME_LENGTH) {
    throw invalidArgument(`JFS file names may not be longer than ${MAX_NAME_LENGTH} characters`);
  }
  if (quirks.rejectPercentNames && /%[0-9A-Fa-f]{2}/.test(name)) {
    throw new JfsHttpError(400, 'java.lang.IllegalArgumentException', 'Bad request');
  }
  if (quirks.rejectLeadingSpace && name.startsWith(' ')) throw noSuchPath(rawPath);
}

/** Reads a small request body (JSON, form) into a string; refuses more than `limit` bytes. */
export async function readSmallBody(req: IncomingMessage, limit = 1 << 20): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit)
      throw new JfsHttpError(413, 'java.lang.IllegalArgumentException', 'Request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Drains a body the route does not need, so keep-alive connections stay usable. */
export async function discardBody(req: IncomingMessage): Promise<void> {
  if (req.readableEnded) return;
  for await (const _chunk of req) {
    // Bytes of a command POST carry no meaning.
  }
}

/** The origin a client reached us by, for URLs we hand back (upload_url, well-known links). */
export function originOf(req: IncomingMessage, fallback: string): string {
  const host = req.headers.host;
  if (host && /^[A-Za-z0-9.\-[\]:]+$/.test(host)) return `http://${host}`;
  return fallback;
}
