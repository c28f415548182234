import type Database from 'better-sqlite3';
import { nowSeconds } from '../format.js';
import { type NodeRow, SUBTREE_SQL } from './tree.js';
import { type Statements, statementsOf } from './statements.js';

export type RevisionState = 'COMPLETED' | 'INCOMPLETE' | 'CORRUPT';

export interface RevisionRow {
  id: number;
  node_id: number;
  number: number;
  state: RevisionState;
  created: number;
  modified: number;
  updated: number;
  mime: string;
  /** As the client sent it (letter case kept, §3.6). */
  md5: string;
  /** The declared size of the whole content. */
  size: number;
  /** Bytes stored so far (equals `size` once COMPLETED). */
  received: number;
  /** Lower-case MD5 naming the stored blob; set only on COMPLETED revisions. */
  blob: string | null;
}

/** The revision views a file document shows (§3.6, §6.1). */
export interface RevisionView {
  current?: RevisionRow;
  latest?: RevisionRow;
  older: RevisionRow[];
}

/** Revisions kept per file: the current one plus four older (jotta-cli-issues#192). */
export const KEPT_REVISIONS = 5;

/** Revisions of files: creation, state changes, retention, and the account's usage. */
export class RevisionStore {
  readonly #sql: Statements;

  constructor(db: Database.Database) {
    this.#sql = statementsOf(db);
  }

  /** All revisions of a file, newest first. */
  all(nodeId: number): RevisionRow[] {
    return this.#sql
      .prepared('SELECT * FROM revisions WHERE node_id = ? ORDER BY number DESC')
      .all(nodeId) as RevisionRow[];
  }

  byId(id: number): RevisionRow | undefined {
    return this.#sql.prepared('SELECT * FROM revisions WHERE id = ?').get(id) as
      RevisionRow | undefined;
  }

  /** Current = newest COMPLETED; latest = newest when it is not COMPLETED; older = the rest. */
  view(nodeId: number): RevisionView {
    return viewOf(this.all(nodeId));
  }

  /**
   * The revisions of every file directly under a folder, newest first, by file id: one query for
   * a whole folder where a listing used to ask once per file.
   */
  ofChildren(parentId: number): Map<number, RevisionRow[]> {
    const rows = this.#sql
      .prepared(
        // The columns of RevisionRow only: a listing reads thousands of these.
        `SELECT r.id, r.node_id, r.number, r.state, r.created, r.modified, r.updated, r.mime, r.md5,
           r.size, r.received, r.blob
         FROM revisions r JOIN nodes n ON n.id = r.node_id
         WHERE n.parent_id = ? ORDER BY r.node_id, r.number DESC`,
      )
      .all(parentId) as RevisionRow[];
    const byFile = new Map<number, RevisionRow[]>();
    for (const row of rows) {
      const list = byFile.get(row.node_id);
      if (list) list.push(row);
      else byFile.set(row.node_id, [row]);
    }
    return byFile;
  }

  /** Adds a revision with the file's next number; returns it. Retention runs on completion. */
  add(node: NodeRow, fields: NewRevision): RevisionRow {
    return this.byId(this.record(node, fields)) as RevisionRow;
  }

  /** Adds a revision like {@link add} and returns only its id (bulk seeding reads nothing back). */
  record(node: NodeRow, fields: NewRevision): number {
    const number = node.next_revision;
    this.#sql.prepared('UPDATE nodes SET next_revision = ? WHERE id = ?').run(number + 1, node.id);
    const result = this.#sql
      .prepared(
        `INSERT INTO revisions (node_id, number, state, created, modified, updated, mime, md5, size, received, blob)
         VALUES (@node, @number, @state, @created, @modified, @updated, @mime, @md5, @size, @received, @blob)`,
      )
      .run({
        node: node.id,
        number,
        state: fields.state,
        created: fields.created,
        modified: fields.modified,
        updated: nowSeconds(),
        mime: fields.mime,
        md5: fields.md5,
        size: fields.size,
        received: fields.received ?? 0,
        blob: fields.blob ?? null,
      });
    node.next_revision = number + 1;
    return Number(result.lastInsertRowid);
  }

  setTimes(revision: RevisionRow, created: number, modified: number): void {
    this.#sql
      .prepared('UPDATE revisions SET created = ?, modified = ?, updated = ? WHERE id = ?')
      .run(created, modified, nowSeconds(), revision.id);
  }

  setReceived(revision: RevisionRow, received: number): void {
    this.#sql.prepared('UPDATE revisions SET received = ? WHERE id = ?').run(received, revision.id);
  }

  complete(revision: RevisionRow, blob: string): void {
    this.#sql
      .prepared(
        "UPDATE revisions SET state = 'COMPLETED', received = size, blob = ?, updated = ? WHERE id = ?",
      )
      .run(blob, nowSeconds(), revision.id);
  }

  corrupt(revision: RevisionRow): void {
    this.#sql
      .prepared("UPDATE revisions SET state = 'CORRUPT', updated = ? WHERE id = ?")
      .run(nowSeconds(), revision.id);
  }

  /**
   * Drops the oldest revisions beyond {@link KEPT_REVISIONS}, never the current one. Returns the
   * blob hashes that lost a reference, and ids of dropped open revisions (their partial files).
   */
  prune(nodeId: number): { blobs: string[]; partials: number[] } {
    const { current } = this.view(nodeId);
    const doomed = this.all(nodeId)
      .slice(KEPT_REVISIONS)
      .filter((r) => r.id !== current?.id);
    const remove = this.#sql.prepared('DELETE FROM revisions WHERE id = ?');
    for (const revision of doomed) remove.run(revision.id);
    return {
      blobs: doomed.flatMap((r) => (r.blob ? [r.blob] : [])),
      partials: doomed.filter((r) => r.state === 'INCOMPLETE').map((r) => r.id),
    };
  }

  /** A COMPLETED content of this account with the given hash and size, for deduplication. */
  findContent(accountId: number, md5: string, size: number): string | undefined {
    return this.#sql
      .plucked(
        `SELECT r.blob FROM revisions r JOIN nodes n ON n.id = r.node_id JOIN devices d ON d.id = n.device_id
         WHERE d.account_id = ? AND r.blob = ? AND r.size = ? AND r.state = 'COMPLETED' LIMIT 1`,
      )
      .get(accountId, md5.toLowerCase(), size) as string | undefined;
  }

  isBlobReferenced(md5: string): boolean {
    return (
      this.#sql.prepared('SELECT 1 FROM revisions WHERE blob = ? LIMIT 1').get(md5) !== undefined
    );
  }

  isOpen(revisionId: number): boolean {
    return (
      this.#sql
        .prepared("SELECT 1 FROM revisions WHERE id = ? AND state = 'INCOMPLETE'")
        .get(revisionId) !== undefined
    );
  }

  /**
   * Bytes the account uses: every kept revision's stored bytes, old revisions and trash included
   * (both count against the quota on the real service, §6.2).
   */
  usage(accountId: number): number {
    return this.#sql
      .plucked(
        `SELECT coalesce(sum(CASE WHEN r.state = 'COMPLETED' THEN r.size ELSE r.received END), 0)
         FROM revisions r JOIN nodes n ON n.id = r.node_id JOIN devices d ON d.id = n.device_id
         WHERE d.account_id = ?`,
      )
      .get(accountId) as number;
  }

  /** Size of the subtrees under `rootIds` as listings show it: current revisions of live files. */
  subtreeSize(rootIds: number[]): number {
    if (rootIds.length === 0) return 0;
    return this.#sql
      .plucked(
        `SELECT coalesce(sum(r.size), 0) FROM nodes n JOIN revisions r ON r.node_id = n.id
         WHERE n.id IN (${SUBTREE_SQL}) AND n.deleted IS NULL AND r.state = 'COMPLETED'
           AND r.number = (SELECT max(number) FROM revisions WHERE node_id = n.id AND state = 'COMPLETED')`,
      )
      .get(JSON.stringify(rootIds)) as number;
  }
}

/** The views of a file's revisions (all of them, newest first); see {@link RevisionStore.view}. */
export function viewOf(all: RevisionRow[]): RevisionView {
  const current = all.find((r) => r.state === 'COMPLETED');
  const latest = all[0] && all[0].state !== 'COMPLETED' ? all[0] : undefined;
  const older = all.filter((r) => r !== current && r !== latest);
  return { current, latest, older };
}

export interface NewRevision {
  state: RevisionState;
  created: number;
  modified: number;
  mime: string;
  md5: string;
  size: number;
  received?: number;
  blob?: string | null;
}
