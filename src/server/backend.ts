import type Database from 'better-sqlite3';
import type { Account } from './store/accounts.js';
import type { AccountStore } from './store/accounts.js';
import type { BlobStore } from './store/blobs.js';
import type { RevisionStore } from './store/revisions.js';
import type { TokenStore } from './store/tokens.js';
import type { DeviceStore } from './store/devices.js';
import type { DeviceRow, NodeRow, TreeStore } from './store/tree.js';
import type { FaultInjector } from './faults.js';
import type { ResolvedServerOptions } from './options.js';

/** Everything a route needs: the stores, the options and the fault switchboard. */
export interface Backend {
  db: Database.Database;
  accounts: AccountStore;
  tokens: TokenStore;
  devices: DeviceStore;
  tree: TreeStore;
  revisions: RevisionStore;
  blobs: BlobStore;
  faults: FaultInjector;
  options: ResolvedServerOptions;
}

/** A node together with where it lives, which every document needs for its paths. */
export interface Located {
  account: Account;
  device: DeviceRow;
  node: NodeRow;
}

/** `/<user>/<device>[/<mount point>/…]`: the absolute path of a node's parent, as JFS echoes it. */
export function parentPath(backend: Backend, at: Located): string {
  const names = [at.account.username, at.device.name, ...backend.tree.ancestorNames(at.node)];
  return `/${names.join('/')}`;
}

/** `/<user>/<device>/<mount point>/…/<name>`: the node's own absolute path. */
export function ownPath(backend: Backend, at: Located): string {
  return `${parentPath(backend, at)}/${at.node.name}`;
}

/**
 * Removes blobs no revision refers to any more. Runs after the transaction that dropped the
 * references committed, so a crash in between only leaves an orphan the start-up sweep removes.
 */
export async function collectBlobs(backend: Backend, hashes: Iterable<string>): Promise<void> {
  for (const hash of new Set(hashes)) {
    if (!backend.revisions.isBlobReferenced(hash)) await backend.blobs.dropBlob(hash);
  }
  // Deleted files may have had an upload in progress: their partial files go too.
  await backend.blobs.sweepPartials((id) => backend.revisions.isOpen(id));
}
