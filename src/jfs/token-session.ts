import type { Authenticator } from './auth.js';
import { OperationCanceledError } from '../core/errors.js';
import { AuthError, ConflictError } from './errors.js';
import { requestTokens } from './oauth.js';
import type { StoredLogin, TokenStore } from './token-store.js';
import type { Transport } from './transport.js';

/** Refresh when less than this share of the token's lifetime is left (at most one minute). */
const REFRESH_AHEAD_SHARE = 0.25;
const REFRESH_AHEAD_MAX_MS = 60_000;

/**
 * Bearer tokens from a TokenStore (§2.6): refreshed ahead of expiry, once after a 401, one
 * refresh at a time in this process (a shared promise) and across processes (the store's
 * lock). The rotated refresh token is saved before the new access token is used (B11).
 */
export class TokenAuthenticator implements Authenticator {
  private login?: StoredLogin;
  private refreshing?: Promise<StoredLogin>;

  constructor(
    private readonly store: TokenStore,
    private readonly transport: Transport,
  ) {}

  async authorization(signal?: AbortSignal): Promise<string> {
    let login = await this.current();
    if (needsRefresh(login)) login = await this.refresh(login, signal);
    return `Bearer ${login.accessToken}`;
  }

  async renew(refused: string, signal?: AbortSignal): Promise<boolean> {
    const login = await this.current();
    if (`Bearer ${login.accessToken}` !== refused) return true;
    const renewed = await this.refresh(login, signal);
    return renewed.accessToken !== login.accessToken;
  }

  /** The stored login, loaded once. */
  async current(): Promise<StoredLogin> {
    if (this.login) return this.login;
    const login = await this.store.load();
    if (!login)
      throw new AuthError('Not logged in to Jottacloud. Log in with a personal login token.');
    this.login = login;
    return login;
  }

  /**
   * One refresh shared by every waiting request. It runs without any caller's signal (one
   * caller's Ctrl+C must not fail the others); each caller stops waiting on its own abort.
   */
  private refresh(stale: StoredLogin, signal?: AbortSignal): Promise<StoredLogin> {
    this.refreshing ??= this.refreshLocked(stale).finally(() => {
      this.refreshing = undefined;
    });
    return untilAborted(this.refreshing, signal);
  }

  private async refreshLocked(stale: StoredLogin): Promise<StoredLogin> {
    const release = await this.lock();
    try {
      // Another process may have refreshed while we waited for the lock: its tokens win. A store
      // emptied since we loaded it was logged out (`jafs logout`): refreshing would write the
      // login back, so the session ends here instead.
      const stored = await this.store.load();
      if (!stored) {
        throw new AuthError('The Jottacloud login was removed (logged out). Log in again.');
      }
      if (stored.refreshToken !== stale.refreshToken && !needsRefresh(stored)) {
        this.login = stored;
        return stored;
      }

      const tokens = await requestTokens(
        this.transport,
        stored.tokenEndpoint,
        {
          grant_type: 'refresh_token',
          refresh_token: stored.refreshToken,
          client_id: stored.clientId,
        },
        stored,
      );
      const renewed: StoredLogin = { ...stored, ...tokens };

      await this.store.save(renewed);
      this.login = renewed;
      return renewed;
    } finally {
      await release?.();
    }
  }

  private async lock(): Promise<(() => Promise<void>) | undefined> {
    if (!this.store.lock) return undefined;
    try {
      return await this.store.lock();
    } catch (error) {
      throw new ConflictError(
        'Another jafs process is refreshing the Jottacloud login and did not finish. Try again.',
        { cause: error },
      );
    }
  }
}

/** Resolves like `promise`, or rejects with OperationCanceledError once `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new OperationCanceledError());

  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new OperationCanceledError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function needsRefresh(login: StoredLogin): boolean {
  const lifetime = Math.max(0, login.expiresAt - login.obtainedAt);
  const ahead = Math.min(REFRESH_AHEAD_MAX_MS, lifetime * REFRESH_AHEAD_SHARE);
  return Date.now() >= login.expiresAt - ahead;
}
