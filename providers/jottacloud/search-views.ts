import type { ProviderContext, ProviderItem } from '../../src/provider/types.js';
import type { JfsFile } from '../../src/jfs/models.js';
import { attempt } from './errors.js';
import { fileItem } from './items.js';
import { displayPath, joinPath, segmentsOf } from './paths.js';
import type { JottacloudDriveState } from './state.js';

type Context = ProviderContext<JottacloudDriveState>;

/** How many files a listing of the Latest view shows (the service counts them all). */
export const LATEST_LISTING_MAX = 100;

/** The files of the Links or Latest view at `path` (`/Jotta/Links`, `/Jotta/Latest`). */
export async function searchViewFiles(path: string, ctx: Context, max = LATEST_LISTING_MAX) {
  const shown = displayPath(path, ctx.drive);
  const { client } = ctx.drive.state;
  const links = segmentsOf(path)[1]?.toLowerCase() === 'links';
  const result = await attempt('list', shown, () =>
    links ? client.getLinks(ctx.signal) : client.getLatest({ max }, ctx.signal),
  );
  return result.files;
}

/** The device-relative path of a search result's file. */
export function originalPathOf(file: JfsFile): string | undefined {
  return file.path === undefined ? undefined : joinPath(file.path, file.name);
}

/**
 * A search result as an item of the view: a plain, read-only file entry whose OriginalPath
 * says where it lives (open or change it there).
 */
export function searchResultItem(file: JfsFile, ctx: Context): ProviderItem {
  const item = fileItem(file, false);
  const original = originalPathOf(file);
  const shown = original === undefined ? undefined : displayPath(original, ctx.drive);
  return { ...item, properties: { ...item.properties, OriginalPath: shown } };
}

/** The view's files as items, for Get-ChildItem JAFS:\Jotta\Latest -Force. */
export async function searchViewItems(path: string, ctx: Context): Promise<ProviderItem[]> {
  const files = await searchViewFiles(path, ctx);
  return files.map((file) => searchResultItem(file, ctx));
}
