import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Backend } from '../backend.js';
import { authenticate } from '../http/auth.js';
import { JfsHttpError } from '../http/errors.js';
import { originOf, readSmallBody } from '../http/request.js';
import { oauthError, sendJson } from '../http/respond.js';
import type { IssuedTokens } from '../store/tokens.js';

/** `GET /auth/realms/<realm>/.well-known/openid-configuration` (§2.4 step 3). */
export function wellKnown(
  backend: Backend,
  req: IncomingMessage,
  res: ServerResponse,
  realm: string,
): void {
  const issuer = `${originOf(req, serverUrl(backend))}/auth/realms/${realm}`;
  const oidc = `${issuer}/protocol/openid-connect`;
  sendJson(res, 200, {
    issuer,
    authorization_endpoint: `${oidc}/auth`,
    token_endpoint: `${oidc}/token`,
    introspection_endpoint: `${oidc}/token/introspect`,
    token_introspection_endpoint: `${oidc}/token/introspect`,
    userinfo_endpoint: `${oidc}/userinfo`,
    end_session_endpoint: `${oidc}/logout`,
    jwks_uri: `${oidc}/certs`,
    check_session_iframe: `${oidc}/login-status-iframe.html`,
    grant_types_supported: ['authorization_code', 'refresh_token', 'password'],
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'offline_access', 'jotta-default'],
    code_challenge_methods_supported: ['plain', 'S256'],
  });
}

/**
 * `POST …/protocol/openid-connect/token`: `grant_type=password` (the login token's auth_token,
 * single use, or the account password) and `grant_type=refresh_token` with rotation (§2.6).
 * A bad password grant is 401 invalid_grant (Keycloak's answer); refresh failures are 400.
 */
export async function tokenEndpoint(
  backend: Backend,
  req: IncomingMessage,
  res: ServerResponse,
  realm: string,
): Promise<void> {
  const form = new URLSearchParams(await readSmallBody(req));
  const grant = form.get('grant_type') ?? '';

  let issued: IssuedTokens;
  if (grant === 'password') {
    const account = backend.accounts.find(form.get('username') ?? '');
    const password = form.get('password') ?? '';
    const accepted =
      account !== undefined &&
      (backend.tokens.consumeLoginSecret(account.id, password) ||
        backend.accounts.verifyPassword(account, password));
    if (!account || !accepted) throw oauthError(401, 'invalid_grant', 'Invalid user credentials');
    issued = backend.tokens.startSession(
      account.id,
      account.username,
      realm,
      form.get('client_id') ?? 'jottacli',
    );
  } else if (grant === 'refresh_token') {
    const outcome = backend.tokens.refresh(
      form.get('refresh_token') ?? '',
      realm,
      (id) => backend.accounts.byId(id)?.username ?? '',
    );
    if (typeof outcome === 'string') {
      const description = outcome === 'wrong-realm' ? 'Invalid refresh token' : 'Stale token';
      throw oauthError(400, 'invalid_grant', description);
    }
    issued = outcome;
  } else {
    throw oauthError(400, 'unsupported_grant_type', `Unsupported grant_type ${grant}`);
  }

  sendJson(res, 200, {
    access_token: issued.accessToken,
    expires_in: issued.expiresIn,
    refresh_expires_in: 0,
    refresh_token: issued.refreshToken,
    token_type: 'bearer',
    id_token: issued.idToken,
    'not-before-policy': 0,
    session_state: issued.sessionState,
    scope: form.get('scope') ?? 'openid offline_access',
  });
}

/** `GET …/protocol/openid-connect/userinfo` (Duplicati's way to the username, §2.7). */
export function userInfo(
  backend: Backend,
  req: IncomingMessage,
  res: ServerResponse,
  realm: string,
): void {
  const account = authenticate(backend, req);
  sendJson(res, 200, {
    sub: `${realm}:${account.username}`,
    username: account.username,
    preferred_username: account.username,
    email: `${account.username}@example.invalid`,
    email_verified: true,
    name: account.username,
    realm,
  });
}

/** `GET /account/v1/customer` (§2.7): the JFS username and the account's figures. */
export function customer(backend: Backend, req: IncomingMessage, res: ServerResponse): void {
  const account = authenticate(backend, req);
  const usage = backend.revisions.usage(account.id);
  sendJson(res, 200, {
    username: account.username,
    email: `${account.username}@example.invalid`,
    name: account.username,
    country_code: 'NO',
    language_code: 'en',
    customer_group_code: 'LOCAL',
    brand_code: 'JFS_LOCAL',
    account_type: account.quota < 0 ? 'unlimited' : 'free',
    subscription_type: account.quota < 0 ? 'unlimited' : 'free',
    usage,
    quota: account.quota,
    business_usage: 0,
    business_quota: 0,
    write_locked: false,
    read_locked: false,
    locked_cause: null,
    web_hash: '',
    android_hash: '',
    ios_hash: '',
  });
}

export function serverUrl(backend: Backend): string {
  return `http://${backend.options.host}:${backend.options.port}`;
}

/** Realms not configured answer 404, like an unknown Keycloak realm. */
export function checkRealm(backend: Backend, realm: string): void {
  if (!backend.options.realms.includes(realm)) {
    throw new JfsHttpError(404, 'realm_not_found', `Realm ${realm} does not exist`);
  }
}
