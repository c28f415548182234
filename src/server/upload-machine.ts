import { type Backend, collectBlobs } from './backend.js';
import { EMPTY_MD5, mimeFor, nowSeconds } from './format.js';
import {
  conflict,
  invalidArgument,
  JfsHttpError,
  quotaExceeded,
  rangeNotSatisfiable,
} from './http/errors.js';
import type { Account } from './store/accounts.js';
import type { RevisionRow } from './store/revisions.js';
import type { DeviceRow, NodeRow } from './store/tree.js';

/** What an upload declares up front (allocate JSON or legacy J* headers). */
export interface UploadClaim {
  account: Account;
  device: DeviceRow;
  /** Mount point, folders, file name — decoded. */
  names: string[];
  md5: string;
  bytes: number;
  created?: number;
  modified?: number;
}

/** Where an upload stands after allocate or after a body was received. */
export interface UploadOutcome {
  node: NodeRow;
  revision: RevisionRow;
  state: RevisionRow['state'];
  /** First byte the server still needs (== bytes when done). */
  resumePos: number;
  /** Files to remove once the allocation committed (retention, superseded partial bytes). */
  cleanup?: { blobs: string[]; partials: number[] };
}

const MD5_HEX = /^[0-9a-fA-F]{32}$/;

/** Revisions with a body being written right now, and when that write ends. */
const busy = new Map<number, Promise<void>>();

/**
 * Allocate (§5.3): touch when the current revision has this content, dedupe from the account's
 * store, resume an open INCOMPLETE revision of the same md5/size, or open a new revision. With
 * `dedupe: false` (legacy upload) only resuming is tried: every legacy upload is a new revision.
 */
export function allocate(backend: Backend, claim: UploadClaim, dedupe: boolean): UploadOutcome {
  if (!MD5_HEX.test(claim.md5)) throw invalidArgument('md5 must be 32 hexadecimal digits');
  if (!Number.isSafeInteger(claim.bytes) || claim.bytes < 0)
    throw invalidArgument('bytes must be a non-negative integer');

  const run = backend.db.transaction((): UploadOutcome => {
    const node = fileAt(backend, claim);
    const view = backend.revisions.view(node.id);
    const now = nowSeconds();
    const created = claim.created ?? now;
    const modified = claim.modified ?? now;
    const sameContent = (r: RevisionRow | undefined): boolean =>
      r !== undefined && r.md5.toLowerCase() === claim.md5.toLowerCase() && r.size === claim.bytes;

    if (dedupe && view.latest === undefined && sameContent(view.current)) {
      backend.revisions.setTimes(view.current as RevisionRow, created, modified);
      return done(backend, node, (view.current as RevisionRow).id);
    }
    if (view.latest?.state === 'INCOMPLETE' && sameContent(view.latest)) {
      return { node, revision: view.latest, state: 'INCOMPLETE', resumePos: view.latest.received };
    }

    checkQuota(backend, claim.account, claim.bytes);
    const cleanup = { blobs: [] as string[], partials: [] as number[] };
    if (view.latest?.state === 'INCOMPLETE' && !busy.has(view.latest.id)) {
      // Superseded by a different content: it can never resume, so its bytes no longer count.
      // The partial file itself stays until retention drops the revision: another session may
      // still be about to send it (two uploads of one path at once), and removing the file
      // under that upload made it fail with a 500. A body arriving right now is left alone.
      backend.revisions.setReceived(view.latest, 0);
    }
    const known = dedupe
      ? backend.revisions.findContent(claim.account.id, claim.md5, claim.bytes)
      : undefined;
    const base = { created, modified, mime: mimeFor(node.name), md5: claim.md5, size: claim.bytes };
    if (known !== undefined) {
      const revision = backend.revisions.add(node, {
        ...base,
        state: 'COMPLETED',
        received: claim.bytes,
        blob: known,
      });
      backend.tree.touchMount(node, now);
      const dropped = backend.revisions.prune(node.id);
      cleanup.blobs.push(...dropped.blobs);
      cleanup.partials.push(...dropped.partials);
      return { ...done(backend, node, revision.id), cleanup };
    }
    const revision = backend.revisions.add(node, { ...base, state: 'INCOMPLETE' });
    return { node, revision, state: 'INCOMPLETE', resumePos: 0, cleanup };
  });
  return run();
}

/**
 * Receives upload bytes for an open revision starting at `start`, then settles its state:
 * INCOMPLETE while bytes are missing, COMPLETED when the hash matches, CORRUPT otherwise.
 * A body that breaks off keeps what arrived (fsynced) so the next allocate resumes from there.
 */
export async function receive(
  backend: Backend,
  revisionId: number,
  start: number,
  body: AsyncIterable<Buffer>,
): Promise<UploadOutcome> {
  // A writer still busy with this revision is usually a connection that just broke: wait for it
  // to record what it got instead of refusing the retry.
  while (busy.has(revisionId)) await busy.get(revisionId);

  const revision = backend.revisions.byId(revisionId);
  if (!revision || revision.state !== 'INCOMPLETE')
    throw invalidArgument('This upload is not open any more; allocate again');
  if (start > revision.received) {
    throw rangeNotSatisfiable(`Upload must continue at byte ${revision.received}, not ${start}`);
  }

  const work = write(backend, revision, start, body);
  const settled = work.then(
    () => undefined,
    () => undefined,
  );
  busy.set(revisionId, settled);
  try {
    return await work;
  } finally {
    busy.delete(revisionId);
  }
}

async function write(
  backend: Backend,
  revision: RevisionRow,
  start: number,
  body: AsyncIterable<Buffer>,
): Promise<UploadOutcome> {
  const { written, failure, md5 } = await backend.blobs.append(
    revision.id,
    start,
    body,
    revision.size - start,
    (done) => backend.revisions.setReceived(revision, start + done),
  );
  if (failure instanceof JfsHttpError) {
    backend.revisions.setReceived(revision, start);
    throw failure;
  }

  const received = start + written;
  backend.revisions.setReceived(revision, received);
  return settle(backend, { ...revision, received }, md5);
}

/** After allocate: removes what it superseded, and completes a zero-byte upload (no body). */
export async function settleEmpty(
  backend: Backend,
  outcome: UploadOutcome,
): Promise<UploadOutcome> {
  if (outcome.cleanup) await afterPrune(backend, outcome.cleanup);
  if (outcome.state !== 'INCOMPLETE' || outcome.revision.size !== 0) return outcome;
  return settle(backend, outcome.revision);
}

/** `knownMd5`: the hash of the whole content when it was computed while the bytes arrived. */
async function settle(
  backend: Backend,
  revision: RevisionRow,
  knownMd5?: string,
): Promise<UploadOutcome> {
  if (!backend.revisions.byId(revision.id)) {
    // The file was deleted while its bytes were arriving.
    await backend.blobs.dropPartial(revision.id);
    throw new JfsHttpError(
      404,
      'no.jotta.backup.errors.NoSuchFileException',
      'The file was deleted during the upload',
    );
  }
  const node = backend.tree.node(revision.node_id);
  if (revision.received < revision.size) {
    return { node, revision, state: 'INCOMPLETE', resumePos: revision.received };
  }

  const actual =
    revision.size === 0 ? EMPTY_MD5 : (knownMd5 ?? (await backend.blobs.hashPartial(revision.id)));
  if (actual !== revision.md5.toLowerCase()) {
    await backend.blobs.dropPartial(revision.id);
    backend.revisions.corrupt(revision);
    return {
      node,
      revision: backend.revisions.byId(revision.id) as RevisionRow,
      state: 'CORRUPT',
      resumePos: 0,
    };
  }

  if (revision.size === 0) await backend.blobs.dropPartial(revision.id);
  else await backend.blobs.promote(revision.id, actual);
  const dropped = backend.db.transaction(() => {
    backend.revisions.complete(revision, actual);
    backend.tree.touchMount(node, nowSeconds());
    return backend.revisions.prune(node.id);
  })();
  await afterPrune(backend, dropped);
  return done(backend, node, revision.id);
}

function done(backend: Backend, node: NodeRow, revisionId: number): UploadOutcome {
  const revision = backend.revisions.byId(revisionId) as RevisionRow;
  return { node, revision, state: 'COMPLETED', resumePos: revision.size };
}

/** Cleans up after retention dropped revisions (blob files, partial files). */
export async function afterPrune(
  backend: Backend,
  dropped: { blobs: string[]; partials: number[] },
): Promise<void> {
  for (const id of dropped.partials) {
    if (!busy.has(id)) await backend.blobs.dropPartial(id);
  }
  // Retention names the partial files it dropped, so the directory sweep that comes with
  // collecting blobs (for deleted subtrees) is only needed when blobs were released: it read
  // the whole partial folder on every finished upload.
  if (dropped.blobs.length > 0) await collectBlobs(backend, dropped.blobs);
}

/** The live file at the claimed path, created (with missing parents) when needed. */
function fileAt(backend: Backend, claim: UploadClaim): NodeRow {
  if (claim.names.length < 2)
    throw invalidArgument('An upload path needs a mount point and a file name');
  const parent = backend.tree.ensureLiveFolders(claim.device.id, claim.names.slice(0, -1));
  const name = claim.names[claim.names.length - 1];
  const existing = backend.tree.liveChild(claim.device.id, parent.id, name);
  if (existing && existing.kind !== 'file') throw conflict(`${name} is a folder`);
  return existing ?? backend.tree.createNode(claim.device.id, parent.id, 'file', name);
}

/** 460 when the account would go over its capacity (jotta-cli-issues#57). */
export function checkQuota(backend: Backend, account: Account, extra: number): void {
  const fresh = backend.accounts.byId(account.id) ?? account;
  if (fresh.quota < 0) return;
  const usage = backend.revisions.usage(account.id);
  if (usage + extra > fresh.quota) {
    throw quotaExceeded(
      `Storage quota exceeded: ${usage} of ${fresh.quota} bytes used, ${extra} more requested`,
    );
  }
}
