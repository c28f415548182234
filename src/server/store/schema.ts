import Database from 'better-sqlite3';

/**
 * The metadata schema. Times are whole epoch seconds. `nodes` holds mount points (parent_id NULL),
 * folders and files of every device; a trashed node keeps its place and carries `deleted`, and
 * `trash_root` marks the node a `dl`/`dlDir` was aimed at (the entry the Trash view lists). At
 * most one live node per (device, parent, case-folded name) — trashed twins may coexist (§7.1).
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS accounts (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL,
  username_key TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  quota INTEGER NOT NULL DEFAULT -1,
  created INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS devices (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  type TEXT NOT NULL,
  sid TEXT NOT NULL,
  UNIQUE (account_id, name_key)
);
CREATE TABLE IF NOT EXISTS nodes (
  id INTEGER PRIMARY KEY,
  device_id INTEGER NOT NULL REFERENCES devices(id),
  parent_id INTEGER REFERENCES nodes(id),
  kind TEXT NOT NULL CHECK (kind IN ('mount', 'folder', 'file')),
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  uuid TEXT NOT NULL,
  modified INTEGER,
  deleted INTEGER,
  trash_root INTEGER NOT NULL DEFAULT 0,
  builtin INTEGER NOT NULL DEFAULT 0,
  next_revision INTEGER NOT NULL DEFAULT 1,
  public_uri TEXT
);
CREATE INDEX IF NOT EXISTS nodes_by_parent ON nodes (device_id, parent_id, name_key);
CREATE INDEX IF NOT EXISTS nodes_by_parent_id ON nodes (parent_id);
CREATE UNIQUE INDEX IF NOT EXISTS nodes_live_name
  ON nodes (device_id, coalesce(parent_id, 0), name_key) WHERE deleted IS NULL;
CREATE TABLE IF NOT EXISTS revisions (
  id INTEGER PRIMARY KEY,
  node_id INTEGER NOT NULL REFERENCES nodes(id),
  number INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('COMPLETED', 'INCOMPLETE', 'CORRUPT')),
  created INTEGER NOT NULL,
  modified INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  mime TEXT NOT NULL,
  md5 TEXT NOT NULL,
  size INTEGER NOT NULL,
  received INTEGER NOT NULL DEFAULT 0,
  blob TEXT,
  upload_id TEXT UNIQUE
);
CREATE INDEX IF NOT EXISTS revisions_by_node ON revisions (node_id, number);
CREATE INDEX IF NOT EXISTS revisions_by_blob ON revisions (blob);
CREATE TABLE IF NOT EXISTS login_tokens (
  hash TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL,
  expires INTEGER NOT NULL,
  used INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS token_families (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL,
  realm TEXT NOT NULL,
  client_id TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS refresh_tokens (
  hash TEXT PRIMARY KEY,
  family_id INTEGER NOT NULL,
  used INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS access_tokens (
  hash TEXT PRIMARY KEY,
  family_id INTEGER NOT NULL,
  account_id INTEGER NOT NULL,
  expires INTEGER NOT NULL
);
`;

/**
 * Opens (creating if needed) the metadata database. Write-ahead log with `synchronous = NORMAL`:
 * a commit is written to the log but the log is fsynced only at checkpoints, not on every commit
 * (FULL cost an fsync per statement outside a transaction, the largest share of a small upload).
 * The database stays consistent after anything; a killed server (kill -9) loses nothing
 * committed, since the log is in the OS's hands; only an OS crash or power loss can roll back the
 * last commits. That still never counts bytes that are not on disk: upload bytes and blobs are
 * fsynced by the blob store before any commit refers to them, so a lost commit only forgets bytes
 * that are safe (the next append cuts them back) or a finished blob (the start-up sweep drops it).
 */
export function openDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}
