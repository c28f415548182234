import type { ProviderContext } from '../../src/provider/types.js';
import type { Folder, JfsFile } from '../../src/jfs/models.js';
import {
  InvalidItemOperationError,
  ItemNotFoundError,
  JottacloudProviderError,
  attempt,
  isNotFound,
} from './errors.js';
import { isBuiltInDevice, loadListing, tryLoadListing } from './lookup.js';
import { displayPath, joinPath, leafOf, levelOf, parentOf, segmentsOf } from './paths.js';
import { TRASH_VIEW_PATH, type JottacloudDriveState } from './state.js';

type Context = ProviderContext<JottacloudDriveState>;

/** The service no longer holds a trashed file's bytes (it asked for them during a restore). */
export class TrashContentGoneError extends JottacloudProviderError {
  constructor(path: string) {
    super(`Cannot restore '${path}': the service no longer holds its content.`, {
      code: 'EJOTTA_TRASH_CONTENT_GONE',
      errorId: 'TrashContentGone',
      category: 'ObjectNotFound',
      targetObject: path,
    });
  }
}

/** What a restore or an emptied Trash counted. */
export interface TrashSummary {
  files: number;
  folders: number;
}

/** What a restore brought back, and where it is now (its original path, drive-qualified). */
export interface RestoreSummary extends TrashSummary {
  path: string;
}

/**
 * Brings what was trashed at its original `path` (or an entry of the Trash view) back. A file
 * is revived with `cphash` (its tombstone's MD5 and size); inside a trashed folder the service
 * makes its folders again. The service has no verb for a folder (protocol §4.13), so a trashed
 * folder is rebuilt: the folder is made again with `mkDir` and every trashed file and folder it
 * still holds is revived the same way, depth first. A folder's children trashed on their own
 * before the folder went are revived with it: the listing does not tell them apart. The emptied
 * tombstone stays listed in Trash: removing it for good would take the content with it, and
 * once the live folder exists its path names that one.
 */
export async function restoreFromTrash(given: string, ctx: Context): Promise<RestoreSummary> {
  const path = await originalPath(given, ctx);
  const shown = displayPath(path, ctx.drive);
  if (levelOf(path) !== 'entry') {
    const message = `Cannot restore '${shown}': only folders and files inside a mount point can be restored.`;
    throw new InvalidItemOperationError(shown, message);
  }

  const found = await tryLoadListing(path, ctx);
  if (!found || (found.kind !== 'file' && found.kind !== 'folder')) {
    throw new ItemNotFoundError(shown);
  }
  if (found.deleted === undefined && found.kind === 'file') throw new NotInTrashError(shown);

  const summary: RestoreSummary = { path: shown, files: 0, folders: 0 };
  if (found.kind === 'file') {
    await warnOfTrashedParent(path, ctx);
    await restoreFile(path, ctx, summary);
  } else {
    await restoreFolder(path, found, ctx, summary);
    if (summary.files + summary.folders === 0) throw new NotInTrashError(shown, true);
  }

  ctx.drive.state.listings.invalidate(path);
  ctx.drive.state.listings.invalidate(TRASH_VIEW_PATH);
  return summary;
}

/** Nothing at the path is in Trash: a live file, or a live folder holding nothing trashed. */
export class NotInTrashError extends InvalidItemOperationError {
  constructor(shown: string, folder = false) {
    // A rebuilt folder's tombstone stays listed in Trash: the service cannot drop it alone.
    const why = folder
      ? ' A folder restored before stays listed in Trash until Trash is emptied.'
      : '';
    super(shown, `Cannot restore '${shown}': it is not in Trash.${why}`);
  }
}

/**
 * A file restored out of a trashed folder makes that folder live again, empty but for it; the
 * rest of the trashed folder is then hidden behind the live one (the service finds a trashed
 * item by path only while no live item has that path). Says so before it happens.
 */
async function warnOfTrashedParent(path: string, ctx: Context): Promise<void> {
  const parent = await tryLoadListing(parentOf(path), ctx);
  if (parent?.kind !== 'folder' || parent.deleted === undefined) return;

  const folder = displayPath(parentOf(path), ctx.drive);
  ctx.warning(
    `'${folder}' is in Trash: it is made again for '${leafOf(path)}' alone, and what else it ` +
      'held can then no longer be restored by path. Restore the folder instead to get it all back.',
  );
}

/**
 * The original path of what `path` names: itself, or for an entry of the Trash view the path it
 * had (every entry carries its original parent as `abspath`). Below a trashed folder of the
 * view (`Trash\tree\a.txt`) the rest of the path is taken inside that folder's original.
 */
async function originalPath(path: string, ctx: Context): Promise<string> {
  const [device, view, name, ...deeper] = segmentsOf(path);
  if (view?.toLowerCase() !== 'trash' || name === undefined) return path;
  if (!(await isBuiltInDevice(device, ctx))) return path;

  const trash = await loadListing(joinPath(`/${device}`, view), ctx);
  const entries: { name: string; path?: string; folder: boolean }[] =
    trash.kind === 'mountPoint' || trash.kind === 'folder'
      ? [
          ...trash.folders.map((entry) => ({ ...entry, folder: true })),
          ...trash.files.map((entry) => ({ ...entry, folder: false })),
        ]
      : [];
  // The view lists the most recently trashed first: that one wins a name shared by several.
  const entry = entries.find(
    (candidate) =>
      candidate.name.toLowerCase() === name.toLowerCase() &&
      (deeper.length === 0 || candidate.folder),
  );
  if (entry?.path !== undefined) return [entry.name, ...deeper].reduce(joinPath, entry.path);

  const shown = displayPath(path, ctx.drive);
  if (entry === undefined) throw new ItemNotFoundError(shown);
  const message =
    `Cannot restore '${shown}' from the Trash view: the service did not say where it was. ` +
    'Give Restore-Item the path it had before it was removed.';
  throw new InvalidItemOperationError(shown, message);
}

async function restoreFile(path: string, ctx: Context, summary: TrashSummary) {
  const shown = displayPath(path, ctx.drive);
  ctx.verbose(`Restoring file '${shown}'.`);
  await attempt('restore', shown, () => ctx.drive.state.client.restoreFile(path, ctx.signal));
  summary.files++;
}

/** A trashed folder as it was, read in full before anything changes. */
interface TombstoneTree {
  path: string;
  trashed: boolean;
  files: JfsFile[];
  folders: TombstoneTree[];
}

/**
 * The trashed subtree at `path`. It must be read before the folder is made again: once a live
 * folder of that name exists, the service no longer finds the trashed entries through the path.
 */
async function readTombstones(path: string, folder: Folder, ctx: Context): Promise<TombstoneTree> {
  const trashed = folder.deleted !== undefined;
  const tree: TombstoneTree = { path, trashed, files: [], folders: [] };
  tree.files = folder.files.filter((file) => file.deleted !== undefined);

  for (const entry of folder.folders) {
    if (entry.deleted === undefined && !trashed) continue;
    const childPath = joinPath(path, entry.name);
    const child = await tryLoadListing(childPath, ctx);
    if (child?.kind === 'folder') tree.folders.push(await readTombstones(childPath, child, ctx));
  }
  return tree;
}

async function restoreFolder(path: string, folder: Folder, ctx: Context, summary: TrashSummary) {
  await rebuild(await readTombstones(path, folder, ctx), ctx, summary);
}

/** Makes the folders again (`mkDir`) and revives each file, parents first. */
async function rebuild(tree: TombstoneTree, ctx: Context, summary: TrashSummary) {
  const { client } = ctx.drive.state;
  const shown = displayPath(tree.path, ctx.drive);
  if (tree.trashed) {
    ctx.verbose(`Recreating folder '${shown}'.`);
    await attempt('restore', shown, () => client.createFolder(tree.path, ctx.signal));
    summary.folders++;
  }
  ctx.drive.state.listings.invalidate(tree.path);

  for (const file of tree.files) await reviveInto(tree.path, file, ctx, summary);
  for (const child of tree.folders) await rebuild(child, ctx, summary);
}

/**
 * Revives one file of a rebuilt folder. `cphash` finds the tombstone while its folder is still
 * trashed; once the folder is live again the path names nothing, and the file is stored anew
 * from the content the account still holds (an upload the service completes without bytes).
 */
async function reviveInto(parent: string, file: JfsFile, ctx: Context, summary: TrashSummary) {
  const path = joinPath(parent, file.name);
  try {
    await restoreFile(path, ctx, summary);
    return;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }

  const shown = displayPath(path, ctx.drive);
  const revision = file.currentRevision;
  if (!revision?.md5 || revision.size === undefined) {
    ctx.warning(`Skipped '${shown}': it never finished uploading, so there is nothing to restore.`);
    return;
  }
  await attempt('restore', shown, () =>
    ctx.drive.state.client.upload(
      path,
      {
        size: revision.size as number,
        md5: revision.md5,
        modified: revision.modified,
        created: revision.created,
        open: () => Promise.reject(new TrashContentGoneError(shown)),
      },
      { signal: ctx.signal },
    ),
  );
  summary.files++;
}

/** Empties the account's Trash for good (`purge_trash`); the counts are the service's. */
export async function emptyTrash(ctx: Context): Promise<TrashSummary> {
  const shown = `${ctx.drive.name}:`;
  const summary = await attempt('empty the Trash of', shown, () =>
    ctx.drive.state.client.purgeTrash(ctx.signal),
  );
  ctx.drive.state.listings.invalidate('/');
  return summary;
}
