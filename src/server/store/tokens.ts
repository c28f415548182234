import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { nowSeconds } from '../format.js';
import { type Statements, statementsOf } from './statements.js';

/** The token pair a successful grant hands out. */
export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  idToken: string;
  expiresIn: number;
  sessionState: string;
}

/** Why a refresh was refused; all of them are answered `400 invalid_grant`. */
export type RefreshRefusal = 'unknown' | 'reused' | 'revoked' | 'wrong-realm';

/**
 * Login tokens, refresh-token families and access tokens. Only SHA-256 hashes of the secrets are
 * stored. Refresh tokens rotate: each is good once; presenting a spent one revokes its whole
 * family (every refresh and access token issued from the same login), as Keycloak does (§2.6).
 */
export class TokenStore {
  readonly #db: Database.Database;
  readonly #sql: Statements;
  readonly #accessLifetime: number;

  constructor(db: Database.Database, accessLifetimeSeconds: number) {
    this.#db = db;
    this.#sql = statementsOf(db);
    this.#accessLifetime = accessLifetimeSeconds;
  }

  /** A single-use login secret, valid for `lifetimeSeconds`. */
  issueLoginSecret(accountId: number, lifetimeSeconds: number): string {
    const secret = randomBytes(24).toString('base64url');
    this.#sql
      .prepared('INSERT INTO login_tokens (hash, account_id, expires) VALUES (?, ?, ?)')
      .run(digest(secret), accountId, nowSeconds() + lifetimeSeconds);
    return secret;
  }

  /** Spends a login secret; false when unknown, expired, already used or someone else's. */
  consumeLoginSecret(accountId: number, secret: string): boolean {
    const spend = this.#sql.prepared(
      'UPDATE login_tokens SET used = 1 WHERE hash = ? AND account_id = ? AND used = 0 AND expires >= ?',
    );
    return spend.run(digest(secret), accountId, nowSeconds()).changes === 1;
  }

  /** Starts a new session (token family) and issues its first pair. */
  startSession(accountId: number, username: string, realm: string, clientId: string): IssuedTokens {
    const family = this.#sql
      .prepared('INSERT INTO token_families (account_id, realm, client_id) VALUES (?, ?, ?)')
      .run(accountId, realm, clientId);
    return this.#issue(Number(family.lastInsertRowid), accountId, username, realm);
  }

  /** Rotates a refresh token, or says why it cannot. */
  refresh(
    token: string,
    realm: string,
    username: (accountId: number) => string,
  ): IssuedTokens | RefreshRefusal {
    const rotate = this.#db.transaction((): IssuedTokens | RefreshRefusal => {
      const row = this.#sql
        .prepared(
          `SELECT r.used, r.family_id, f.account_id, f.realm, f.revoked
           FROM refresh_tokens r JOIN token_families f ON f.id = r.family_id WHERE r.hash = ?`,
        )
        .get(digest(token)) as RefreshRow | undefined;
      if (!row) return 'unknown';
      if (row.revoked) return 'revoked';
      if (row.used) {
        this.revokeFamily(row.family_id);
        return 'reused';
      }
      if (row.realm !== realm) return 'wrong-realm';

      this.#sql.prepared('UPDATE refresh_tokens SET used = 1 WHERE hash = ?').run(digest(token));
      return this.#issue(row.family_id, row.account_id, username(row.account_id), realm);
    });
    return rotate();
  }

  /** The account an access token belongs to, or undefined when unknown, expired or revoked. */
  authenticate(accessToken: string): number | undefined {
    const row = this.#sql
      .prepared(
        `SELECT a.account_id, a.expires, f.revoked FROM access_tokens a
         JOIN token_families f ON f.id = a.family_id WHERE a.hash = ?`,
      )
      .get(digest(accessToken)) as
      { account_id: number; expires: number; revoked: number } | undefined;
    if (!row || row.revoked || row.expires < Date.now() / 1000) return undefined;
    return row.account_id;
  }

  revokeFamily(familyId: number): void {
    this.#sql.prepared('UPDATE token_families SET revoked = 1 WHERE id = ?').run(familyId);
  }

  /** Makes every access token (of one account, or all) expire now: a fault for refresh tests. */
  expireAccessTokens(accountId?: number): void {
    const past = nowSeconds() - 1;
    if (accountId === undefined) {
      this.#sql.prepared('UPDATE access_tokens SET expires = ?').run(past);
    } else {
      this.#sql
        .prepared('UPDATE access_tokens SET expires = ? WHERE account_id = ?')
        .run(past, accountId);
    }
  }

  #issue(familyId: number, accountId: number, username: string, realm: string): IssuedTokens {
    const now = nowSeconds();
    const accessToken = jwtLike({
      typ: 'Bearer',
      sub: `${realm}:${username}`,
      iat: now,
      exp: now + this.#accessLifetime,
    });
    const refreshToken = jwtLike({ typ: 'Refresh', sub: `${realm}:${username}`, iat: now, exp: 0 });
    this.#sql
      .prepared(
        'INSERT INTO access_tokens (hash, family_id, account_id, expires) VALUES (?, ?, ?, ?)',
      )
      .run(digest(accessToken), familyId, accountId, now + this.#accessLifetime);
    this.#sql
      .prepared('INSERT INTO refresh_tokens (hash, family_id) VALUES (?, ?)')
      .run(digest(refreshToken), familyId);
    return {
      accessToken,
      refreshToken,
      idToken: jwtLike({
        typ: 'ID',
        sub: `${realm}:${username}`,
        preferred_username: username,
        iat: now,
      }),
      expiresIn: this.#accessLifetime,
      sessionState: randomUUID(),
    };
  }
}

interface RefreshRow {
  used: number;
  family_id: number;
  account_id: number;
  realm: string;
  revoked: number;
}

function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * A token shaped like the real service's JWTs (clients such as A1 read `sub` from it). The
 * signature part is random: the server recognises its tokens by their stored hash, not by a key.
 */
function jwtLike(claims: Record<string, unknown>): string {
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify({ ...claims, jti: randomUUID() })).toString(
    'base64url',
  );
  return `${header}.${payload}.${randomBytes(32).toString('base64url')}`;
}
