import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { expect } from 'vitest';

import { startServer } from '../../src/server/index.js';
import { expectSuccess, md5Hex, parseMd5Sum } from './fixtures.js';
import { readConfiguredToken, startRcloneHarness } from './harness.js';

/** Access tokens live this long; rclone refreshes once fewer than 10 s are left. */
const LIFETIME_SECONDS = 14;
const FILE_COUNT = 8;
const FILE_BYTES = 1024 * 1024;

/**
 * A copy that outlives the access token: 8 × 1 MiB at `--bwlimit 1M` one file at a time takes
 * about 8 s, while rclone must refresh about 4 s after the login. The case asserts the copy
 * succeeds, rclone saved a rotated token, and the first access token is really refused once it
 * expired (so the copy could only have succeeded by refreshing).
 */
export const tokenRefreshCase = {
  name: 'token refresh (with rotation) during a long copy',
  async run(): Promise<void> {
    const dataDir = await mkdtemp(join(tmpdir(), 'jafs-rclone-refresh-'));
    const username = 'refresh-user';
    const server = await startServer({
      dataDir,
      accounts: [{ username, password: 'refresh-password' }],
      accessTokenLifetimeSeconds: LIFETIME_SECONDS,
    });
    const loggedInAt = Date.now();
    const harness = await startRcloneHarness({ serverUrl: server.url, server, username });

    try {
      const local = join(harness.workDir, 'slow');
      await mkdir(local, { recursive: true });
      const sums = new Map<string, string>();
      for (let index = 0; index < FILE_COUNT; index += 1) {
        const content = randomBytes(FILE_BYTES);
        await writeFile(join(local, `part-${index}.bin`), content);
        sums.set(`part-${index}.bin`, md5Hex(content));
      }
      const first = await readConfiguredToken(harness.configPath);

      const copy = ['copy', '--bwlimit', '1M', '--transfers', '1', local, 'remote:slow'];
      expectSuccess(await harness.rclone(copy, { timeoutMs: 60_000 }), 'slow copy');

      const listed = await harness.rclone(['md5sum', 'remote:slow']);
      expectSuccess(listed, 'md5sum after the slow copy');
      expect(parseMd5Sum(listed.stdout)).toEqual(sums);

      const latest = await readConfiguredToken(harness.configPath);
      expect(latest.access_token, 'rclone saved a refreshed access token').not.toBe(
        first.access_token,
      );
      expect(latest.refresh_token, 'the refresh token was rotated').not.toBe(first.refresh_token);

      const expiredAt = loggedInAt + (LIFETIME_SECONDS + 1) * 1000;
      await sleep(Math.max(0, expiredAt - Date.now()));
      const stale = await fetch(new URL('/account/v1/customer', server.url), {
        headers: { authorization: `Bearer ${first.access_token}` },
      });
      expect(stale.status, 'the first access token after its lifetime').toBe(401);
      expect(harness.gateway.refused).toEqual([]);
    } finally {
      await harness.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};
