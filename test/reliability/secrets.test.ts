import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Jottacloud } from '../../src/jfs/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { runJafs, tempHome } from '../e2e/helpers.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';

/**
 * Secrets stay secret: the embedded account's password never reaches the CLI's output even with
 * JAFS_DEBUG=1, a refused login does not echo the password, and JAFS_HOME keeps it private.
 * (test/jfs/wire.test.ts already proves the debug log drops Authorization headers; the login
 * file's mode is covered by test/e2e/login.test.ts.)
 */
let home: { home: string; cleanup(): Promise<void> };

beforeAll(async () => {
  home = await tempHome();
});

afterAll(async () => {
  await home?.cleanup();
});

/** Every form a leaked Basic credential could take. */
function leakForms(username: string, password: string): string[] {
  return [
    password,
    Buffer.from(`${username}:${password}`).toString('base64'),
    encodeURIComponent(password),
  ];
}

describe('the embedded session with JAFS_DEBUG=1', () => {
  it('never prints the demo password on stdout or stderr', async () => {
    const first = await runJafs(['-c', '1'], { home: home.home });
    expect(first.code).toBe(0);
    const account = JSON.parse(await readFile(join(home.home, 'embedded-account.json'), 'utf8'));
    expect(account.password.length).toBeGreaterThanOrEqual(16);

    const script = [
      'Set-Content JAFS:\\Jotta\\Archive\\x.txt -Value hi',
      'Get-ChildItem JAFS:\\Jotta\\Archive -Recurse -Force | Out-Null',
      'Get-Content JAFS:\\Jotta\\Archive\\x.txt',
      'Get-PSDrive JAFS | Format-List *',
      'Get-Item JAFS:\\ | Format-List *',
      'Get-Variable | Format-List *',
      'Get-ChildItem env: | Out-String',
      'Get-Content JAFS:\\Jotta\\Archive\\missing.txt',
    ].join('\n');
    const run = await runJafs(['-c', script], { home: home.home, env: { JAFS_DEBUG: '1' } });

    // The debug log is really on: the requests are there, with the account's path.
    expect(run.stderr).toMatch(/jafs:http GET http:\/\/127\.0\.0\.1:\d+\/jfs\/demo/);
    expect(run.stdout).toContain('hi');
    for (const secret of leakForms('demo', account.password)) {
      expect(run.stdout).not.toContain(secret);
      expect(run.stderr).not.toContain(secret);
    }
  }, 30_000);

  it('keeps the password file at 0600 inside a 0700 JAFS_HOME', async () => {
    expect((await stat(join(home.home, 'embedded-account.json'))).mode & 0o777).toBe(0o600);
    const fresh = join(home.home, 'nested-home');
    const run = await runJafs(['-c', '1'], { home: fresh, cwd: home.home });
    expect(run.code).toBe(0);
    expect((await stat(fresh)).mode & 0o777).toBe(0o700);
    expect((await stat(join(fresh, 'embedded-account.json'))).mode & 0o777).toBe(0o600);
  }, 30_000);
});

describe('a refused login', () => {
  let server: RunningServer;
  let dataDir: string;
  const WRONG = 'Wr0ng-S3cret-Passw0rd!';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'jafs-rel-secrets-'));
    server = await startServer({
      dataDir,
      port: 0,
      accounts: [{ username: 'alice', password: 'right' }],
    });
  });

  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('names the problem without the password, in the error and in the debug log', async () => {
    const logged: string[] = [];
    const client = new Jottacloud({
      baseUrl: server.url,
      auth: { type: 'basic', username: 'alice', password: WRONG },
      retries: 0,
      logger: { debug: (subject, message) => logged.push(`${subject} ${message}`) },
    });
    try {
      const error = await client.getUser().then(
        () => undefined,
        (thrown: unknown) => thrown as Error & Record<string, unknown>,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error!.message).toMatch(/password|credential|log ?in|unauthori/i);
      const everything = [
        error!.message,
        String(error!.stack),
        JSON.stringify(error, Object.getOwnPropertyNames(error)),
        ...logged,
      ].join('\n');
      expect(logged.length).toBeGreaterThan(0);
      for (const secret of leakForms('alice', WRONG)) expect(everything).not.toContain(secret);
    } finally {
      await client.close();
    }
  });
});
