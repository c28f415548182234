import type { ProviderContext } from '../../src/provider/types.js';
import type { JfsFile } from '../../src/jfs/models.js';
import { attempt } from './errors.js';
import { displayPath, joinPath } from './paths.js';
import type { JottacloudDriveState } from './state.js';

type Context = ProviderContext<JottacloudDriveState>;

/** Type name of the objects the share cmdlets write (a table view is registered for it). */
export const SHARE_TYPE = 'Jafs.Jottacloud.Share';

/** Where public links point when the drive names no other web host (protocol §4.11). */
export const DEFAULT_WEB_BASE_URL = 'https://www.jottacloud.com';

/** One shared (or just unshared) item as the shell shows it. */
export interface ShareInfo {
  Name: string;
  Path: string;
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

/** Turns the public link of the file or folder at `path` on or off. */
export async function setShare(path: string, shared: boolean, ctx: Context): Promise<ShareInfo> {
  const shown = displayPath(path, ctx.drive);
  const action = shared ? 'share' : 'stop sharing';
  const result = await attempt(action, shown, () =>
    ctx.drive.state.client.setShared(path, shared, ctx.signal),
  );
  ctx.drive.state.listings.invalidate(path);

  const uri = result.kind === 'file' ? result.publicUri : publicUriOf(result);
  if (shared && uri === undefined && result.kind === 'folder') {
    // The client reads publicURI only from file documents; the folder is shared all the same.
    ctx.warning(
      `'${shown}' is shared, but jafs cannot read a folder's link yet; the web app shows it.`,
    );
  }
  return {
    Name: result.name,
    Path: shown,
    Shared: result.kind === 'folder' ? shared : uri !== undefined,
    PublicLink: uri === undefined ? undefined : await publicLink(uri, ctx),
  };
}

function publicUriOf(object: object): string | undefined {
  const uri = (object as { publicUri?: unknown }).publicUri;
  return typeof uri === 'string' ? uri : undefined;
}

/** Every file with an active public link (the Links view), trashed ones flagged. */
export async function listShares(ctx: Context): Promise<ShareInfo[]> {
  const { client } = ctx.drive.state;
  const result = await attempt('list', `${ctx.drive.name}:\\Jotta\\Links`, () =>
    client.getLinks(ctx.signal),
  );

  const shares: ShareInfo[] = [];
  for (const file of result.files) shares.push(await shareOf(file, ctx));
  return shares;
}

async function shareOf(file: JfsFile, ctx: Context): Promise<ShareInfo> {
  const path = file.path === undefined ? file.name : joinPath(file.path, file.name);
  return {
    Name: file.name,
    Path: displayPath(path, ctx.drive),
    Shared: true,
    PublicLink: file.publicUri === undefined ? undefined : await publicLink(file.publicUri, ctx),
    ...(file.deleted === undefined ? {} : { Deleted: file.deleted }),
  };
}
