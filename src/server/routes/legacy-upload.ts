import { parseClientTime } from '../format.js';
import { invalidArgument, JfsHttpError } from '../http/errors.js';
import { boundaryOf, readMultipartUpload } from '../http/multipart.js';
import { discardBody } from '../http/request.js';
import { allocate, receive, settleEmpty } from '../upload-machine.js';
import type { JfsRequest } from './context.js';
import { requireDevice } from './context.js';
import { sendUploadDocument } from './uploads.js';

/**
 * Whether a POST on a file path is a legacy upload: J* upload headers, or a body typed as one.
 * As on the real service (X1), an octet-stream body wins over a command parameter.
 */
export function isUpload(request: JfsRequest): boolean {
  const { headers } = request.req;
  const type = String(headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/octet-stream') || type.startsWith('multipart/')) return true;
  if (request.query.has('cphash')) return false;
  return headers.jmd5 !== undefined || headers.jsize !== undefined;
}

/**
 * Legacy upload (§5.1): `POST /jfs/<user>/<dev>/<mp>/…/<name>` with JSize, JMd5 (required since
 * 2018 → 400 without; a multipart `md5` field also counts) and the raw or multipart body.
 * Answers 201 with the file document; the revision state in it tells success (COMPLETED), a
 * short body (INCOMPLETE) or a hash mismatch (CORRUPT). Resumes when the latest revision is
 * INCOMPLETE with the same md5 and size: the body is the remainder.
 */
export async function legacyUpload(request: JfsRequest): Promise<void> {
  const { backend, req, account } = request;
  const type = String(req.headers['content-type'] ?? '');
  const boundary = type.toLowerCase().startsWith('multipart/') ? boundaryOf(type) : undefined;
  if (type.toLowerCase().startsWith('multipart/') && boundary === undefined) {
    throw invalidArgument('A multipart upload needs a boundary in its Content-Type');
  }
  const form = boundary === undefined ? undefined : await readMultipartUpload(req, boundary);

  const md5 = req.headers.jmd5 ?? form?.fields.md5;
  if (typeof md5 !== 'string' || md5 === '') {
    throw new JfsHttpError(
      400,
      'no.jotta.backup.errors.BadRequestException',
      'Upload without md5 no longer supported. Use header JMd5.',
    );
  }
  // Without JSize a raw body's length is the size; a multipart body's length is not.
  const bytes = Number(req.headers.jsize ?? (form ? NaN : req.headers['content-length']));
  if (!Number.isSafeInteger(bytes) || bytes < 0) {
    throw invalidArgument('Header JSize must give the file size in bytes');
  }

  const now = Math.floor(Date.now() / 1000);
  let outcome = allocate(
    backend,
    {
      account,
      device: requireDevice(request),
      names: request.names.slice(2),
      md5,
      bytes,
      created: parseClientTime(req.headers.jcreated ?? form?.fields.created, now),
      modified: parseClientTime(req.headers.jmodified ?? form?.fields.modified, now),
    },
    false,
  );
  outcome = await settleEmpty(backend, outcome);
  if (outcome.state === 'INCOMPLETE') {
    outcome = await receive(backend, outcome.revision.id, outcome.resumePos, form?.file ?? req);
  }
  await discardBody(req);
  sendUploadDocument(backend, request.res, account, outcome);
}
