import type { ProviderContext } from '../../src/provider/types.js';
import type { FolderEntry, JfsFile } from '../../src/jfs/models.js';
import { attempt } from './errors.js';
import { displayPath, joinPath } from './paths.js';
import { throughSearchView } from './read-only.js';
import type { JottacloudDriveState } from './state.js';

type Context = ProviderContext<JottacloudDriveState>;

/** Type name of the objects the share cmdlets write (a table view is registered for it). */
export const SHARE_TYPE = 'Jafs.Jottacloud.Share';

/** Where public links point when the drive names no other web host (protocol §4.11). */
export const DEFAULT_WEB_BASE_URL = 'https://www.jottacloud.com';

/** One shared (or just unshared) file or folder as the shell shows it. */
export interface ShareInfo {
  Name: string;
  Path: string;
  /** `Folder` (downloads as a zip) or `File`. */
  ItemType: 'File' | 'Folder';
  Shared: boolean;
  /** The direct download link; empty once the share is off. */
  PublicLink: string | undefined;
  Deleted?: Date;
}

/** `<web>/opin/io/downloadPublic/<user>/<publicURI>`: the link anyone can download from. */
export async function publicLink(publicUri: string, ctx: Context): Promise<string> {
  const user = await ctx.drive.state.client.username(ctx.signal);
  const base = ctx.drive.state.webBaseUrl ?? DEFAULT_WEB_BASE_URL;
  return `${base.replace(/\/+$/, '')}/opin/io/downloadPublic/${encodeURIComponent(user)}/${publicUri}`;
}

/**
 * Turns the public link of the file or folder at `path` on or off; through Links or Latest (a
 * piped Links entry), the item where it lives.
 */
export async function setShare(given: string, shared: boolean, ctx: Context): Promise<ShareInfo> {
  const path = await throughSearchView(given, ctx);
  const shown = displayPath(path, ctx.drive);
  const action = shared ? 'share' : 'stop sharing';
  const result = await attempt(action, shown, () =>
    ctx.drive.state.client.setShared(path, shared, ctx.signal),
  );
  ctx.drive.state.listings.invalidate(path);

  return {
    Name: result.name,
    Path: shown,
    ItemType: result.kind === 'folder' ? 'Folder' : 'File',
    Shared: result.publicUri !== undefined,
    PublicLink:
      result.publicUri === undefined ? undefined : await publicLink(result.publicUri, ctx),
  };
}

/** Every file and folder with an active public link (the Links view), trashed ones flagged. */
export async function listShares(ctx: Context): Promise<ShareInfo[]> {
  const { client } = ctx.drive.state;
  const result = await attempt('list', `${ctx.drive.name}:\\Jotta\\Links`, () =>
    client.getLinks(ctx.signal),
  );

  const shares: ShareInfo[] = [];
  for (const folder of result.folders) shares.push(await shareOf(folder, 'Folder', ctx));
  for (const file of result.files) shares.push(await shareOf(file, 'File', ctx));
  return shares;
}

async function shareOf(
  entry: JfsFile | FolderEntry,
  itemType: ShareInfo['ItemType'],
  ctx: Context,
): Promise<ShareInfo> {
  const path = entry.path === undefined ? entry.name : joinPath(entry.path, entry.name);
  return {
    Name: entry.name,
    Path: displayPath(path, ctx.drive),
    ItemType: itemType,
    Shared: true,
    PublicLink: entry.publicUri === undefined ? undefined : await publicLink(entry.publicUri, ctx),
    ...(entry.deleted === undefined ? {} : { Deleted: entry.deleted }),
  };
}
