import type { ProviderContext } from '../../src/provider/types.js';
import type { JfsFile, Revision } from '../../src/jfs/models.js';
import { InvalidItemOperationError, ItemNotFoundError, attempt } from './errors.js';
import { tryLoadListing } from './lookup.js';
import { displayPath } from './paths.js';
import { throughSearchView } from './read-only.js';
import type { JottacloudDriveState } from './state.js';

type Context = ProviderContext<JottacloudDriveState>;

/** Type name of the objects Get-ItemRevision writes (a table view is registered for it). */
export const REVISION_TYPE = 'Jafs.Jottacloud.Revision';

/** One revision of a file as the shell shows it. */
export interface RevisionInfo {
  Number: number;
  State: string;
  Size: number | undefined;
  MD5: string | undefined;
  Modified: Date | undefined;
  Updated: Date | undefined;
  /** The revision reads give back (the newest COMPLETED one). */
  Current: boolean;
  Path: string;
}

/** The file at `path` with its revisions (a direct GET carries them all). */
async function loadFile(path: string, ctx: Context): Promise<JfsFile> {
  const shown = displayPath(path, ctx.drive);
  const found = await tryLoadListing(path, ctx);
  if (!found) throw new ItemNotFoundError(shown);
  if (found.kind !== 'file') {
    throw new InvalidItemOperationError(
      shown,
      `'${shown}' is not a file; only files have revisions.`,
    );
  }
  return found;
}

/**
 * Every revision of the file at `path`, newest first. Through Links, Latest or a trashed folder
 * of the Trash view, the file where it lives.
 */
export async function listRevisions(given: string, ctx: Context): Promise<RevisionInfo[]> {
  const path = await throughSearchView(given, ctx);
  const file = await loadFile(path, ctx);
  const shown = displayPath(path, ctx.drive);
  const all = [file.latestRevision, file.currentRevision, ...file.revisions].filter(
    (revision): revision is Revision => revision !== undefined,
  );
  const unique = new Map(all.map((revision) => [revision.number, revision]));

  return [...unique.values()]
    .sort((a, b) => b.number - a.number)
    .map((revision) => ({
      Number: revision.number,
      State: revision.state,
      Size: revision.size,
      MD5: revision.md5?.toLowerCase(),
      Modified: revision.modified,
      Updated: revision.updated,
      Current: revision.number === file.currentRevision?.number,
      Path: shown,
    }));
}

/**
 * Makes revision `number` of the file at `path` its newest one. JFS has no verb for that, so
 * the old revision is uploaded again as a new revision with its MD5, size and times. The
 * service already stores those bytes, so its upload allocation usually completes without any
 * transfer; only when it asks for them are they streamed from the old revision.
 */
export async function restoreRevision(given: string, number: number, ctx: Context) {
  const path = await throughSearchView(given, ctx);
  const shown = displayPath(path, ctx.drive);
  const revisions = await listRevisions(path, ctx);
  if ((await loadFile(path, ctx)).deleted !== undefined) {
    // An upload onto a trashed file's path would not bring it back: Restore-Item does that.
    const message = `Cannot restore revision ${number} of '${shown}': it is in Trash. Restore-Item it first.`;
    throw new InvalidItemOperationError(shown, message);
  }
  const wanted = revisions.find((revision) => revision.Number === number);
  if (!wanted) {
    const known = revisions.map((revision) => revision.Number).join(', ');
    const message = `'${shown}' has no revision ${number}; its revisions are ${known}.`;
    throw new InvalidItemOperationError(shown, message);
  }
  if (wanted.State !== 'COMPLETED' || wanted.Size === undefined) {
    const message = `Cannot restore revision ${number} of '${shown}': it is ${wanted.State.toLowerCase()}, so its bytes are not whole.`;
    throw new InvalidItemOperationError(shown, message);
  }

  const { client, listings } = ctx.drive.state;
  ctx.verbose(`Uploading revision ${number} of '${shown}' again as its newest revision.`);
  const file = await attempt('restore a revision of', shown, () =>
    client.upload(
      path,
      {
        size: wanted.Size as number,
        md5: wanted.MD5,
        modified: wanted.Modified,
        open: async (offset, signal) => {
          const download = await client.download(path, { revision: number, offset, signal });
          return download.stream;
        },
      },
      { signal: ctx.signal },
    ),
  );
  listings.invalidate(path);
  return file;
}
