import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import { AuthError } from './errors.js';

/** What a personal-login-token session keeps between runs. */
export interface StoredLogin {
  accessToken: string;
  /** Rotates on every refresh; the previous one is dead once a refresh succeeded (B11). */
  refreshToken: string;
  /** Epoch ms after which the access token is refused. */
  expiresAt: number;
  /** Epoch ms when the access token was issued (sizes the refresh-ahead window). */
  obtainedAt: number;
  /** The realm's token endpoint, discovered at login and used for every refresh (B14). */
  tokenEndpoint: string;
  clientId: string;
  /** Internal JFS username from `account/v1/customer`, when it was read at login. */
  username?: string;
  /** The JFS origin the login is for, when it was given at login. */
  baseUrl?: string;
  /** The JSON API origin the login is for, when it was given at login. */
  apiBaseUrl?: string;
}

/** Where a session's tokens live. `lock` serialises refreshes across processes when present. */
export interface TokenStore {
  load(): Promise<StoredLogin | undefined>;
  save(login: StoredLogin): Promise<void>;
  /** Takes an exclusive lock and resolves with its release function. */
  lock?(): Promise<() => Promise<void>>;
}

/**
 * Keeps the login in one JSON file, mode 0600, replaced atomically (write-file-atomic), with a
 * proper-lockfile lock beside it (`<file>.lock`) so two jafs processes never refresh at once.
 */
export class FileTokenStore implements TokenStore {
  constructor(readonly file: string) {}

  async load(): Promise<StoredLogin | undefined> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }

    try {
      const login = JSON.parse(text) as StoredLogin;
      if (typeof login.refreshToken !== 'string' || typeof login.tokenEndpoint !== 'string') {
        throw new Error('missing fields');
      }
      return login;
    } catch (error) {
      throw new AuthError(`The stored login in ${this.file} is unreadable. Log in again.`, {
        cause: error,
      });
    }
  }

  async save(login: StoredLogin): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    // Loaded when used (as below): most runs never write or lock a login.
    const { default: writeFileAtomic } = await import('write-file-atomic');
    await writeFileAtomic(this.file, JSON.stringify(login, null, 2) + '\n', {
      mode: 0o600,
      fsync: true,
    });
  }

  async lock(): Promise<() => Promise<void>> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    const { default: lockfile } = await import('proper-lockfile');
    return lockfile.lock(this.file, {
      realpath: false,
      stale: 10_000,
      retries: { retries: 100, minTimeout: 20, maxTimeout: 250 },
    });
  }
}

/** Keeps the login in memory only (tests, short-lived scripts). */
export class MemoryTokenStore implements TokenStore {
  constructor(private login?: StoredLogin) {}

  async load(): Promise<StoredLogin | undefined> {
    return this.login === undefined ? undefined : { ...this.login };
  }

  async save(login: StoredLogin): Promise<void> {
    this.login = { ...login };
  }
}
