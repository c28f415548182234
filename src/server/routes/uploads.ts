import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Backend } from '../backend.js';
import { parseClientTime } from '../format.js';
import { authenticate } from '../http/auth.js';
import { invalidArgument, JfsHttpError, noSuchDevice } from '../http/errors.js';
import { originOf, readSmallBody, validateNames } from '../http/request.js';
import { sendJson, sendXml } from '../http/respond.js';
import type { Account } from '../store/accounts.js';
import { BUILTIN_DEVICE } from '../store/accounts.js';
import type { DeviceRow } from '../store/tree.js';
import { allocate, receive, settleEmpty, type UploadOutcome } from '../upload-machine.js';
import { fileElement } from '../xml/documents.js';
import { serverUrl } from './identity.js';
import { statementsOf } from '../store/statements.js';

/** `POST /files/v1/allocate` (§5.2 step 1). */
export async function allocateEndpoint(
  backend: Backend,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const account = authenticate(backend, req);
  const request = parseJson(await readSmallBody(req));
  const path = typeof request.path === 'string' ? request.path : '';
  const { device, names } = allocatePath(backend, account, path);
  const now = Math.floor(Date.now() / 1000);
  if (request.conflict_handler === 'REJECT_CONFLICTS' && hasCurrent(backend, names, device.id)) {
    throw new JfsHttpError(
      409,
      'no.jotta.backup.errors.UniqueFileException',
      `${path} already exists`,
    );
  }

  let outcome = allocate(
    backend,
    {
      account,
      device,
      names,
      md5: String(request.md5 ?? ''),
      bytes: Number(request.bytes),
      created: parseClientTime(request.created, now),
      modified: parseClientTime(request.modified, now),
    },
    true,
  );
  outcome = await settleEmpty(backend, outcome);

  const uploadId =
    outcome.state === 'INCOMPLETE'
      ? uploadIdFor(backend, outcome)
      : randomBytes(16).toString('base64url');
  sendJson(res, 200, {
    name: outcome.node.name,
    path,
    state: outcome.state,
    upload_id: uploadId,
    upload_url: `${originOf(req, serverUrl(backend))}/files/v1/upload/${uploadId}`,
    bytes: outcome.revision.size,
    resume_pos: outcome.resumePos,
  });
}

/**
 * `POST <upload_url>` (§5.2 step 2). An optional `Range: bytes=<start>-…` gives where the body
 * starts; only the start is used (A1 sends odd ends). A body that stops short is answered 420.
 */
export async function uploadEndpoint(
  backend: Backend,
  req: IncomingMessage,
  res: ServerResponse,
  uploadId: string,
): Promise<void> {
  const account = authenticate(backend, req);
  const revisionId = revisionForUpload(backend, account, uploadId);
  const start = rangeStart(req.headers.range);
  const outcome = await receive(backend, revisionId, start, req);

  if (outcome.state === 'INCOMPLETE') {
    throw new JfsHttpError(
      420,
      'no.jotta.backup.errors.IncompleteUploadOpenApiException',
      `Incomplete upload: ${outcome.resumePos} of ${outcome.revision.size} bytes received`,
    );
  }
  if (outcome.state === 'CORRUPT') {
    throw new JfsHttpError(
      400,
      'no.jotta.backup.errors.CorruptUploadOpenApiException',
      'Uploaded bytes do not match the md5 given to allocate',
    );
  }
  sendJson(res, 200, {
    path: `/jfs/${backend.devices.byId(outcome.node.device_id).name}/${[...backend.tree.ancestorNames(outcome.node), outcome.node.name].join('/')}`,
    content_id: outcome.revision.blob,
    bytes: outcome.revision.size,
    md5: outcome.revision.md5,
    modified: outcome.revision.modified * 1000,
  });
}

/** The file document an upload answers with (legacy upload, §5.1 / §8.7). */
export function sendUploadDocument(
  backend: Backend,
  res: ServerResponse,
  account: Account,
  outcome: UploadOutcome,
): void {
  const device = backend.devices.byId(outcome.node.device_id);
  const node = backend.tree.node(outcome.node.id);
  sendXml(
    res,
    201,
    fileElement(
      backend,
      { account, device, node },
      { paths: outcome.state === 'COMPLETED', history: false, root: true },
    ),
  );
}

/** Parses `bytes=<start>-[end]`; no header means 0; anything else is 400. */
export function rangeStart(header: string | undefined): number {
  if (header === undefined) return 0;
  const match = /^bytes=(\d+)-(\d*)$/.exec(header.trim());
  if (!match)
    throw invalidArgument(`Unsupported Range header for an upload: ${header.slice(0, 60)}`);
  return Number(match[1]);
}

/** Allocate paths: `/jfs/<device>/<mp>/…`, or `/<mp>/…` and `<mp>/…` on the Jotta device (§1.3). */
function allocatePath(
  backend: Backend,
  account: Account,
  path: string,
): { device: DeviceRow; names: string[] } {
  const parts = path.split('/').filter((p) => p !== '');
  if (parts[0] === 'jfs' && path.startsWith('/jfs/')) parts.shift();
  else parts.unshift(BUILTIN_DEVICE);
  if (parts.length < 3)
    throw invalidArgument(`Allocate path ${path} must name a device, a mount point and a file`);

  validateNames(parts, path, backend.options.quirks);
  const device = backend.devices.device(account.id, parts[0]);
  if (!device) throw noSuchDevice(`/${account.username}/${parts[0]}`);
  return { device, names: parts.slice(1) };
}

function hasCurrent(backend: Backend, names: string[], deviceId: number): boolean {
  const node = backend.tree.resolve(deviceId, names);
  return (
    node !== undefined &&
    node.deleted === null &&
    backend.revisions.view(node.id).current !== undefined
  );
}

function uploadIdFor(backend: Backend, outcome: UploadOutcome): string {
  const id = `${outcome.revision.id}.${randomBytes(12).toString('base64url')}`;
  statementsOf(backend.db)
    .prepared('UPDATE revisions SET upload_id = ? WHERE id = ?')
    .run(id, outcome.revision.id);
  return id;
}

function revisionForUpload(backend: Backend, account: Account, uploadId: string): number {
  const row = statementsOf(backend.db)
    .prepared(
      `SELECT r.id FROM revisions r JOIN nodes n ON n.id = r.node_id JOIN devices d ON d.id = n.device_id
       WHERE r.upload_id = ? AND d.account_id = ?`,
    )
    .get(uploadId, account.id) as { id: number } | undefined;
  if (!row)
    throw new JfsHttpError(
      404,
      'no.jotta.backup.errors.NoSuchUploadException',
      'Unknown or expired upload id; allocate again',
    );
  return row.id;
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // Reported below as a bad request.
  }
  throw invalidArgument('The request body must be a JSON object');
}
