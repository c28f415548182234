import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { onTestFinished } from 'vitest';
import { describe, expect, it } from 'vitest';

import {
  AuthError,
  FileTokenStore,
  Jottacloud,
  MemoryTokenStore,
  TransportError,
  decodeLoginToken,
  loginWithToken,
  type StoredLogin,
  type TokenStore,
} from '../../src/jfs/index.js';
import { startTestServer, tempDir, type Server } from './helpers.js';

const TOKEN_PATH = '/protocol/openid-connect/token';

function tokenClient(server: Server, store: TokenStore): Jottacloud {
  const client = new Jottacloud({
    baseUrl: server.url,
    auth: { type: 'token', store },
    retries: 1,
  });
  onTestFinished(() => client.close());
  return client;
}

async function loggedIn(options: Parameters<typeof startTestServer>[0] = {}) {
  const lines: string[] = [];
  const server = await startTestServer({ ...options, log: (line) => lines.push(line) });
  const file = join(await tempDir(), 'home', 'login.json');
  const store = new FileTokenStore(file);
  const login = await loginWithToken(server.issueLoginToken('alice'), {
    store,
    baseUrl: server.url,
  });
  const refreshes = () => lines.filter((l) => l.startsWith('POST') && l.includes(TOKEN_PATH));
  return { server, file, store, login, lines, refreshes };
}

/** Marks the stored access token as expired so the next request refreshes first. */
async function expireStored(store: TokenStore): Promise<StoredLogin> {
  const login = (await store.load()) as StoredLogin;
  const expired = { ...login, obtainedAt: Date.now() - 7200_000, expiresAt: Date.now() - 1000 };
  await store.save(expired);
  return expired;
}

describe('personal login token sessions', () => {
  it('logs in with a personal login token and stores the session with mode 0600', async () => {
    const { server, file, login } = await loggedIn();

    expect(login.username).toBe('alice');
    expect(login.clientId).toBe('jottacli');
    expect(login.tokenEndpoint).toContain(TOKEN_PATH);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8')).refreshToken).toBe(login.refreshToken);

    const client = tokenClient(server, new FileTokenStore(file));
    expect(await client.username()).toBe('alice');
    expect((await client.getUser()).username).toBe('alice');
  });

  it('refuses a login token used twice and a token that is not one', async () => {
    const server = await startTestServer();
    const token = server.issueLoginToken('alice');
    expect(decodeLoginToken(token).username).toBe('alice');
    await loginWithToken(token, { store: new MemoryTokenStore() });

    await expect(loginWithToken(token, { store: new MemoryTokenStore() })).rejects.toBeInstanceOf(
      AuthError,
    );
    expect(() => decodeLoginToken('not-a-token')).toThrow(AuthError);
  });

  it('refreshes ahead of expiry and saves the rotated refresh token', async () => {
    const { server, store, login, lines, refreshes } = await loggedIn();
    await expireStored(store);

    const client = tokenClient(server, store);
    await client.getUser();
    const saved = (await store.load()) as StoredLogin;
    expect(refreshes()).toHaveLength(2);
    expect(saved.refreshToken).not.toBe(login.refreshToken);
    expect(saved.expiresAt).toBeGreaterThan(Date.now());
    expect(lines.some((line) => / 401$/.test(line))).toBe(false);
  });

  it('refreshes once after a 401 and repeats the request once', async () => {
    const { server, store, login, refreshes } = await loggedIn();
    const client = tokenClient(server, store);
    await client.getUser();

    server.faults.expireTokens('alice');
    const user = await client.getUser();
    expect(user.username).toBe('alice');
    expect(refreshes()).toHaveLength(2);
    expect(((await store.load()) as StoredLogin).refreshToken).not.toBe(login.refreshToken);
  });

  it('asks to log in again on invalid_grant and leaves the stored file untouched', async () => {
    const { server, store, file } = await loggedIn();
    const stale = await expireStored(store);
    await tokenClient(server, store).getUser();

    // A second copy of the session still holding the rotated-away refresh token (B11).
    const copy = new MemoryTokenStore(stale);
    const error = await tokenClient(server, copy)
      .getUser()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toMatch(/log in again/i);
    expect((error as Error).message).not.toContain(stale.refreshToken);
    expect(await copy.load()).toEqual(stale);

    await expireStored(store);
    const afterExpire = await readFile(file, 'utf8');
    await expect(tokenClient(server, store).getUser()).rejects.toBeInstanceOf(AuthError);
    expect(await readFile(file, 'utf8')).toBe(afterExpire);
  });

  it('keeps the stored tokens when the token endpoint fails, and refreshes on the next call', async () => {
    const { server, store } = await loggedIn();
    const expired = await expireStored(store);
    const client = tokenClient(server, store);
    server.faults.add({ method: 'POST', path: TOKEN_PATH, status: 503 });

    await expect(client.getUser()).rejects.toBeInstanceOf(TransportError);
    expect(await store.load()).toEqual(expired);
    expect((await client.getUser()).username).toBe('alice');
  });

  it('serialises refreshes of two clients sharing one login file', async () => {
    const { server, file, store, refreshes } = await loggedIn();
    await expireStored(store);

    const first = tokenClient(server, new FileTokenStore(file));
    const second = tokenClient(server, new FileTokenStore(file));
    const users = await Promise.all([first.getUser(), second.getUser(), first.getUser()]);
    expect(users.map((user) => user.username)).toEqual(['alice', 'alice', 'alice']);
    expect(refreshes()).toHaveLength(2);
  });

  it('uses the token endpoint of a white-label realm for login and every refresh (B14)', async () => {
    const server = await startTestServer({ realms: ['jottacloud', 'get'] });
    const store = new MemoryTokenStore();
    const login = await loginWithToken(server.issueLoginToken('alice', 'get'), {
      store,
      baseUrl: server.url,
    });
    expect(login.tokenEndpoint).toContain('/realms/get/');

    await expireStored(store);
    expect((await tokenClient(server, store).getUser()).username).toBe('alice');
    const refreshed = (await store.load()) as StoredLogin;
    expect(refreshed.tokenEndpoint).toBe(login.tokenEndpoint);
    expect(refreshed.refreshToken).not.toBe(login.refreshToken);
  });

  it('ends a running session logged out elsewhere instead of writing the login back', async () => {
    const { server, store, file, refreshes } = await loggedIn();
    const client = tokenClient(server, store);
    await client.getUser();

    await rm(file);
    server.faults.expireTokens('alice');
    await expect(client.getUser()).rejects.toThrow(/logged out.*Log in again/);
    await expect(stat(file)).rejects.toThrow();
    expect(refreshes()).toHaveLength(1);
  });

  it('refuses to start without a stored login', async () => {
    const server = await startTestServer();
    const client = tokenClient(server, new FileTokenStore(join(await tempDir(), 'none.json')));
    await expect(client.getUser()).rejects.toThrow(/Not logged in/);
  });
});

describe('token expiry during a transfer (B16)', () => {
  it('finishes an upload whose access token expired while the bytes were on their way', async () => {
    const { server, store, refreshes } = await loggedIn();
    const client = tokenClient(server, store);
    await client.getUser();

    // The upload request waits on the server; the token expires meanwhile, so it is refused.
    const slow = server.faults.add({ method: 'POST', path: '/files/v1/upload/', delayMs: 300 });
    setTimeout(() => server.faults.expireTokens('alice'), 100);
    const data = Buffer.from('bytes sent while the token expired\n'.repeat(1000));
    const file = await client.upload('/Jotta/Archive/expiring.txt', {
      size: data.length,
      open: async (offset) => Readable.from([data.subarray(offset)]),
    });

    expect(slow.hits).toBe(1);
    expect(file.state).toBe('COMPLETED');
    expect(refreshes()).toHaveLength(2);
  });
});
