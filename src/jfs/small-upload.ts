import { createHash } from 'node:crypto';

import { CorruptUploadError, ProtocolError } from './errors.js';
import type { JfsFile } from './models.js';
import { formatJfsTime } from './time.js';
import { verifyUpload } from './upload.js';
import type { Transport } from './transport.js';
import { parseXmlDocument, toFile } from './xml.js';

/** Bytes held in memory, with the times the stored revision should carry. */
export interface SmallUpload {
  bytes: Buffer;
  /**
   * The MD5 the source claims, when it knows one: bytes that do not match it are refused before
   * anything is sent (the source changed while it was read, or lied).
   */
  md5?: string;
  /** @default the time of the upload (the server's choice) */
  modified?: Date;
  /** @default the time of the upload (the server's choice) */
  created?: Date;
}

export interface SmallUploadContext {
  transport: Transport;
  /** The file's JFS URL on the upload origin (`…/jfs/<user>/<device>/<mp>/…/<name>`). */
  url: URL;
  /** The JFS username, to make the answer's paths device-relative. */
  user: string;
}

/**
 * The legacy JFS upload (§5.1) in one request: `JMd5`/`JSize` headers and the raw body. The
 * allocate upload needs two requests plus a re-read to verify (three round trips per file), which
 * is what many small files pay for; this one answers with the stored file itself, so the same
 * check (B03: COMPLETED, same MD5 and size, no newer failed revision) costs nothing more.
 *
 * The bytes are in memory, so a retry after a dropped connection sends them again whole: the
 * server deduplicates by MD5 and size, so a retry of an upload that did land stores nothing new.
 */
export async function uploadSmallFile(
  context: SmallUploadContext,
  path: string,
  upload: SmallUpload,
  signal?: AbortSignal,
): Promise<JfsFile> {
  const { bytes } = upload;
  const md5 = createHash('md5').update(bytes).digest('hex');
  if (upload.md5 !== undefined && upload.md5.toLowerCase() !== md5) {
    throw new CorruptUploadError(
      `Cannot upload ${path}: its bytes have MD5 ${md5}, not the ${upload.md5} its source gave ` +
        '(it may have changed while it was read). Upload it again.',
      { path },
    );
  }
  const headers: Record<string, string> = {
    'content-type': 'application/octet-stream',
    JMd5: md5,
    JSize: String(bytes.length),
  };
  if (upload.created) headers.JCreated = formatJfsTime(upload.created);
  if (upload.modified) headers.JModified = formatJfsTime(upload.modified);

  const url = new URL(context.url);
  url.searchParams.set('umode', 'nomultipart');
  const xml = await context.transport.text({
    method: 'POST',
    url,
    headers,
    body: bytes,
    path,
    action: 'upload',
    idempotent: true,
    signal,
  });

  const document = parseXmlDocument(xml);
  if (document.root !== 'file') {
    const message = `Upload of ${path}: the server answered with a <${document.root}> document.`;
    throw new ProtocolError(message, { path });
  }
  return storedAsSent(toFile(document.node, context.user), path, bytes.length, md5);
}

/**
 * The legacy answer's status is always 201: the revisions in the body tell the outcome, judged
 * as an allocate upload's are (a `latestRevision` is a failed attempt).
 */
function storedAsSent(file: JfsFile, path: string, size: number, md5: string): JfsFile {
  const verified = verifyUpload(file, path, size, md5, false);
  return { ...verified, name: verified.name || path.slice(path.lastIndexOf('/') + 1) };
}
