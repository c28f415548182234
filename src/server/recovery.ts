import type { Backend } from './backend.js';
import type { RevisionRow } from './store/revisions.js';
import { statementsOf } from './store/statements.js';

/**
 * Start-up repair after a crash. Bytes are fsynced before the database counts them and a
 * finished upload is renamed into `blobs/` before its revision is marked COMPLETED, so a crash
 * can leave: (1) a partial file longer than recorded — harmless, the next append cuts it; (2) a
 * revision whose bytes were all received and moved to `blobs/` but not yet marked COMPLETED —
 * completed here; (3) a partial file shorter or missing — its count is lowered to what is on
 * disk; (4) orphan partial files and blobs — removed by the sweep, so they never count in usage.
 */
export async function recover(backend: Backend): Promise<void> {
  const open = statementsOf(backend.db)
    .prepared("SELECT * FROM revisions WHERE state = 'INCOMPLETE'")
    .all() as RevisionRow[];

  for (const revision of open) {
    const onDisk = await backend.blobs.partialSize(revision.id);
    if (onDisk >= revision.received) continue;

    const blob = revision.md5.toLowerCase();
    if (revision.received === revision.size && (await backend.blobs.hasBlob(blob))) {
      backend.db.transaction(() => {
        backend.revisions.complete(revision, blob);
        backend.revisions.prune(revision.node_id);
      })();
    } else {
      backend.revisions.setReceived(revision, onDisk);
    }
  }

  await backend.blobs.sweep(
    (id) => backend.revisions.isOpen(id),
    (md5) => backend.revisions.isBlobReferenced(md5),
  );
}
