import { createHash, randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import { nowSeconds } from '../format.js';
import { type Statements, statementsOf } from './statements.js';

/** One account row as the routes use it. */
export interface Account {
  id: number;
  username: string;
  quota: number;
}

/** The built-in device of every account and its listed mount points (§6.3). */
export const BUILTIN_DEVICE = 'Jotta';
export const BUILTIN_MOUNT_POINTS = ['Archive', 'Shared', 'Sync'] as const;

/**
 * Accounts and their passwords (scrypt, salted). A new account is given what a fresh real one
 * has: device `Jotta` of type JOTTA with the mount points Archive, Shared and Sync.
 */
export class AccountStore {
  readonly #db: Database.Database;
  readonly #sql: Statements;
  readonly #verified = new Set<string>();

  constructor(db: Database.Database) {
    this.#db = db;
    this.#sql = statementsOf(db);
  }

  /** Creates the account if missing and (re)sets its password; returns it. */
  ensure(username: string, password: string): Account {
    const existing = this.find(username);
    if (existing) {
      const hash = hashPassword(password);
      this.#sql
        .prepared('UPDATE accounts SET password_hash = ? WHERE id = ?')
        .run(hash, existing.id);
      // The password was just set: its first Basic check need not pay for scrypt again.
      this.#verified.add(verifiedKey(hash, password));
      return existing;
    }

    const create = this.#db.transaction(() => {
      const account = this.#sql
        .prepared(
          'INSERT INTO accounts (username, username_key, password_hash, created) VALUES (?, ?, ?, ?)',
        )
        .run(username, username.toLowerCase(), hashPassword(password), nowSeconds());
      const device = this.#sql
        .prepared(
          'INSERT INTO devices (account_id, name, name_key, type, sid) VALUES (?, ?, ?, ?, ?)',
        )
        .run(
          account.lastInsertRowid,
          BUILTIN_DEVICE,
          BUILTIN_DEVICE.toLowerCase(),
          'JOTTA',
          randomUUID(),
        );
      const mount = this.#sql.prepared(
        `INSERT INTO nodes (device_id, parent_id, kind, name, name_key, uuid, builtin)
         VALUES (?, NULL, 'mount', ?, ?, ?, 1)`,
      );
      for (const name of BUILTIN_MOUNT_POINTS) {
        mount.run(device.lastInsertRowid, name, name.toLowerCase(), randomUUID());
      }
    });
    create();
    return this.find(username) as Account;
  }

  /** Looks an account up by its JFS username (case-insensitively). */
  find(username: string): Account | undefined {
    return this.#sql
      .prepared('SELECT id, username, quota FROM accounts WHERE username_key = ?')
      .get(username.toLowerCase()) as Account | undefined;
  }

  byId(id: number): Account | undefined {
    return this.#sql.prepared('SELECT id, username, quota FROM accounts WHERE id = ?').get(id) as
      Account | undefined;
  }

  /**
   * Checks a password. scrypt is slow on purpose, and Basic auth sends the password with every
   * request, so a success is remembered (as a hash, tied to the stored hash a reset changes).
   */
  verifyPassword(account: Account, password: string): boolean {
    const row = this.#sql
      .prepared('SELECT password_hash FROM accounts WHERE id = ?')
      .get(account.id) as { password_hash: string };
    const key = verifiedKey(row.password_hash, password);
    if (this.#verified.has(key)) return true;

    const ok = checkPassword(row.password_hash, password);
    if (ok) this.#verified.add(key);
    return ok;
  }

  /** Sets the account's capacity in bytes; -1 means unlimited. */
  setQuota(account: Account, bytes: number): void {
    this.#sql.prepared('UPDATE accounts SET quota = ? WHERE id = ?').run(bytes, account.id);
  }
}

function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32);
  return `${salt.toString('hex')}:${key.toString('hex')}`;
}

function checkPassword(stored: string, password: string): boolean {
  const [saltHex, keyHex] = stored.split(':');
  if (!saltHex || !keyHex) return false;
  const expected = Buffer.from(keyHex, 'hex');
  const actual = scryptSync(password, Buffer.from(saltHex, 'hex'), expected.length);
  return timingSafeEqual(expected, actual);
}

/** What a remembered successful check is keyed by: the stored hash and a digest of the password. */
function verifiedKey(storedHash: string, password: string): string {
  return `${storedHash}\0${createHash('sha256').update(password).digest('hex')}`;
}
