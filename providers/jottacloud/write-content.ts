import type { ContentSource, ProviderContext, ProviderItem } from '../../src/provider/types.js';
import { JfsError } from '../../src/jfs/errors.js';
import type { JfsFile } from '../../src/jfs/models.js';
import type { SmallUpload } from '../../src/jfs/small-upload.js';
import type { JottacloudClient, UploadSource } from './client.js';
import { InvalidItemOperationError, ItemNotFoundError, attempt } from './errors.js';
import { fileItem } from './items.js';
import { findItem } from './lookup.js';
import { displayPath, levelOf } from './paths.js';
import type { JottacloudDriveState } from './state.js';
import { bufferSource, isSmall, readSmall, toUploadSource } from './upload-source.js';

type Context = ProviderContext<JottacloudDriveState>;

/** How long removing a failed upload's leftover may take once the command itself is over. */
const CLEANUP_TIMEOUT_MS = 10_000;

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
