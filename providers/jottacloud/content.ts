import type { ContentSource, ProviderContext, ProviderItem } from '../../src/provider/types.js';
import { JfsError } from '../../src/jfs/errors.js';
import type { JfsFile } from '../../src/jfs/models.js';
import type { SmallUpload } from '../../src/jfs/small-upload.js';
import type { JottacloudClient, UploadSource } from './client.js';
import {
  InvalidItemOperationError,
  ItemNotFoundError,
  UnreadableFileError,
  attempt,
} from './errors.js';
import { fileItem } from './items.js';
import { findItem, loadListing } from './lookup.js';
import { displayPath, levelOf } from './paths.js';
import type { JottacloudDriveState } from './state.js';
import { bufferSource, isSmall, readSmall, toUploadSource } from './upload-source.js';

type Context = ProviderContext<JottacloudDriveState>;

/** How long removing a failed upload's leftover may take once the command itself is over. */
const CLEANUP_TIMEOUT_MS = 10_000;

/**
 * The bytes of a file's newest complete revision. A file whose uploads never completed is
 * refused: its bytes are partial or wrong, and handing them out as the file would lose data.
 */
export async function getContent(path: string, ctx: Context): Promise<ContentSource> {
  const shown = displayPath(path, ctx.drive);
  const item = await findItem(path, ctx);
  if (!item) throw new ItemNotFoundError(shown);
  if (item.isContainer) {
    throw new InvalidItemOperationError(shown, `Cannot read '${shown}': it is a container.`);
  }

  // A direct GET of the file: it carries the revisions a parent listing leaves out.
  const file = await loadListing(path, ctx);
  if (file.kind !== 'file') throw new ItemNotFoundError(shown);
  const asked = ctx.dynamic.Revision;
  if (asked !== undefined && asked !== null) return revisionContent(path, file, Number(asked), ctx);
  const current = file.currentRevision;
  if (!current) throw new UnreadableFileError(shown, file.state);

  // A failed newer upload leaves the last complete revision readable; say which one is read.
  let revision: number | undefined;
  if (file.latestRevision) {
    revision = current.number;
    const state = file.latestRevision.state.toLowerCase();
    ctx.warning(`The newest upload of '${shown}' is ${state}; reading revision ${revision}.`);
  }

  return downloadSource(path, current, revision, ctx);
}

/**
 * The bytes of a file the caller has just listed. A listing entry whose newest revision is
 * COMPLETED carries its size and MD5, so the download starts at once, without the direct GET
 * getContent makes for the revisions (the writer checks the bytes against that MD5). Anything
 * else (-Revision, a newer failed upload, no MD5) takes getContent's way.
 */
export async function getListedContent(
  path: string,
  item: ProviderItem,
  ctx: Context,
): Promise<ContentSource> {
  const asked = ctx.dynamic.Revision;
  const complete = item.properties.State === 'COMPLETED' && item.size !== undefined && item.md5;
  if ((asked !== undefined && asked !== null) || !complete || item.isContainer || item.deleted) {
    return getContent(path, ctx);
  }

  const created = item.properties.CreationTime;
  const listed = {
    size: item.size,
    md5: item.md5,
    modified: item.lastWriteTime,
    created: created instanceof Date ? created : undefined,
  };
  return downloadSource(path, listed, undefined, ctx);
}

/** A revision's bytes as a content source (`revision` undefined: the current one). */
function downloadSource(
  path: string,
  known: { size?: number; md5?: string; modified?: Date; created?: Date },
  revision: number | undefined,
  ctx: Context,
): ContentSource {
  const shown = displayPath(path, ctx.drive);
  const { client } = ctx.drive.state;
  return {
    size: known.size,
    md5: known.md5?.toLowerCase(),
    lastWriteTime: known.modified,
    createdTime: known.created,
    open: async (offset = 0, signal = ctx.signal) => {
      const download = await attempt('read', shown, () =>
        client.download(path, { revision, offset, signal }),
      );
      return download.stream;
    },
  };
}

/** Get-Content -Revision N: the bytes of one COMPLETED revision, current or not. */
function revisionContent(path: string, file: JfsFile, number: number, ctx: Context): ContentSource {
  const shown = displayPath(path, ctx.drive);
  const all = [file.latestRevision, file.currentRevision, ...file.revisions];
  const revision = all.find((candidate) => candidate?.number === number);
  if (!revision || revision.state !== 'COMPLETED') {
    const why = revision ? `it is ${revision.state.toLowerCase()}` : 'there is no such revision';
    const message = `Cannot read revision ${number} of '${shown}': ${why}. Get-ItemRevision lists them.`;
    throw new InvalidItemOperationError(shown, message);
  }

  return downloadSource(path, revision, number, ctx);
}

/**
 * Replaces the file's content by uploading `source` as a new revision, keeping its times. If the
 * upload fails where no file was before, the partial file is deleted again.
 */
export async function setContent(
  path: string,
  source: ContentSource,
  ctx: Context,
): Promise<ProviderItem> {
  checkFilePlace(path, ctx);
  const existing = await findItem(path, { ...ctx, force: true });
  return setListedContent(path, source, existing?.deleted ? undefined : existing, ctx);
}

/**
 * setContent where the caller has just listed the target: `existing` is the live item found at
 * `path` (undefined: none). A small file whose MD5 the source does not know goes up in one
 * request (read into memory, so its MD5 is known first); others take the resumable allocate
 * upload. Both create the missing
 * parent folders on the server, as the provider API asks of this method.
 */
export async function setListedContent(
  path: string,
  source: ContentSource,
  existing: ProviderItem | undefined,
  ctx: Context,
): Promise<ProviderItem> {
  const shown = checkFilePlace(path, ctx);
  if (existing?.isContainer) {
    throw new InvalidItemOperationError(shown, `Cannot write '${shown}': it is a container.`);
  }

  const { client } = ctx.drive.state;
  // A known MD5 goes to the allocate upload, which the server answers without a byte when it
  // holds that content (Sync-Item JAFS: to JAFS: reads nothing); reading a remote source in
  // full just to send it in one request would cost a download.
  const small = client.uploadBytes && isSmall(source.size) && !source.md5;
  const bytes = small ? await readSmall(source, ctx.signal) : undefined;
  if (bytes && client.uploadBytes) {
    const upload = {
      bytes,
      md5: source.md5,
      modified: source.lastWriteTime,
      created: source.createdTime,
    };
    const send = () => sendSmall(client, path, upload, ctx.signal);
    const item = await storeFile(path, existing !== undefined, ctx, send);
    ctx.progress({ activity: 'Upload', status: path, bytesDone: bytes.length, completed: true });
    return item;
  }

  const upload = await toUploadSource(source, ctx.signal);
  return uploadFile(path, upload, existing !== undefined, ctx);
}

/**
 * Whether a server says it has no legacy upload (§5.1): a method or endpoint it does not know,
 * not a JFS error about the path (a 404 naming a missing mount point is an answer).
 */
function refusesLegacyUpload(error: unknown): boolean {
  if (!(error instanceof JfsError)) return false;
  return error.status === 405 || error.status === 501 || (error.status === 404 && !error.exception);
}

/** Clients whose server refused a legacy upload once: they take the allocate upload since. */
const legacyRefused = new WeakSet<JottacloudClient>();

/**
 * One request when the server takes legacy uploads; the allocate upload of the same bytes when
 * it does not (both upload generations still answer on the service, but that may change).
 */
async function sendSmall(
  client: JottacloudClient,
  path: string,
  upload: SmallUpload,
  signal: AbortSignal,
): Promise<JfsFile> {
  if (client.uploadBytes && !legacyRefused.has(client)) {
    try {
      return await client.uploadBytes(path, upload, { signal });
    } catch (error) {
      if (!refusesLegacyUpload(error)) throw error;
      legacyRefused.add(client);
    }
  }

  const { bytes, modified, created } = upload;
  const source = { ...bufferSource(bytes, modified), created: created ?? modified };
  return client.upload(path, source, { signal });
}

/** Files go inside a mount point; the display path, for messages. */
function checkFilePlace(path: string, ctx: Context): string {
  const shown = displayPath(path, ctx.drive);
  if (levelOf(path) !== 'entry') {
    const message = `Cannot write '${shown}': files belong in a mount point or folder.`;
    throw new InvalidItemOperationError(shown, message);
  }
  return shown;
}

/** Clear-Content: the file stays, with an empty new revision. */
export async function clearContent(path: string, ctx: Context): Promise<void> {
  const shown = displayPath(path, ctx.drive);
  const existing = await findItem(path, ctx);
  if (!existing) throw new ItemNotFoundError(shown);
  if (existing.isContainer) {
    throw new InvalidItemOperationError(shown, `Cannot clear '${shown}': it is a container.`);
  }
  await uploadFile(path, bufferSource(Buffer.alloc(0)), true, ctx);
}

/** The allocate upload, reporting its bytes as they go. */
async function uploadFile(
  path: string,
  upload: UploadSource,
  existedBefore: boolean,
  ctx: Context,
): Promise<ProviderItem> {
  const { client } = ctx.drive.state;
  const activity = 'Upload';
  const item = await storeFile(path, existedBefore, ctx, () =>
    client.upload(path, upload, {
      signal: ctx.signal,
      onProgress: (sent, total) =>
        ctx.progress({ activity, status: path, bytesDone: sent, bytesTotal: total }),
    }),
  );
  ctx.progress({ activity, status: path, bytesDone: upload.size, completed: true });
  return item;
}

/**
 * Runs an upload of `path`: a failure where no file was before removes what it left, and the
 * cached listings that showed the old state are dropped either way.
 */
async function storeFile(
  path: string,
  existedBefore: boolean,
  ctx: Context,
  send: () => Promise<JfsFile>,
): Promise<ProviderItem> {
  const { listings } = ctx.drive.state;
  try {
    const file = await attempt('write', displayPath(path, ctx.drive), send);
    return fileItem(file, false);
  } catch (error) {
    if (!existedBefore) await discardPartialFile(path, ctx);
    throw error;
  } finally {
    listings.invalidate(path);
  }
}

/**
 * Best effort: the upload's own error is what the user must see, not a cleanup failure. Only a
 * live file goes: a trashed one of the same name was there before and is not ours to remove.
 */
async function discardPartialFile(path: string, ctx: Context): Promise<void> {
  const { client } = ctx.drive.state;
  const signal = AbortSignal.timeout(CLEANUP_TIMEOUT_MS);
  try {
    const left = await client.getObject(path, signal);
    if (left.kind !== 'file' || left.deleted) return;
    await client.deleteFile(path, { permanent: true }, signal);
  } catch {
    // Nothing was stored, or the server is out of reach; either way there is nothing to undo.
  }
}
