import type { ProviderContext } from '../../src/provider/types.js';
import { InvalidItemOperationError, ItemNotFoundError } from './errors.js';
import { isInSearchView } from './lookup.js';
import { displayPath, joinPath, leafOf, parentOf } from './paths.js';
import { searchViewFiles } from './search-views.js';
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

/** The file's own path when `path` names it through Links or Latest, else `path` itself. */
export async function throughSearchView(path: string, ctx: Context): Promise<string> {
  if (!(await isInSearchView(path, ctx))) return path;

  const name = leafOf(path).toLowerCase();
  const files = await searchViewFiles(parentOf(path), ctx);
  const file = files.find((entry) => entry.name.toLowerCase() === name);
  if (!file?.path) throw new ItemNotFoundError(displayPath(path, ctx.drive));
  return joinPath(file.path, file.name);
}
