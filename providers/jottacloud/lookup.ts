import { isAbortError } from '../../src/core/errors.js';
import type { ProviderContext, ProviderItem } from '../../src/provider/types.js';
import type { Device } from '../../src/jfs/models.js';
import { InvalidItemOperationError, ItemNotFoundError, attempt, isNotFound } from './errors.js';
import { accountItem, deviceItem, fileItem, folderItem, mountPointItem } from './items.js';
import { searchViewItems } from './search-views.js';
import { displayPath, joinPath, leafOf, levelOf, parentOf, segmentsOf } from './paths.js';
import {
  BUILT_IN_DEVICE_TYPE,
  HIDDEN_MOUNT_POINTS,
  SEARCH_VIEWS,
  UNLISTED_MOUNT_POINTS,
  type JottacloudDriveState,
  type Listing,
} from './state.js';

type Context = ProviderContext<JottacloudDriveState>;

/** How often a caller retries a shared load that another caller's Ctrl+C canceled. */
const SHARED_LOAD_ATTEMPTS = 3;

/**
 * The JFS object at `path` (the account for `/`), from the account's cache while fresh.
 * Concurrent callers share one request, made with the first caller's signal; when that caller
 * cancels (a superseded completion, say), the others load again with their own.
 */
export async function loadFrom(
  state: JottacloudDriveState,
  path: string,
  signal: AbortSignal,
  shown = path,
): Promise<Listing> {
  const { client, listings } = state;
  const load = () =>
    attempt<Listing>('read', shown, () => {
      if (path === '/') return client.getUser(signal);
      if (levelOf(path) === 'device') return client.getDevice(leafOf(path), signal);
      return client.getObject(path, signal);
    });

  for (let tries = 1; ; tries++) {
    try {
      return await listings.get(path, load);
    } catch (error) {
      const canceledByOther = isAbortError(error) && !signal.aborted;
      if (!canceledByOther || tries >= SHARED_LOAD_ATTEMPTS) throw error;
    }
  }
}

/** The JFS object at `path`, through the drive of `ctx`. */
export function loadListing(path: string, ctx: Context): Promise<Listing> {
  return loadFrom(ctx.drive.state, path, ctx.signal, displayPath(path, ctx.drive));
}

/** Like loadListing, but undefined when nothing is at `path`. */
export async function tryLoadListing(path: string, ctx: Context): Promise<Listing | undefined> {
  try {
    return await loadListing(path, ctx);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Whether `device` (a name, any case) is the account's built-in device. */
export async function isBuiltInDevice(device: string, ctx: Context): Promise<boolean> {
  const user = await loadListing('/', ctx);
  if (user.kind !== 'user') return false;
  const entry = user.devices.find((d) => d.name.toLowerCase() === device.toLowerCase());
  return entry?.type === BUILT_IN_DEVICE_TYPE;
}

/** Mount points of the built-in device that are views of other items, not containers. */
type SpecialView = 'trash' | 'search' | undefined;

/** Whether `path` lies in the built-in device's Trash view or its Links/Latest search views. */
async function viewOf(path: string, ctx: Context): Promise<SpecialView> {
  const segments = segmentsOf(path);
  const mountPoint = segments[1]?.toLowerCase();
  if (mountPoint !== 'trash' && !SEARCH_VIEWS.has(mountPoint)) return undefined;
  if (!(await isBuiltInDevice(segments[0], ctx))) return undefined;
  return mountPoint === 'trash' ? 'trash' : 'search';
}

/** Whether `path` names an entry of the Links or Latest view (a file that lives elsewhere). */
export async function isInSearchView(path: string, ctx: Context): Promise<boolean> {
  return segmentsOf(path).length > 2 && (await viewOf(path, ctx)) === 'search';
}

/** Whether `path` names something inside the Trash view (not the view itself). */
export async function isInTrashView(path: string, ctx: Context): Promise<boolean> {
  return segmentsOf(path).length > 2 && (await viewOf(path, ctx)) === 'trash';
}

/**
 * Why the container `path` cannot be listed, if it cannot. Links and Latest list files that live
 * elsewhere and hold nothing below them.
 */
function whyUnlistable(path: string, view: SpecialView, ctx: Context): string | undefined {
  const shown = displayPath(path, ctx.drive);
  if (view === 'search' && segmentsOf(path).length > 2) {
    return `Cannot open '${shown}' through a search view; use the file's OriginalPath instead.`;
  }
  return undefined;
}

/**
 * Where an entry of the Trash view, or a path below a trashed folder there, lives
 * (`/Jotta/Trash/old/a.txt`): the service addresses trashed items only at their original path,
 * which the entry's `abspath` gives. Any other path is itself; an entry the view does not hold
 * is undefined.
 */
export async function listingPathOf(path: string, ctx: Context): Promise<string | undefined> {
  const [device, view, name, ...deeper] = segmentsOf(path);
  if (name === undefined || (await viewOf(path, ctx)) !== 'trash') return path;

  const trash = await loadListing(joinPath(`/${device}`, view), ctx);
  if (trash.kind !== 'mountPoint' && trash.kind !== 'folder') return undefined;
  const key = name.toLowerCase();
  const entry = trash.folders.find((folder) => folder.name.toLowerCase() === key);
  if (entry?.path !== undefined) return [entry.name, ...deeper].reduce(joinPath, entry.path);

  // A file trashed on its own is an entry of the view too, with its abspath.
  const file =
    deeper.length === 0 ? trash.files.find((f) => f.name.toLowerCase() === key) : undefined;
  return file?.path === undefined ? undefined : joinPath(file.path, file.name);
}

/**
 * Inside a trashed folder of the Trash view only its trashed children count: a live folder made
 * at the original path since would otherwise show through.
 */
async function trashedOnly(path: string, children: ProviderItem[], ctx: Context) {
  if (segmentsOf(path).length <= 2 || (await viewOf(path, ctx)) !== 'trash') return children;
  return children.filter((child) => child.properties.Deleted !== undefined);
}

/**
 * Whether a walk may descend into the container `path`. Walks leave the Links and Latest
 * views out: they only repeat files found at their own paths.
 */
export async function canList(path: string, ctx: Context): Promise<boolean> {
  const view = await viewOf(path, ctx);
  return view !== 'search' && whyUnlistable(path, view, ctx) === undefined;
}

function mountPointsOf(device: Device, force: boolean): ProviderItem[] {
  const builtIn = device.type === BUILT_IN_DEVICE_TYPE;
  const items = device.mountPoints.map((entry) => {
    const special = builtIn && HIDDEN_MOUNT_POINTS.has(entry.name.toLowerCase());
    return mountPointItem(device.name, entry, special || entry.deleted !== undefined);
  });

  // Trash and Links exist on the built-in device without being listed; -Force shows them.
  if (builtIn && force) {
    for (const name of UNLISTED_MOUNT_POINTS) {
      if (!items.some((item) => item.name.toLowerCase() === name.toLowerCase())) {
        items.push(mountPointItem(device.name, { name }, true));
      }
    }
  }
  return items;
}

/** Every child of the container at `path`, hidden ones flagged (not yet filtered). */
async function childrenOf(path: string, listing: Listing, ctx: Context): Promise<ProviderItem[]> {
  switch (listing.kind) {
    case 'user':
      return listing.devices.map(deviceItem);
    case 'device':
      return mountPointsOf(listing, ctx.force);
    case 'mountPoint':
    case 'folder': {
      // Listings include trashed children; only the Trash view shows them as ordinary items.
      const trashView = (await viewOf(path, ctx)) === 'trash';
      const hide = (deleted: Date | undefined) => deleted !== undefined && !trashView;
      // Trash entries say where they were (`abspath`): OriginalPath, which Restore-Item binds.
      const original = (item: ProviderItem, parent: string | undefined) => {
        if (!trashView || parent === undefined) return item;
        const shown = displayPath(joinPath(parent, item.name), ctx.drive);
        return { ...item, properties: { ...item.properties, OriginalPath: shown } };
      };
      return [
        ...listing.folders.map((folder) =>
          original(folderItem(folder, hide(folder.deleted)), folder.path),
        ),
        ...listing.files.map((file) => original(fileItem(file, hide(file.deleted)), file.path)),
      ];
    }
    case 'file':
      return [];
  }
}

/** Whether the container `path` is a trashed folder seen outside the Trash view. */
async function isTrashedContainer(path: string, listing: Listing, ctx: Context): Promise<boolean> {
  if (listing.kind !== 'mountPoint' && listing.kind !== 'folder') return false;
  return listing.deleted !== undefined && (await viewOf(path, ctx)) !== 'trash';
}

/**
 * The item at `path`. A built-in view (Trash, Links, Latest, Shared) is hidden from listings
 * but found by its path, as PowerShell lets `cd` and `Get-ChildItem` reach a hidden folder by
 * name; a trashed leftover (and anything inside one) outside the Trash view only with -Force.
 */
export async function findItem(path: string, ctx: Context): Promise<ProviderItem | undefined> {
  if (path === '/') {
    const user = await loadListing('/', ctx);
    return user.kind === 'user' ? accountItem(user) : undefined;
  }

  const parentPath = parentOf(path);
  if (whyUnlistable(parentPath, await viewOf(parentPath, ctx), ctx)) return undefined;
  if ((await viewOf(parentPath, ctx)) === 'search') {
    const name = leafOf(path).toLowerCase();
    const items = await searchViewItems(parentPath, ctx);
    return items.find((child) => child.name.toLowerCase() === name);
  }
  const listed = await listingPathOf(parentPath, ctx);
  const parent = listed === undefined ? undefined : await tryLoadListing(listed, ctx);
  if (!parent) return undefined;
  if (!ctx.force && (await isTrashedContainer(parentPath, parent, ctx))) return undefined;

  const name = leafOf(path).toLowerCase();
  const all = await childrenOf(parentPath, parent, { ...ctx, force: true });
  const children = await trashedOnly(parentPath, all, ctx);
  // A live item and a trashed one may share a name; the live one is the one at the path.
  const matches = children.filter((child) => child.name.toLowerCase() === name);
  const item = matches.find((child) => !child.deleted) ?? matches[0];
  if (!item || (item.deleted && !ctx.force)) return undefined;
  return item;
}

/** The children of the container at `path`, hidden ones only with -Force. */
export async function listChildren(path: string, ctx: Context): Promise<ProviderItem[]> {
  const view = await viewOf(path, ctx);
  const unlistable = whyUnlistable(path, view, ctx);
  if (unlistable) throw new InvalidItemOperationError(displayPath(path, ctx.drive), unlistable);
  if (view === 'search') return searchViewItems(path, ctx);

  const listed = await listingPathOf(path, ctx);
  if (listed === undefined) throw new ItemNotFoundError(displayPath(path, ctx.drive));
  const listing = await loadListing(listed, ctx);
  const children = await trashedOnly(path, await childrenOf(path, listing, ctx), ctx);
  return ctx.force ? children : children.filter((child) => !child.hidden);
}
