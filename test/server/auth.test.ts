import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestServer, type TestServer, USER, xml } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

interface TokenResponse {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: string;
}

async function tokenRequest(form: Record<string, string>, realm = 'jottacloud'): Promise<Response> {
  return fetch(`${t.url}/auth/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

/** The personal-login-token flow end to end: decode, well-known, password grant. */
async function loginWithToken(): Promise<TokenResponse> {
  const decoded = JSON.parse(Buffer.from(t.server.issueLoginToken(USER), 'base64url').toString());
  const wellKnown = (await (await fetch(decoded.well_known_link)).json()) as {
    token_endpoint: string;
  };
  const response = await fetch(wellKnown.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: 'jottacli',
      grant_type: 'password',
      username: decoded.username,
      password: decoded.auth_token,
      scope: 'openid offline_access',
    }).toString(),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as TokenResponse;
}

function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

describe('HTTP Basic', () => {
  it('accepts the account password', async () => {
    const response = await t.jfs('');
    expect(response.status).toBe(200);
    expect((await xml(response)).root.username).toBe(USER);
  });

  it('answers a wrong password with 401 BadCredentialsException', async () => {
    const bad = `Basic ${Buffer.from(`${USER}:wrong`).toString('base64')}`;
    const response = await fetch(`${t.url}/jfs/${USER}`, { headers: { Authorization: bad } });
    expect(response.status).toBe(401);
    const { name, root } = await xml(response);
    expect(name).toBe('error');
    expect(root.code).toBe('401');
    expect(root.reason).toBe('Unauthorized');
    expect(root.message).toBe(
      'org.springframework.security.authentication.BadCredentialsException: Bad credentials',
    );
    expect(root['x-id']).toMatch(/^\d{12}$/);
  });

  it('answers no credentials with 401', async () => {
    expect((await fetch(`${t.url}/jfs/${USER}/Jotta`)).status).toBe(401);
  });
});

describe('personal login token', () => {
  it('is base64url JSON without padding pointing at this server', () => {
    const token = t.server.issueLoginToken(USER);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString());
    expect(decoded.username).toBe(USER);
    expect(decoded.realm).toBe('jottacloud');
    expect(decoded.well_known_link).toBe(
      `${t.url}/auth/realms/jottacloud/.well-known/openid-configuration`,
    );
    expect(decoded.auth_token.length).toBeGreaterThan(10);
  });

  it('well-known document names the token endpoint of this server', async () => {
    const response = await fetch(
      `${t.url}/auth/realms/jottacloud/.well-known/openid-configuration`,
    );
    const doc = (await response.json()) as Record<string, string>;
    expect(doc.token_endpoint).toBe(
      `${t.url}/auth/realms/jottacloud/protocol/openid-connect/token`,
    );
    expect(doc.issuer).toBe(`${t.url}/auth/realms/jottacloud`);
  });

  it('is exchanged once for tokens that open JFS and the customer endpoint', async () => {
    const tokens = await loginWithToken();
    expect(tokens.token_type).toBe('bearer');
    expect(tokens.expires_in).toBe(3600);
    expect(tokens.access_token.split('.')).toHaveLength(3);

    const customer = await fetch(`${t.url}/account/v1/customer`, {
      headers: bearer(tokens.access_token),
    });
    expect(customer.status).toBe(200);
    const body = (await customer.json()) as Record<string, unknown>;
    expect(body.username).toBe(USER);
    expect(body.quota).toBe(-1);
    expect(body.usage).toBe(0);

    const jfs = await fetch(`${t.url}/jfs/${USER}/Jotta`, { headers: bearer(tokens.access_token) });
    expect(jfs.status).toBe(200);
    expect((await xml(jfs)).name).toBe('device');
  });

  it('cannot be used twice', async () => {
    const token = t.server.issueLoginToken(USER);
    const secret = JSON.parse(Buffer.from(token, 'base64url').toString()).auth_token;
    const form = {
      grant_type: 'password',
      client_id: 'jottacli',
      username: USER,
      password: secret,
    };
    expect((await tokenRequest(form)).status).toBe(200);
    const again = await tokenRequest(form);
    expect(again.status).toBe(401);
    expect(((await again.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('the account password also works as the password grant', async () => {
    const response = await tokenRequest({
      grant_type: 'password',
      client_id: 'jottacli',
      username: USER,
      password: PASSWORD,
    });
    expect(response.status).toBe(200);
  });

  it('rejects an unknown grant type', async () => {
    const response = await tokenRequest({ grant_type: 'REFRESH_TOKEN', refresh_token: 'x' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('unsupported_grant_type');
  });
});

describe('refresh tokens', () => {
  it('rotate, and reusing a spent one kills the whole family', async () => {
    const first = await loginWithToken();
    const refreshed = await tokenRequest({
      grant_type: 'refresh_token',
      client_id: 'jottacli',
      refresh_token: first.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as TokenResponse;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(
      (await fetch(`${t.url}/jfs/${USER}`, { headers: bearer(second.access_token) })).status,
    ).toBe(200);

    const reuse = await tokenRequest({
      grant_type: 'refresh_token',
      client_id: 'jottacli',
      refresh_token: first.refresh_token,
    });
    expect(reuse.status).toBe(400);
    expect(((await reuse.json()) as { error: string }).error).toBe('invalid_grant');

    // The family is dead: the newest refresh token and its access token are refused too.
    const next = await tokenRequest({
      grant_type: 'refresh_token',
      client_id: 'jottacli',
      refresh_token: second.refresh_token,
    });
    expect(next.status).toBe(400);
    expect(
      (await fetch(`${t.url}/jfs/${USER}`, { headers: bearer(second.access_token) })).status,
    ).toBe(401);
  });

  it('are refused at another realm', async () => {
    const other = await startTestServer({ realms: ['jottacloud', 'telia_se'] });
    try {
      const tokens = (await (
        await fetch(`${other.url}/auth/realms/jottacloud/protocol/openid-connect/token`, {
          method: 'POST',
          body: new URLSearchParams({ grant_type: 'password', username: USER, password: PASSWORD }),
        })
      ).json()) as TokenResponse;
      const wrong = await fetch(`${other.url}/auth/realms/telia_se/protocol/openid-connect/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: tokens.refresh_token,
        }),
      });
      expect(wrong.status).toBe(400);
      expect(((await wrong.json()) as { error: string }).error).toBe('invalid_grant');
    } finally {
      await other.stop();
    }
  });
});

describe('access tokens', () => {
  it('stop working once expired, and a refresh brings a working one', async () => {
    const tokens = await loginWithToken();
    t.server.faults.expireTokens(USER);
    const expired = await fetch(`${t.url}/jfs/${USER}`, { headers: bearer(tokens.access_token) });
    expect(expired.status).toBe(401);
    expect((await xml(expired)).root.message).toContain('BadCredentialsException');

    const refreshed = (await (
      await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })
    ).json()) as TokenResponse;
    expect(
      (await fetch(`${t.url}/jfs/${USER}`, { headers: bearer(refreshed.access_token) })).status,
    ).toBe(200);
  });

  it('expire by lifetime', async () => {
    const short = await startTestServer({ accessTokenLifetimeSeconds: 0 });
    try {
      const response = await fetch(
        `${short.url}/auth/realms/jottacloud/protocol/openid-connect/token`,
        {
          method: 'POST',
          body: new URLSearchParams({ grant_type: 'password', username: USER, password: PASSWORD }),
        },
      );
      const tokens = (await response.json()) as TokenResponse;
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(
        (await fetch(`${short.url}/jfs/${USER}`, { headers: bearer(tokens.access_token) })).status,
      ).toBe(401);
    } finally {
      await short.stop();
    }
  });
});

describe('account isolation', () => {
  it('refuses the tree of another account with 403', async () => {
    const foreign = await fetch(`${t.url}/jfs/other/Jotta/Archive`, {
      headers: { Authorization: t.auth },
    });
    expect(foreign.status).toBe(403);
    expect((await xml(foreign)).root.message).toContain('AccessDeniedException');
  });

  it('refuses a move into another account', async () => {
    await t.upload('/Jotta/Archive/mine.txt', 'mine');
    const response = await t.post(
      `/Jotta/Archive/mine.txt?mv=${encodeURIComponent('/other/Jotta/Archive/x.txt')}`,
    );
    expect(response.status).toBe(403);
    expect((await t.jfs('/Jotta/Archive/mine.txt')).status).toBe(200);
  });
});
