import type { ProviderContext, ProviderItem } from '../../src/provider/types.js';
import type { FolderEntry, JfsFile, SearchResult } from '../../src/jfs/models.js';
import { attempt } from './errors.js';
import { fileItem, folderItem } from './items.js';
import { displayPath, joinPath, segmentsOf } from './paths.js';
import type { JottacloudDriveState } from './state.js';

type Context = ProviderContext<JottacloudDriveState>;

/** How many files a listing of the Latest view shows (the service counts them all). */
export const LATEST_LISTING_MAX = 100;

/** The Links or Latest view at `path` (`/Jotta/Links`, `/Jotta/Latest`): files, and folders. */
export async function searchView(
  path: string,
  ctx: Context,
  max = LATEST_LISTING_MAX,
): Promise<SearchResult> {
  const shown = displayPath(path, ctx.drive);
  const { client } = ctx.drive.state;
  const links = segmentsOf(path)[1]?.toLowerCase() === 'links';
  return attempt('list', shown, () =>
    links ? client.getLinks(ctx.signal) : client.getLatest({ max }, ctx.signal),
  );
}

/** The files of the Links or Latest view at `path`. */
export async function searchViewFiles(path: string, ctx: Context, max = LATEST_LISTING_MAX) {
  return (await searchView(path, ctx, max)).files;
}

/**
 * Where the entry `name` of the view at `path` lives (a file, or in Links a shared folder), or
 * undefined when the view has no entry of that name.
 */
export async function searchViewOriginal(
  path: string,
  name: string,
  ctx: Context,
): Promise<string | undefined> {
  const result = await searchView(path, ctx);
  const wanted = name.toLowerCase();
  const entry = [...result.files, ...result.folders].find((e) => e.name.toLowerCase() === wanted);
  return entry === undefined ? undefined : originalPathOf(entry);
}

/** The device-relative path of a search result's file or shared folder. */
export function originalPathOf(entry: JfsFile | FolderEntry): string | undefined {
  return entry.path === undefined ? undefined : joinPath(entry.path, entry.name);
}

/** A view item with the OriginalPath it lives at (open or change it there). */
function withOriginalPath(item: ProviderItem, entry: JfsFile | FolderEntry, ctx: Context) {
  const original = originalPathOf(entry);
  const shown = original === undefined ? undefined : displayPath(original, ctx.drive);
  return { ...item, properties: { ...item.properties, OriginalPath: shown } };
}

/**
 * A search result as an item of the view: a plain, read-only file entry whose OriginalPath
 * says where it lives (open or change it there).
 */
export function searchResultItem(file: JfsFile, ctx: Context): ProviderItem {
  return withOriginalPath(fileItem(file, false), file, ctx);
}

/**
 * The view's entries as items, for Get-ChildItem JAFS:\Jotta\Links -Force: shared folders
 * first (Links only; they cannot be opened through the view), then the files.
 */
export async function searchViewItems(path: string, ctx: Context): Promise<ProviderItem[]> {
  const result = await searchView(path, ctx);
  return [
    ...result.folders.map((folder) => withOriginalPath(folderItem(folder, false), folder, ctx)),
    ...result.files.map((file) => searchResultItem(file, ctx)),
  ];
}
