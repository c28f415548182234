import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Backend, collectBlobs } from '../backend.js';
import { authenticate } from '../http/auth.js';
import { discardBody } from '../http/request.js';
import { sendJson } from '../http/respond.js';

/**
 * `POST /files/v1/purge_trash` (§4.13): removes every trash entry of the account for good and
 * answers `{"folders": N, "files": M}` counting the entries (and what was inside them).
 */
export async function purgeTrash(
  backend: Backend,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const account = authenticate(backend, req);
  await discardBody(req);

  const { counts, blobs } = backend.db.transaction(() => {
    const tally = { folders: 0, files: 0 };
    const hashes: string[] = [];
    for (const entry of backend.tree.trashEntries(account.id)) {
      // An entry inside another entry's subtree is gone once the outer one was removed.
      if (!backend.tree.exists(entry.id)) continue;
      for (const id of backend.tree.subtreeIds(entry.id)) {
        if (backend.tree.node(id).kind === 'file') tally.files += 1;
        else tally.folders += 1;
      }
      hashes.push(...backend.tree.remove(entry));
    }
    return { counts: tally, blobs: hashes };
  })();

  await collectBlobs(backend, blobs);
  sendJson(res, 200, counts);
}
