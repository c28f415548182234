import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Jottacloud } from '../../src/jfs/index.js';
import { startServer } from '../../src/server/index.js';
import { runJafs, tempHome } from './helpers.js';

type Server = Awaited<ReturnType<typeof startServer>>;

let home: string;
let cleanup: () => Promise<void>;
let dataDir: string;
let server: Server | undefined;

beforeEach(async () => {
  ({ home, cleanup } = await tempHome());
  dataDir = await mkdtemp(join(tmpdir(), 'jafs-login-server-'));
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await cleanup();
  await rm(dataDir, { recursive: true, force: true });
});

/** The local server with account alice, and a folder made through it (proof of which server). */
async function startAccountServer(accessTokenLifetimeSeconds?: number): Promise<Server> {
  server = await startServer({
    dataDir,
    accounts: [{ username: 'alice', password: 'pw' }],
    accessTokenLifetimeSeconds,
    // A white-label brand is one more realm: its well-known link is inside its tokens.
    realms: ['jottacloud', 'telia_se'],
  });
  const alice = new Jottacloud({
    baseUrl: server.url,
    auth: { type: 'basic', username: 'alice', password: 'pw' },
  });
  await alice.createFolder('/Jotta/Archive/only-on-alice');
  await alice.close();
  return server;
}

function loginFile(): string {
  return join(home, 'login.json');
}

async function logIn(running: Server, token = running.issueLoginToken('alice')) {
  const result = await runJafs(['login', '--token', token, '--server', running.url], {
    home,
    env: { JAFS_DEBUG: '1' },
  });
  return { result, token };
}

function expectNoToken(output: { stdout: string; stderr: string }, ...secrets: string[]) {
  for (const secret of secrets) {
    expect(output.stdout).not.toContain(secret);
    expect(output.stderr).not.toContain(secret);
  }
}

describe('jafs login / logout', () => {
  it('stores the login (0600, no token shown) and opens JAFS: on it instead of the embedded server', async () => {
    const running = await startAccountServer();
    const { result, token } = await logIn(running);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Logged in as alice (${running.url})\n`);
    // JAFS_DEBUG is on: the requests are logged, the token and the session's tokens are not.
    expect(result.stderr).toMatch(/POST .*openid-connect\/token/);
    expectNoToken(result, token);
    expect((await stat(loginFile())).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(await readFile(loginFile(), 'utf8'));
    expect(stored).toMatchObject({ username: 'alice', baseUrl: running.url });
    expect(JSON.stringify(stored)).not.toContain(token);
    expectNoToken(result, stored.accessToken, stored.refreshToken);

    const listing = await runJafs(['-c', 'Get-ChildItem JAFS:\\Jotta\\Archive -Name'], { home });
    expect(listing.stderr).toBe('');
    expect(listing.stdout.trim().split('\n')).toEqual(['only-on-alice']);
    const mounts = await runJafs(['-c', 'Get-ChildItem JAFS:\\Jotta -Name'], { home });
    expect(mounts.stdout).toMatch(/Archive/);
    expect(mounts.stdout).toMatch(/Sync/);
    // No embedded server was started: its data folder was never made.
    await expect(stat(join(home, 'server'))).rejects.toThrow();

    const reused = await logIn(running, token);
    expect(reused.result.code).toBe(1);
    expect(reused.result.stderr).toMatch(/jafs login: .*refused.*log in again/i);
    expectNoToken(reused.result, token);
  });

  it('takes the token from JAFS_LOGIN_TOKEN (any brand by its realm) and refuses to ask without a terminal', async () => {
    const running = await startAccountServer();
    const token = running.issueLoginToken('alice', 'telia_se');
    const fromEnv = await runJafs(['login', '--server', running.url], {
      home,
      env: { JAFS_LOGIN_TOKEN: token },
    });
    expect(fromEnv.stdout).toBe(`Logged in as alice (${running.url})\n`);
    const stored = JSON.parse(await readFile(loginFile(), 'utf8'));
    expect(stored.tokenEndpoint).toContain('/realms/telia_se/');
    const listing = await runJafs(['-c', 'Get-ChildItem JAFS:\\Jotta\\Archive -Name'], { home });
    expect(listing.stdout.trim()).toBe('only-on-alice');

    const none = await runJafs(['login', '--server', running.url], {
      home,
      env: { JAFS_LOGIN_TOKEN: '' },
    });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/No personal login token given.*--token.*JAFS_LOGIN_TOKEN/);

    const notUrl = await runJafs(['login', '--token', 'x', '--server', 'ftp://h'], { home });
    expect(notUrl.code).toBe(2);
    expect(notUrl.stderr).toMatch(/http or https URL/);
  });

  it('refreshes the access token across runs and saves the rotated refresh token', async () => {
    const running = await startAccountServer(2);
    await logIn(running);
    const first = JSON.parse(await readFile(loginFile(), 'utf8'));

    await new Promise((done) => setTimeout(done, 2500));
    const second = await runJafs(['-c', 'Get-ChildItem JAFS:\\Jotta\\Archive -Name'], { home });
    expect(second.stderr).toBe('');
    expect(second.stdout.trim()).toBe('only-on-alice');
    const refreshed = JSON.parse(await readFile(loginFile(), 'utf8'));
    expect(refreshed.refreshToken).not.toBe(first.refreshToken);
    expect((await stat(loginFile())).mode & 0o777).toBe(0o600);

    await new Promise((done) => setTimeout(done, 2500));
    const third = await runJafs(['-c', 'Get-ChildItem JAFS:\\Jotta\\Archive -Name'], { home });
    expect(third.stdout.trim()).toBe('only-on-alice');
  });

  it('reports a spent login once and still runs local commands; logout removes it', async () => {
    const running = await startAccountServer();
    await logIn(running);
    const spent = JSON.parse(await readFile(loginFile(), 'utf8'));
    // Force a refresh that rotates the refresh token, then put the rotated-away one back.
    await writeFile(loginFile(), JSON.stringify({ ...spent, expiresAt: Date.now() - 1000 }));
    await runJafs(['-c', 'Get-ChildItem JAFS:\\ -Name'], { home });
    await writeFile(loginFile(), JSON.stringify({ ...spent, expiresAt: Date.now() - 1000 }));

    const result = await runJafs(['-c', `Test-Path '${home}'; Get-PSDrive -Name JAFS`], { home });
    expect(result.stdout.trim().split('\n')[0]).toBe('True');
    const notices = result.stderr.split('\n').filter((line) => line.includes('is not mounted'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/log in again/i);
    expect(notices[0]).toMatch(/jafs logout/);
    expectNoToken(result, spent.refreshToken, spent.accessToken);

    const out = await runJafs(['logout'], { home });
    expect(out.stdout).toMatch(/^Logged out: removed the stored login/);
    await expect(stat(loginFile())).rejects.toThrow();
    const again = await runJafs(['logout'], { home });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Not logged in/);
  });

  it('keeps the stored login when the server does not answer at start', async () => {
    const running = await startAccountServer();
    await logIn(running);
    const before = await readFile(loginFile(), 'utf8');
    await running.close();
    server = undefined;

    const result = await runJafs(['-c', `Test-Path '${home}'`], { home });
    expect(result.stdout.trim()).toBe('True');
    expect(result.stderr).toMatch(/JAFS: is not mounted: .*The stored login is kept/);
    expect(result.stderr).not.toMatch(/new personal login token/);
    expect(await readFile(loginFile(), 'utf8')).toBe(before);
  });

  it('Connect-Jottacloud logs in and mounts the drive inside one run; Disconnect removes it', async () => {
    const running = await startAccountServer();
    const token = running.issueLoginToken('alice');
    const script =
      `Connect-Jottacloud -Token '${token}' -Server '${running.url}' -Name Cloud | ` +
      'Select-Object -ExpandProperty Username; ' +
      'Get-ChildItem Cloud:\\Jotta\\Archive -Name; ' +
      'Disconnect-Jottacloud; Test-Path Cloud:\\';
    const result = await runJafs(['-c', script], { home });

    expect(result.stderr).toBe('');
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('alice');
    expect(lines[1]).toBe('only-on-alice');
    expect(lines[2]).toMatch(/^Logged out: removed the stored login .*; unmounted Cloud:\.$/);
    expect(lines[3]).toBe('False');
    expectNoToken(result, token);
    await expect(stat(loginFile())).rejects.toThrow();
  });
});
