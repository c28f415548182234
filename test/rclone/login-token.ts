import { isLoopbackHost } from './loopback-gateway.js';

/** The fields of a personal login token (protocol notes §2.4), after base64url decoding. */
export interface DecodedLoginToken {
  username: string;
  realm: string;
  well_known_link: string;
  auth_token: string;
}

/** What rclone's jottacloud config needs from a finished login. */
export interface RcloneLogin {
  /** The realm's token endpoint, for rclone's `tokenURL` key (refresh goes there). */
  tokenUrl: string;
  /** golang.org/x/oauth2 Token JSON: rclone's `token` key. */
  tokenJson: string;
  /** The decoded personal login token, for assertions. */
  loginToken: DecodedLoginToken;
}

/**
 * Runs the "standard" login (protocol notes §2.4) the way `rclone config` would, against the
 * local server: decode the personal login token, read the realm's OpenID configuration, and
 * exchange the one-time secret with a password grant for client `jottacli`.
 *
 * The harness does this itself because `rclone config create` is interactive for jottacloud and
 * would reach the well-known URL in ways the test cannot steer. `serverUrl` maps any
 * `*.jottacloud.com` URL the server advertises onto its loopback origin (same path), as the
 * gateway does for rclone.
 */
export async function loginForRclone(loginToken: string, serverUrl: string): Promise<RcloneLogin> {
  const decoded = decodeLoginToken(loginToken);
  const wellKnownUrl = toLoopback(decoded.well_known_link, serverUrl);

  const wellKnownAnswer = await fetch(wellKnownUrl);
  if (!wellKnownAnswer.ok) {
    throw new Error(`well-known ${wellKnownUrl} answered ${wellKnownAnswer.status}`);
  }
  const wellKnown = (await wellKnownAnswer.json()) as { token_endpoint?: unknown };
  if (typeof wellKnown.token_endpoint !== 'string') {
    throw new Error(`well-known ${wellKnownUrl} has no token_endpoint`);
  }

  const tokenUrl = toLoopback(wellKnown.token_endpoint, serverUrl);
  const grant = new URLSearchParams({
    client_id: 'jottacli',
    grant_type: 'password',
    password: decoded.auth_token,
    scope: 'openid offline_access',
    username: decoded.username,
  });
  const tokenAnswer = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: grant.toString(),
  });
  if (!tokenAnswer.ok) {
    throw new Error(`password grant at ${tokenUrl} answered ${tokenAnswer.status}`);
  }
  const token = (await tokenAnswer.json()) as {
    access_token?: string;
    refresh_token?: string;
    token_type?: string;
    expires_in?: number;
  };
  if (!token.access_token || !token.refresh_token || typeof token.expires_in !== 'number') {
    throw new Error(`password grant at ${tokenUrl} gave no access_token/refresh_token/expires_in`);
  }

  const tokenJson = JSON.stringify({
    access_token: token.access_token,
    token_type: token.token_type ?? 'Bearer',
    refresh_token: token.refresh_token,
    expiry: new Date(Date.now() + token.expires_in * 1000).toISOString(),
  });
  return { tokenUrl, tokenJson, loginToken: decoded };
}

/** base64url without padding of a JSON object, as rclone decodes it (RawURLEncoding). */
export function decodeLoginToken(loginToken: string): DecodedLoginToken {
  if (!/^[A-Za-z0-9_-]+$/.test(loginToken)) {
    throw new Error('the login token is not base64url without padding');
  }
  const fields = JSON.parse(Buffer.from(loginToken, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  for (const key of ['username', 'realm', 'well_known_link', 'auth_token']) {
    if (typeof fields[key] !== 'string') throw new Error(`the login token has no ${key}`);
  }
  return fields as unknown as DecodedLoginToken;
}

/** Keeps loopback URLs; maps a Jottacloud https URL onto the server's origin, path unchanged. */
function toLoopback(address: string, serverUrl: string): string {
  const url = new URL(address);
  if (isLoopbackHost(url.hostname)) return url.toString();

  if (url.protocol === 'https:' && /(^|\.)jottacloud\.com$/i.test(url.hostname)) {
    return new URL(url.pathname + url.search, serverUrl).toString();
  }
  throw new Error(`refusing to contact ${url.origin}: tests talk to loopback only`);
}
