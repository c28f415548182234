import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, type RunningServer } from '../../src/server/index.js';
import { conformanceCases, type ConformanceContext } from './conformance-cases.js';
import { LAPTOP_REMOTE, TWIN_REMOTE } from './cases-fidelity.js';
import { writeConformanceTree } from './fixtures.js';
import { rcloneInstalled, startRcloneHarness, type RcloneHarness } from './harness.js';
import { openJfsPeek } from './jfs-peek.js';
import { RUN_SERVER_GAPS, SERVER_GAPS } from './server-gaps.js';
import { tokenRefreshCase } from './token-refresh-case.js';

const INSTALLED = rcloneInstalled();
if (!INSTALLED) console.log('rclone interop tests skipped: no `rclone` executable on PATH');

const USERNAME = 'rclone-user';
const QUOTA = 5 * 1024 ** 3;

const supported = conformanceCases.filter((each) => !(each.name in SERVER_GAPS));
const gaps = conformanceCases.filter((each) => each.name in SERVER_GAPS);

describe.skipIf(!INSTALLED)('rclone 1.60 jottacloud back-end against the local server', () => {
  let server: RunningServer;
  let harness: RcloneHarness;
  let dataDir: string;
  const context = {} as ConformanceContext;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'jafs-rclone-server-'));
    server = await startServer({
      dataDir,
      accounts: [{ username: USERNAME, password: 'rclone-password', quotaBytes: QUOTA }],
    });
    harness = await startRcloneHarness({
      serverUrl: server.url,
      server,
      username: USERNAME,
      extraRemotes: [LAPTOP_REMOTE, TWIN_REMOTE],
    });

    const localTree = join(harness.workDir, 'tree');
    Object.assign(context, {
      harness,
      quota: QUOTA,
      localTree,
      tree: await writeConformanceTree(localTree),
      peek: await openJfsPeek(server.url, server, USERNAME),
      faults: server.faults,
      setQuota: (bytes: number) => server.setQuota(USERNAME, bytes),
    } satisfies ConformanceContext);

    if (gaps.length > 0 && !RUN_SERVER_GAPS) {
      const list = gaps.map((each) => `  - ${each.name}: ${SERVER_GAPS[each.name]}`).join('\n');
      console.log(`rclone cases skipped as server gaps (JAFS_RCLONE_ALL=1 runs them):\n${list}`);
    }
  }, 120_000);

  afterAll(async () => {
    if (process.env.JAFS_RCLONE_TRACE === '1') {
      const lines = harness?.gateway.forwarded.map(
        (r) => `${r.status} ${r.method} ${r.host}${r.path}`,
      );
      console.log(`requests rclone sent through the gateway:\n${lines?.join('\n')}`);
    }
    await harness?.close();
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  for (const each of supported) {
    it(each.name, () => each.run(context), each.timeoutMs ?? 60_000);
  }

  describe.skipIf(!RUN_SERVER_GAPS || gaps.length === 0)('known server gaps', () => {
    for (const each of gaps) {
      it(`${each.name} [gap: ${SERVER_GAPS[each.name]}]`, () => each.run(context), 60_000);
    }
  });

  it('the gateway refuses a host outside the test certificate', async () => {
    const before = harness.gateway.refused.length;
    const stray = [
      'lsf',
      ':http:',
      '--http-url',
      'https://example.com/',
      '--low-level-retries',
      '1',
    ];
    const result = await harness.rclone([...stray, '--retries', '1']);

    expect(result.code).not.toBe(0);
    expect(harness.gateway.refused.splice(before)).toContainEqual({
      method: 'CONNECT',
      target: 'example.com:443',
    });
  });

  it('never tried to reach anything but the Jottacloud names on loopback', () => {
    expect(harness.gateway.refused).toEqual([]);
  });
});

describe.skipIf(!INSTALLED)('rclone with short-lived access tokens', () => {
  it(tokenRefreshCase.name, () => tokenRefreshCase.run(), 90_000);
});
