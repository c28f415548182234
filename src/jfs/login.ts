import { AuthError, JfsError } from './errors.js';
import { requestTokens } from './oauth.js';
import type { StoredLogin, TokenStore } from './token-store.js';
import { Transport } from './transport.js';

/** The decoded personal login token (§2.4, sample in §8.15). */
export interface PersonalLoginToken {
  username: string;
  realm: string;
  well_known_link: string;
  auth_token: string;
}

/** The OAuth client of the CLI flow (rclone, JaFS, aeroftp all use it). */
export const LOGIN_CLIENT_ID = 'jottacli';
const LOGIN_SCOPE = 'openid offline_access';

/** Decodes base64url JSON without padding; standard base64 is accepted too (JaFS#2022). */
export function decodeLoginToken(token: string): PersonalLoginToken {
  let decoded: Partial<PersonalLoginToken>;
  try {
    decoded = JSON.parse(Buffer.from(token.trim(), 'base64url').toString('utf8'));
  } catch (error) {
    throw new AuthError('This is not a personal login token: it does not decode.', {
      cause: error,
    });
  }

  for (const field of ['username', 'well_known_link', 'auth_token'] as const) {
    if (typeof decoded[field] !== 'string' || decoded[field] === '') {
      throw new AuthError(`This is not a personal login token: "${field}" is missing.`);
    }
  }
  return decoded as PersonalLoginToken;
}

export interface LoginOptions {
  store: TokenStore;
  /**
   * The JFS origin; when given it is stored with the login (so a later run knows where to go)
   * and, without `apiBaseUrl`, also used as the API origin.
   */
  baseUrl?: string;
  /**
   * The JSON API origin for `account/v1/customer` (`https://api.jottacloud.com` for the real
   * service); when given (or implied by `baseUrl`) the JFS username is stored too.
   * @default baseUrl
   */
  apiBaseUrl?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Exchanges a single-use personal login token for a session: well-known document → token
 * endpoint password grant (client `jottacli`, scope `openid offline_access`) → customer
 * username → saved in the store. Resolves with the stored login.
 */
export async function loginWithToken(
  personalLoginToken: string,
  options: LoginOptions,
): Promise<StoredLogin> {
  const token = decodeLoginToken(personalLoginToken);
  const transport = new Transport({ timeoutMs: options.timeoutMs });

  try {
    const tokenEndpoint = await discoverTokenEndpoint(transport, token, options.signal);
    const tokens = await requestTokens(
      transport,
      tokenEndpoint,
      {
        grant_type: 'password',
        client_id: LOGIN_CLIENT_ID,
        username: token.username,
        password: token.auth_token,
        scope: LOGIN_SCOPE,
      },
      undefined,
      options.signal,
    );
    const login: StoredLogin = { ...tokens, tokenEndpoint, clientId: LOGIN_CLIENT_ID };
    const apiBaseUrl = options.apiBaseUrl ?? options.baseUrl;
    if (options.baseUrl) login.baseUrl = trimSlashes(options.baseUrl);
    if (apiBaseUrl) login.apiBaseUrl = trimSlashes(apiBaseUrl);

    if (apiBaseUrl) {
      login.username = await fetchCustomerUsername(
        transport,
        apiBaseUrl,
        `Bearer ${login.accessToken}`,
        options.signal,
      );
    }
    await options.store.save(login);
    return login;
  } finally {
    await transport.close();
  }
}

function trimSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}

async function discoverTokenEndpoint(
  transport: Transport,
  token: PersonalLoginToken,
  signal?: AbortSignal,
): Promise<string> {
  const document = await transport.json<{ token_endpoint?: unknown }>({
    method: 'GET',
    url: new URL(token.well_known_link),
    action: 'read the login configuration from',
    auth: false,
    idempotent: true,
    signal,
  });
  if (typeof document.token_endpoint !== 'string') {
    throw new JfsError('The login configuration names no token endpoint.');
  }
  return document.token_endpoint;
}

/** `GET <API origin>/account/v1/customer` → the internal JFS username (§2.7, B15). */
export async function fetchCustomerUsername(
  transport: Transport,
  baseUrl: string,
  authorization?: string,
  signal?: AbortSignal,
): Promise<string> {
  const customer = await transport.json<{ username?: unknown }>({
    method: 'GET',
    url: new URL(`${trimSlashes(baseUrl)}/account/v1/customer`),
    headers: authorization ? { authorization } : undefined,
    action: 'read the account of',
    auth: authorization === undefined,
    idempotent: true,
    signal,
  });
  if (typeof customer.username !== 'string' || customer.username === '') {
    throw new JfsError('The account information names no username.');
  }
  return customer.username;
}
