import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, type RunningServer } from '../../src/server/index.js';
import { expectSuccess } from './fixtures.js';
import { rcloneInstalled, startRcloneHarness, type RcloneHarness } from './harness.js';

const USERNAME = 'quirk-user';

/**
 * With the server's "reported real-service" switches on (protocol notes §1.4 items 4, 5, 7, and
 * the §7.4 mvDir-500-after-success period as an injected fault),
 * rclone 1.60 must fail exactly where the public reports say it failed against the real service,
 * and the same names must work with the switches off (rclone.test.ts). This keeps the switches
 * honest: each one is seen to bite a real client, not only the server's own tests.
 */
describe.skipIf(!rcloneInstalled())(
  'rclone 1.60 against the server with reported real-service quirks on',
  () => {
    let server: RunningServer;
    let harness: RcloneHarness;
    let dataDir: string;
    let local: string;

    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'jafs-rclone-quirks-'));
      server = await startServer({
        dataDir,
        accounts: [{ username: USERNAME, password: 'quirk-password' }],
        quirks: { rejectLeadingSpace: true, rejectPercentNames: true, semicolonEndsSegment: true },
      });
      harness = await startRcloneHarness({ serverUrl: server.url, server, username: USERNAME });
      local = join(harness.workDir, 'names');
      await mkdir(local, { recursive: true });
      for (const name of [' leading.txt', 'a%20b.jpg', 'name;x.pdf', 'plain.txt']) {
        await writeFile(join(local, name), `content of ${name}\n`);
      }
    }, 60_000);

    afterAll(async () => {
      await harness?.close();
      await server?.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    const upload = (name: string) =>
      harness.rclone(['copyto', '--retries', '1', join(local, name), `remote:q/${name}`]);

    it('an ordinary name still works', async () => {
      expectSuccess(await upload('plain.txt'), 'copyto plain.txt');
    });

    it('a leading space is answered 404 NoSuchPathException (rclone#2744)', async () => {
      const result = await upload(' leading.txt');
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/404.*NoSuchPathException/);
    });

    it('a name that still looks percent-encoded is answered 400 (rclone#9153)', async () => {
      // rclone 1.60 sends `%` as %25 (its default encoding predates the full-width mapping).
      const result = await upload('a%20b.jpg');
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/400/);
    });

    it('mvDir answering 500 after moving makes rclone report a failed move that happened (rclone#4295)', async () => {
      const source = join(harness.workDir, 'to-move');
      await mkdir(source, { recursive: true });
      await writeFile(join(source, 'm.txt'), 'moved\n');
      expectSuccess(await harness.rclone(['copy', source, 'remote:mv-src']), 'copy mv-src');
      const fault = server.faults.add({
        method: 'POST',
        path: '/mv-src',
        status: 500,
        afterHandling: true,
      });

      const move = await harness.rclone([
        'move',
        '--retries',
        '1',
        'remote:mv-src',
        'remote:mv-dst',
      ]);
      expect(fault.hits).toBe(1);
      expect(move.code, 'rclone believes the move failed').not.toBe(0);
      const moved = await harness.rclone(['lsf', 'remote:mv-dst']);
      expect(moved.stdout, 'but the folder did move').toBe('m.txt\n');
    });

    it('a literal `;` cuts the path segment, so reading the file back fails (rclone#2750)', async () => {
      // Upload goes through allocate, whose path is JSON, so it succeeds; rclone then sends `;`
      // unescaped in JFS URLs, and the server looks for `name` instead of `name;x.pdf`.
      expectSuccess(await upload('name;x.pdf'), 'copyto name;x.pdf');
      const mark = harness.gateway.forwarded.length;
      const read = await harness.rclone(['cat', '--retries', '1', 'remote:q/name;x.pdf']);

      expect(read.code).not.toBe(0);
      const misses = harness.gateway.forwarded
        .slice(mark)
        .filter((request) => request.path.includes('name;x.pdf') && request.status === 404);
      expect(misses).not.toEqual([]);
    });

    it('never tried to reach anything but the Jottacloud names on loopback', () => {
      expect(harness.gateway.refused).toEqual([]);
    });
  },
);
