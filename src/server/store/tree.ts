import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { conflict } from '../http/errors.js';
import { type Statements, statementsOf } from './statements.js';

export interface DeviceRow {
  id: number;
  account_id: number;
  name: string;
  type: string;
  sid: string;
}

export interface NodeRow {
  id: number;
  device_id: number;
  parent_id: number | null;
  kind: 'mount' | 'folder' | 'file';
  name: string;
  uuid: string;
  modified: number | null;
  deleted: number | null;
  trash_root: number;
  builtin: number;
  next_revision: number;
  public_uri: string | null;
}

/**
 * The ids of the subtrees under the JSON array of root ids bound to `?`. Statements take it as a
 * subquery so no id list is ever built in JavaScript for a large tree.
 */
export const SUBTREE_SQL = `WITH RECURSIVE sub(id) AS (
  SELECT value FROM json_each(?) UNION ALL SELECT n.id FROM nodes n JOIN sub ON n.parent_id = sub.id
) SELECT id FROM sub`;

/** Live first, then the most recently trashed: the one a path names when several match. */
const PREFERENCE = 'ORDER BY deleted IS NOT NULL, deleted DESC, id DESC';

/**
 * Devices and the node tree (mount points, folders, files). Look-ups fold case and keep the first
 * spelling. A path can run through trashed nodes: at each step the live child wins, otherwise the
 * newest tombstone of that name under any node the previous step matched, so a trashed subtree
 * stays readable at its original path even after a live folder of the same name was made (§6.2).
 */
export class TreeStore {
  readonly #sql: Statements;

  constructor(db: Database.Database) {
    this.#sql = statementsOf(db);
  }

  exists(id: number): boolean {
    return this.#sql.prepared('SELECT 1 FROM nodes WHERE id = ?').get(id) !== undefined;
  }

  node(id: number): NodeRow {
    return this.#sql.prepared('SELECT * FROM nodes WHERE id = ?').get(id) as NodeRow;
  }

  /** Children of a node (or the mount points of a device when `parentId` is null), by name. */
  children(deviceId: number, parentId: number | null): NodeRow[] {
    return this.#sql
      .prepared(
        `SELECT * FROM nodes WHERE device_id = ? AND parent_id IS ? ORDER BY name_key, deleted IS NOT NULL, id`,
      )
      .all(deviceId, parentId) as NodeRow[];
  }

  liveChild(deviceId: number, parentId: number | null, name: string): NodeRow | undefined {
    return this.#sql
      .prepared(
        'SELECT * FROM nodes WHERE device_id = ? AND parent_id IS ? AND name_key = ? AND deleted IS NULL',
      )
      .get(deviceId, parentId, fold(name)) as NodeRow | undefined;
  }

  /** The node a path below the device names (mount point first), live preferred; see class doc. */
  resolve(deviceId: number, names: string[]): NodeRow | undefined {
    let matches = this.#sql
      .prepared(
        `SELECT * FROM nodes WHERE device_id = ? AND parent_id IS NULL AND name_key = ? ${PREFERENCE}`,
      )
      .all(deviceId, fold(names[0] ?? '')) as NodeRow[];

    for (const name of names.slice(1)) {
      if (matches.length === 0) return undefined;
      const live =
        matches[0].deleted === null ? this.liveChild(deviceId, matches[0].id, name) : undefined;
      if (live) {
        matches = [live];
        continue;
      }
      // The parent ids go in as one JSON array, so the statement text is fixed and stays cached.
      const parents = JSON.stringify(matches.map((m) => m.id));
      matches = this.#sql
        .prepared(
          `SELECT * FROM nodes WHERE parent_id IN (SELECT value FROM json_each(?)) AND name_key = ? ${PREFERENCE}`,
        )
        .all(parents, fold(name)) as NodeRow[];
    }
    return matches[0];
  }

  /** Names of the node's ancestors from the mount point down (the node itself excluded). */
  ancestorNames(node: NodeRow): string[] {
    const names: string[] = [];
    let parentId = node.parent_id;
    while (parentId !== null) {
      const parent = this.node(parentId);
      names.unshift(parent.name);
      parentId = parent.parent_id;
    }
    return names;
  }

  createNode(
    deviceId: number,
    parentId: number | null,
    kind: NodeRow['kind'],
    name: string,
  ): NodeRow {
    if (this.liveChild(deviceId, parentId, name)) throw conflict(`${name} already exists`);
    return this.insertNode(deviceId, parentId, kind, name);
  }

  /**
   * Inserts a node whose name the caller knows to be free (createNode, bulk seeding) and returns
   * it as stored, without reading it back: every other column starts at its default.
   */
  insertNode(
    deviceId: number,
    parentId: number | null,
    kind: NodeRow['kind'],
    name: string,
  ): NodeRow {
    const uuid = randomUUID();
    const result = this.#sql
      .prepared(
        'INSERT INTO nodes (device_id, parent_id, kind, name, name_key, uuid) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(deviceId, parentId, kind, name, fold(name), uuid);
    return {
      id: Number(result.lastInsertRowid),
      device_id: deviceId,
      parent_id: parentId,
      kind,
      name,
      uuid,
      modified: null,
      deleted: null,
      trash_root: 0,
      builtin: 0,
      next_revision: 1,
      public_uri: null,
    };
  }

  /**
   * mkdir -p over live nodes: the mount point and every folder of `names` are created when
   * missing. A live file in the way is a conflict. Returns the last node.
   */
  ensureLiveFolders(deviceId: number, names: string[]): NodeRow {
    let parent: NodeRow | undefined;
    for (const [index, name] of names.entries()) {
      const parentId = parent ? parent.id : null;
      const existing = this.liveChild(deviceId, parentId, name);
      if (existing && existing.kind === 'file') throw conflict(`${name} is a file, not a folder`);
      parent =
        existing ?? this.createNode(deviceId, parentId, index === 0 ? 'mount' : 'folder', name);
    }
    if (!parent) throw new Error('ensureLiveFolders needs at least a mount point name');
    return parent;
  }

  /** The ids of a node and everything below it. */
  subtreeIds(nodeId: number): number[] {
    return this.#sql.plucked(SUBTREE_SQL).all(JSON.stringify([nodeId])) as number[];
  }

  /** Soft delete: the node becomes a trash entry; live nodes below it get the same timestamp. */
  trash(node: NodeRow, when: number): void {
    this.#sql
      .prepared(`UPDATE nodes SET deleted = ? WHERE id IN (${SUBTREE_SQL}) AND deleted IS NULL`)
      .run(when, JSON.stringify([node.id]));
    this.#sql.prepared('UPDATE nodes SET trash_root = 1 WHERE id = ?').run(node.id);
  }

  /** Brings a trashed node back to life under a live parent (files restored by cphash). */
  revive(node: NodeRow, parentId: number | null): void {
    if (this.liveChild(node.device_id, parentId, node.name))
      throw conflict(`${node.name} already exists`);
    this.#sql
      .prepared('UPDATE nodes SET deleted = NULL, trash_root = 0, parent_id = ? WHERE id = ?')
      .run(parentId, node.id);
  }

  /** Permanent delete of a node and its subtree; returns blob hashes that lost a reference. */
  remove(node: NodeRow): string[] {
    const root = JSON.stringify([node.id]);
    const ids = this.#sql.plucked(SUBTREE_SQL).all(root) as number[];
    const blobs = this.#sql
      .plucked(
        `SELECT DISTINCT blob FROM revisions WHERE node_id IN (${SUBTREE_SQL}) AND blob IS NOT NULL`,
      )
      .all(root) as string[];
    this.#sql.prepared(`DELETE FROM revisions WHERE node_id IN (${SUBTREE_SQL})`).run(root);
    // Children first, so no row is ever left pointing at a deleted parent.
    const drop = this.#sql.prepared('DELETE FROM nodes WHERE id = ?');
    for (const id of ids.reverse()) drop.run(id);
    return blobs;
  }

  move(node: NodeRow, deviceId: number, parentId: number | null, name: string): NodeRow {
    const existing = this.liveChild(deviceId, parentId, name);
    if (existing && existing.id !== node.id) throw conflict(`${name} already exists`);
    this.#sql
      .prepared(`UPDATE nodes SET device_id = ? WHERE id IN (${SUBTREE_SQL})`)
      .run(deviceId, JSON.stringify([node.id]));
    this.#sql
      .prepared('UPDATE nodes SET parent_id = ?, name = ?, name_key = ? WHERE id = ?')
      .run(parentId, name, fold(name), node.id);
    return this.node(node.id);
  }

  /** Trash entries (the targets of `dl`/`dlDir`) of every device of an account. */
  trashEntries(accountId: number): NodeRow[] {
    return this.#sql
      .prepared(
        `SELECT n.* FROM nodes n JOIN devices d ON d.id = n.device_id
         WHERE d.account_id = ? AND n.trash_root = 1 AND n.deleted IS NOT NULL ORDER BY n.deleted DESC, n.id`,
      )
      .all(accountId) as NodeRow[];
  }

  touchMount(node: NodeRow, when: number): void {
    let mount = node;
    while (mount.parent_id !== null) mount = this.node(mount.parent_id);
    this.#sql.prepared('UPDATE nodes SET modified = ? WHERE id = ?').run(when, mount.id);
  }

  setPublicUri(node: NodeRow, uri: string | null): void {
    this.#sql.prepared('UPDATE nodes SET public_uri = ? WHERE id = ?').run(uri, node.id);
  }

  sharedFiles(accountId: number): NodeRow[] {
    return this.#sql
      .prepared(
        `SELECT n.* FROM nodes n JOIN devices d ON d.id = n.device_id
         WHERE d.account_id = ? AND n.public_uri IS NOT NULL ORDER BY n.name_key`,
      )
      .all(accountId) as NodeRow[];
  }
}

/** Case folding for look-ups; the stored `name` keeps the first spelling. */
export function fold(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
