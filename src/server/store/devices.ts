import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { type DeviceRow, fold } from './tree.js';
import { type Statements, statementsOf } from './statements.js';

/** The devices of the accounts: the built-in `Jotta` and the backup devices clients create. */
export class DeviceStore {
  readonly #db: Database.Database;
  readonly #sql: Statements;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#sql = statementsOf(db);
  }

  all(accountId: number): DeviceRow[] {
    return this.#sql
      .prepared('SELECT * FROM devices WHERE account_id = ? ORDER BY name_key')
      .all(accountId) as DeviceRow[];
  }

  device(accountId: number, name: string): DeviceRow | undefined {
    return this.#sql
      .prepared('SELECT * FROM devices WHERE account_id = ? AND name_key = ?')
      .get(accountId, fold(name)) as DeviceRow | undefined;
  }

  byId(id: number): DeviceRow {
    return this.#sql.prepared('SELECT * FROM devices WHERE id = ?').get(id) as DeviceRow;
  }

  create(accountId: number, name: string, type: string): DeviceRow {
    this.#sql
      .prepared(
        'INSERT INTO devices (account_id, name, name_key, type, sid) VALUES (?, ?, ?, ?, ?)',
      )
      .run(accountId, name, fold(name), type, randomUUID());
    return this.device(accountId, name) as DeviceRow;
  }

  /** Removes a device with everything in it; returns the blob hashes that lost a reference. */
  remove(device: DeviceRow): string[] {
    const blobs = this.#sql
      .plucked(
        `SELECT DISTINCT r.blob FROM revisions r JOIN nodes n ON n.id = r.node_id
         WHERE n.device_id = ? AND r.blob IS NOT NULL`,
      )
      .all(device.id) as string[];
    this.#sql
      .prepared('DELETE FROM revisions WHERE node_id IN (SELECT id FROM nodes WHERE device_id = ?)')
      .run(device.id);
    // Parent links inside the device are checked at commit, when they are all gone.
    this.#db.pragma('defer_foreign_keys = ON');
    this.#sql.prepared('DELETE FROM nodes WHERE device_id = ?').run(device.id);
    this.#sql.prepared('DELETE FROM devices WHERE id = ?').run(device.id);
    return blobs;
  }
}
