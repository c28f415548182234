import type { ProviderContext } from '../../src/provider/types.js';
import { InvalidItemOperationError, ItemNotFoundError } from './errors.js';
import { findItem, isInSearchView, isInTrashView, listingPathOf } from './lookup.js';
import { displayPath, leafOf, parentOf } from './paths.js';
import { searchViewOriginal } from './search-views.js';
import type { JottacloudDriveState } from './state.js';

type Context = ProviderContext<JottacloudDriveState>;

/**
 * Links and Latest list files that live elsewhere: the service would store a file written
 * there as a real file in a folder no app shows, and knows nothing to delete or rename there.
 * Changes to or inside them are refused with the way round.
 */
export async function refuseSearchViews(
  paths: readonly string[],
  action: string,
  ctx: Context,
): Promise<void> {
  for (const path of paths) {
    if (!(await isInSearchView(path, ctx))) continue;
    const shown = displayPath(path, ctx.drive);
    const message =
      `Cannot ${action} '${shown}': Links and Latest are read-only views of files that live ` +
      'elsewhere; use the item’s OriginalPath instead.';
    throw new InvalidItemOperationError(shown, message);
  }
}

/**
 * Trash holds what was removed, each entry with where it came from: a file written or a folder
 * made there would be an entry with no original place, which Clear-RecycleBin does not empty.
 * Creating, writing, renaming or moving and copying into Trash are refused with the way round.
 */
export async function refuseTrashWrites(
  paths: readonly string[],
  action: string,
  ctx: Context,
): Promise<void> {
  for (const path of paths) {
    if (!(await isInTrashView(path, ctx))) continue;
    const shown = displayPath(path, ctx.drive);
    const message =
      `Cannot ${action} '${shown}': Trash holds only removed items. Remove-Item moves an item ` +
      'there and Restore-Item brings it back.';
    throw new InvalidItemOperationError(shown, message);
  }
}

/**
 * The item's own path when `path` names a file (or a shared folder) through Links or Latest, or
 * an item inside a trashed folder through the Trash view; else `path` itself.
 */
export async function throughSearchView(path: string, ctx: Context): Promise<string> {
  if (!(await isInSearchView(path, ctx))) {
    const listed = await listingPathOf(path, ctx);
    if (listed === undefined) throw new ItemNotFoundError(displayPath(path, ctx.drive));
    // The service reads a trashed file by its original path: a live file there would answer.
    if (listed !== path && (await findItem(listed, { ...ctx, force: false }))) {
      const shown = displayPath(path, ctx.drive);
      const message =
        `Cannot read '${shown}': a live item now has its original path ` +
        `'${displayPath(listed, ctx.drive)}', and Jottacloud addresses a trashed item only by ` +
        'that path.';
      throw new InvalidItemOperationError(shown, message);
    }
    return listed;
  }

  const original = await searchViewOriginal(parentOf(path), leafOf(path), ctx);
  if (original === undefined) throw new ItemNotFoundError(displayPath(path, ctx.drive));
  return original;
}
