import type { Device, Folder, JfsFile, MountPoint, User } from '../../src/jfs/models.js';
import { ListingCache } from './cache.js';
import type { JottacloudClient } from './client.js';

/** What the JFS client returns for one path: the account, a device, a container or a file. */
export type Listing = User | Device | MountPoint | Folder | JfsFile;

/** Per-drive state: the logged-in client and the listing cache of its account. */
export interface JottacloudDriveState {
  readonly client: JottacloudClient;
  readonly listings: ListingCache<Listing>;
  /** Web host of public links (`https://www.jottacloud.com` when unset; a local server's URL). */
  readonly webBaseUrl?: string;
}

/** Drives on one account share one cache, so a change through one drive shows in the others. */
const cachesByClient = new WeakMap<JottacloudClient, ListingCache<Listing>>();

export function driveStateFor(client: JottacloudClient, webBaseUrl?: string): JottacloudDriveState {
  let listings = cachesByClient.get(client);
  if (!listings) {
    listings = new ListingCache<Listing>();
    cachesByClient.set(client, listings);
  }
  return webBaseUrl === undefined ? { client, listings } : { client, listings, webBaseUrl };
}

/** The built-in device's type; other devices are backup devices. */
export const BUILT_IN_DEVICE_TYPE = 'JOTTA';

/** Views of the built-in device that are not ordinary mount points: listed only with -Force. */
export const HIDDEN_MOUNT_POINTS: ReadonlySet<string> = new Set([
  'trash',
  'links',
  'latest',
  'shared',
]);

/** Built-in views that answer search results (files from anywhere), not folder listings. */
export const SEARCH_VIEWS: ReadonlySet<string | undefined> = new Set(['links', 'latest']);

/** Views the device listing leaves out although they can be opened (-Force adds them). */
export const UNLISTED_MOUNT_POINTS: readonly string[] = ['Trash', 'Links', 'Latest'];

/** Mount points of the built-in device that the service owns: never removed by us. */
export const BUILT_IN_MOUNT_POINTS: ReadonlySet<string> = new Set([
  'archive',
  'sync',
  'trash',
  'links',
  'latest',
  'shared',
  'backup',
]);

/** The Trash view of the built-in device (always `Jotta`), refreshed after every trash change. */
export const TRASH_VIEW_PATH = '/Jotta/Trash';
