import { AuthError, TransportError } from './errors.js';
import { parseServerFault } from './error-map.js';
import type { StoredLogin } from './token-store.js';
import type { Transport } from './transport.js';

/** The token endpoint's answer (§2.6); only the fields the client uses. */
interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
}

/**
 * One form POST to the realm's token endpoint. Never retried by the transport: with rotating
 * refresh tokens a blind re-send of a refresh the server already performed would present a
 * dead token and end the session (B11). `invalid_grant` (or any 400/401 OAuth error) becomes an
 * AuthError asking to log in again; a network failure stays a TransportError so the caller keeps
 * the stored tokens (B16).
 */
export async function requestTokens(
  transport: Transport,
  tokenEndpoint: string,
  form: Record<string, string>,
  previous: Pick<StoredLogin, 'refreshToken'> | undefined,
  signal?: AbortSignal,
): Promise<Omit<StoredLogin, 'tokenEndpoint' | 'clientId' | 'username'>> {
  const response = await transport.send({
    method: 'POST',
    url: new URL(tokenEndpoint),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    action: 'obtain a token from',
    auth: false,
    idempotent: false,
    accept: () => true,
    signal,
  });
  const text = await response.body.text();

  if (response.status >= 400 && response.status < 500) {
    const fault = parseServerFault(text);
    throw new AuthError(
      `The Jottacloud login was refused (${fault.exception ?? `HTTP ${response.status}`}). ` +
        'Log in again with a new personal login token.',
      { status: response.status, exception: fault.exception },
    );
  }
  if (response.status < 200 || response.status >= 300) {
    throw new TransportError(
      `The token endpoint failed (HTTP ${response.status}). The stored login is kept; try again.`,
      { status: response.status },
    );
  }

  const tokens = parseTokens(text);
  const now = Date.now();
  return {
    accessToken: tokens.access_token as string,
    refreshToken: tokens.refresh_token ?? previous?.refreshToken ?? '',
    obtainedAt: now,
    expiresAt: now + (tokens.expires_in ?? 3600) * 1000,
  };
}

function parseTokens(text: string): TokenResponse {
  try {
    const tokens = JSON.parse(text) as TokenResponse;
    if (typeof tokens.access_token === 'string') return tokens;
  } catch {
    // Reported below as a protocol failure.
  }
  throw new TransportError('The token endpoint sent an answer without an access token.');
}
