import type { ItemPath } from '../provider/item-path.js';
import type { DriveInfo } from '../provider/types.js';
import { SyncOverlapError } from './errors.js';

/**
 * Refuses a sync whose destination lies inside its source or the reverse: the walk would meet
 * its own copies, and -Delete would remove what it is copying from. Two drives are compared when
 * they reach the same store: the same drive, or the same provider over the same store (one
 * FileSystem, one Jottacloud login), so `Backup:` rooted at `/home/me/backup` still overlaps
 * `/home/me`. Provider paths are compared under the provider's case rules.
 */
export function checkNoOverlap(source: ItemPath, destination: ItemPath): void {
  if (!sameStore(source.drive, destination.drive)) return;

  const caseSensitive = source.drive.provider.caseSensitive;
  const a = segmentsOf(source.providerPath, caseSensitive);
  const b = segmentsOf(destination.providerPath, caseSensitive);
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.every((segment, index) => segment === longer[index])) {
    throw new SyncOverlapError(source.display, destination.display);
  }
}

function sameStore(a: DriveInfo, b: DriveInfo): boolean {
  if (a === b) return true;
  if (a.provider !== b.provider) return false;
  return storeOf(a) === storeOf(b);
}

/**
 * What identifies the store behind a drive: the logged-in client where the drive state carries
 * one (Jottacloud drives on one login share it), else the state itself (undefined for every
 * FileSystem drive, which all reach the one local file system).
 */
function storeOf(drive: DriveInfo): unknown {
  const state = drive.state;
  if (state !== null && typeof state === 'object' && 'client' in state) {
    return (state as { client: unknown }).client;
  }

  return state;
}

function segmentsOf(providerPath: string, caseSensitive: boolean): string[] {
  const segments = providerPath.split('/').filter((segment) => segment !== '');
  return caseSensitive ? segments : segments.map((segment) => segment.toLowerCase());
}
