import type { ContentSource, ProviderContext, ProviderItem } from '../../src/provider/types.js';
import type { JfsFile } from '../../src/jfs/models.js';
import type { UploadSource } from './client.js';
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
import { bufferSource, toUploadSource } from './upload-source.js';

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

  const { client } = ctx.drive.state;
  return {
    size: current.size,
    md5: current.md5?.toLowerCase(),
    lastWriteTime: current.modified,
    createdTime: current.created,
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

  const { client } = ctx.drive.state;
  return {
    size: revision.size,
    md5: revision.md5?.toLowerCase(),
    lastWriteTime: revision.modified,
    createdTime: revision.created,
    open: async (offset = 0, signal = ctx.signal) => {
      const download = await attempt('read', shown, () =>
        client.download(path, { revision: number, offset, signal }),
      );
      return download.stream;
    },
  };
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
  const shown = displayPath(path, ctx.drive);
  if (levelOf(path) !== 'entry') {
    const message = `Cannot write '${shown}': files belong in a mount point or folder.`;
    throw new InvalidItemOperationError(shown, message);
  }
  const existing = await findItem(path, { ...ctx, force: true });
  if (existing?.isContainer) {
    throw new InvalidItemOperationError(shown, `Cannot write '${shown}': it is a container.`);
  }

  const upload = await toUploadSource(source, ctx.signal);
  return uploadFile(path, upload, existing !== undefined, ctx);
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

async function uploadFile(
  path: string,
  upload: UploadSource,
  existedBefore: boolean,
  ctx: Context,
): Promise<ProviderItem> {
  const { client, listings } = ctx.drive.state;
  const activity = 'Upload';
  try {
    const file = await attempt('write', displayPath(path, ctx.drive), () =>
      client.upload(path, upload, {
        signal: ctx.signal,
        onProgress: (sent, total) =>
          ctx.progress({ activity, status: path, bytesDone: sent, bytesTotal: total }),
      }),
    );
    ctx.progress({ activity, status: path, bytesDone: upload.size, completed: true });
    return fileItem(file, false);
  } catch (error) {
    if (!existedBefore) await discardPartialFile(path, ctx);
    throw error;
  } finally {
    listings.invalidate(path);
  }
}

/** Best effort: the upload's own error is what the user must see, not a cleanup failure. */
async function discardPartialFile(path: string, ctx: Context): Promise<void> {
  const { client } = ctx.drive.state;
  try {
    await client.deleteFile(path, { permanent: true }, AbortSignal.timeout(CLEANUP_TIMEOUT_MS));
  } catch {
    // Nothing was stored, or the server is out of reach; either way there is nothing to undo.
  }
}
