import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { expect } from 'vitest';

import {
  ensureTree,
  filePaths,
  uploadSmallFiles,
  type ConformanceCase,
} from './conformance-context.js';
import { errorLines, expectSuccess, md5Hex, parseMd5Sum } from './fixtures.js';
import { revisionNumbers } from './jfs-peek.js';

/** A second session on Jotta/Archive (its own login), for concurrent writers. */
export const TWIN_REMOTE = { name: 'twin', device: 'Jotta', mountpoint: 'Archive' };

/** A backup device and mount point with spaces in their names (bug-log B25). */
export const LAPTOP_REMOTE = {
  name: 'laptop',
  device: 'My Laptop Air',
  mountpoint: 'My Documents',
};

/** Cases beyond the basic list: limits, case rules, streaming, concurrency, sync, versions. */
export const fidelityCases: ConformanceCase[] = [
  {
    name: 'about counts the uploaded bytes as used',
    async run(context) {
      await ensureTree(context);
      const result = await context.harness.rclone(['about', 'remote:', '--json']);
      expectSuccess(result, 'about');

      const usage = JSON.parse(result.stdout) as { total: number; used: number; free: number };
      const treeBytes = [...context.tree.values()].reduce((sum, file) => sum + file.length, 0);
      expect(usage.used).toBeGreaterThanOrEqual(treeBytes);
      expect(usage.free).toBe(usage.total - usage.used);
    },
  },
  {
    name: 'names are case-insensitive and case-preserving',
    async run(context) {
      await uploadSmallFiles(context, 'case', { 'Hello.doc': 'hello\n' });

      const cat = await context.harness.rclone(['cat', 'remote:CASE/Hello.doc']);
      expectSuccess(cat, 'cat through the folder in another case');
      expect(cat.stdout).toBe('hello\n');
      // Not lsf -R: rclone 1.60 then uses liststream and trims the requested root from the
      // returned paths case-sensitively, so `/Archive/case/…` under `CASE` keeps its prefix.
      const listed = await context.harness.rclone(['lsf', 'remote:CASE']);
      expectSuccess(listed, 'lsf through the folder in another case');
      expect(listed.stdout).toBe('Hello.doc\n');

      // Writing to the other case updates the same file instead of making a second one.
      const write = ['rcat', 'remote:case/HELLO.DOC'];
      expectSuccess(await context.harness.rclone(write, { input: 'HELLO\n' }), 'rcat HELLO.DOC');
      const names = await filePaths(context, 'remote:case');
      expect(names.map((name) => name.toLowerCase())).toEqual(['hello.doc']);
      const again = await context.harness.rclone(['cat', `remote:case/${names[0]}`]);
      expect(again.stdout).toBe('HELLO\n');
    },
  },
  {
    name: 'a 255-character name works and a 256-character name is refused',
    async run(context) {
      const fits = 'n'.repeat(251) + '.txt';
      const tooLong = 'n'.repeat(252) + '.txt';
      const ok = await context.harness.rclone(['rcat', `remote:long/${fits}`], { input: 'ok\n' });
      expectSuccess(ok, 'rcat a 255-character name');

      const refused = ['rcat', '--retries', '1', `remote:long/${tooLong}`];
      const result = await context.harness.rclone(refused, { input: 'no\n' });
      expect(result.code, 'rcat a 256-character name').not.toBe(0);
      expect(errorLines(result)).toMatch(/400|255 characters/);
      expect(await filePaths(context, 'remote:long')).toEqual([fits]);
    },
  },
  {
    name: 'an upload beyond the quota is refused (460) and leaves nothing behind',
    async run(context) {
      const about = await context.harness.rclone(['about', 'remote:', '--json']);
      const { used } = JSON.parse(about.stdout) as { used: number };
      context.setQuota(used + 100);
      try {
        const args = ['rcat', '--retries', '1', 'remote:over-quota/big.bin'];
        const result = await context.harness.rclone(args, { input: randomBytes(1000) });
        expect(result.code, 'rcat beyond the quota').not.toBe(0);
        expect(errorLines(result)).toMatch(/460/);
      } finally {
        context.setQuota(context.quota);
      }
      const listed = await context.harness.rclone(['lsf', 'remote:over-quota']);
      expect(listed.stdout).toBe('');
    },
  },
  {
    name: 'a custom device and mount point with spaces work like Jotta/Archive (bug-log B25)',
    async run(context) {
      const { peek } = context;
      const device = `/jfs/${encodeURIComponent(peek.user)}/${encodeURIComponent(LAPTOP_REMOTE.device)}`;
      const created = await peek.post(`${device}?type=WORKSTATION`);
      expect(created.ok, `create device: ${created.status}`).toBe(true);
      const mounted = await peek.post(`${device}/${encodeURIComponent(LAPTOP_REMOTE.mountpoint)}`);
      expect(mounted.ok, `create mount point: ${mounted.status}`).toBe(true);

      const mark = context.harness.gateway.forwarded.length;
      const text = 'backed up\n';
      const write = ['rcat', 'laptop:Projects/notes 1.txt'];
      expectSuccess(await context.harness.rclone(write, { input: text }), 'rcat to laptop:');
      const allocated = context.harness.gateway.forwarded
        .slice(mark)
        .map((request) => (request.json as { path?: string } | undefined)?.path)
        .filter((path) => path !== undefined);
      expect(allocated).toContain('/jfs/My Laptop Air/My Documents/Projects/notes 1.txt');

      expect(await filePaths(context, 'laptop:')).toEqual(['Projects/notes 1.txt']);
      const cat = await context.harness.rclone(['cat', 'laptop:Projects/notes 1.txt']);
      expect(cat.stdout).toBe(text);
      const sums = await context.harness.rclone(['md5sum', '--disable', 'ListR', 'laptop:']);
      expect(parseMd5Sum(sums.stdout)).toEqual(new Map([['Projects/notes 1.txt', md5Hex(text)]]));
    },
  },
  {
    name: 'rcat streams 12 MiB of unknown size (rclone spools it to learn the MD5)',
    async run(context) {
      const content = randomBytes(12 * 1024 * 1024);
      const result = await context.harness.rclone(['rcat', 'remote:streamed/blob.bin'], {
        input: content,
      });
      expectSuccess(result, 'rcat');

      const sums = await context.harness.rclone(['md5sum', 'remote:streamed']);
      expect(parseMd5Sum(sums.stdout)).toEqual(new Map([['blob.bin', md5Hex(content)]]));
    },
  },
  {
    name: '200 small files with 16 parallel transfers all arrive intact',
    async run(context) {
      const local = join(context.harness.workDir, 'many');
      const expected = new Map<string, string>();
      for (let index = 0; index < 200; index += 1) {
        const name = `group-${index % 10}/file-${index}.txt`;
        const content = randomBytes(64 + index);
        await mkdir(join(local, `group-${index % 10}`), { recursive: true });
        await writeFile(join(local, name), content);
        expected.set(name, md5Hex(content));
      }

      const copy = ['copy', '--transfers', '16', '--checkers', '16', local, 'remote:many'];
      expectSuccess(await context.harness.rclone(copy), 'parallel copy');
      const sums = await context.harness.rclone(['md5sum', '--fast-list', 'remote:many']);
      expectSuccess(sums, 'md5sum remote:many');
      expect(parseMd5Sum(sums.stdout)).toEqual(expected);
    },
  },
  {
    name: 'two sessions uploading one path at once leave one whole version',
    async run(context) {
      const first = randomBytes(8 * 1024 * 1024);
      const second = randomBytes(8 * 1024 * 1024);
      const [a, b] = await Promise.all([
        context.harness.rclone(['rcat', 'remote:race/same.bin'], { input: first }),
        context.harness.rclone(['rcat', 'twin:race/same.bin'], { input: second }),
      ]);
      expectSuccess(a, 'rcat by the first session');
      expectSuccess(b, 'rcat by the second session');

      const sums = await context.harness.rclone(['md5sum', 'remote:race']);
      const listed = parseMd5Sum(sums.stdout).get('same.bin');
      expect([md5Hex(first), md5Hex(second)]).toContain(listed);
      const local = join(context.harness.workDir, 'race-same.bin');
      expectSuccess(await context.harness.rclone(['copyto', 'remote:race/same.bin', local]), 'get');
      expect(md5Hex(await readFile(local))).toBe(listed);
    },
  },
  {
    name: 'sync deletes what the source no longer has',
    async run(context) {
      await uploadSmallFiles(context, 'syncing', { 'keep.txt': 'k\n', 'drop/old.txt': 'o\n' });
      const source = join(context.harness.workDir, 'sync-source');
      await mkdir(source, { recursive: true });
      await writeFile(join(source, 'keep.txt'), 'k\n');
      await writeFile(join(source, 'new.txt'), 'n\n');

      expectSuccess(await context.harness.rclone(['sync', source, 'remote:syncing']), 'sync');
      expect(await filePaths(context, 'remote:syncing')).toEqual(['keep.txt', 'new.txt']);
    },
  },
  {
    name: '--jottacloud-no-versions replaces a file without keeping a revision',
    async run(context) {
      await uploadSmallFiles(context, 'unversioned', { 'u.txt': 'one\n' });
      const local = join(context.harness.workDir, 'unversioned-u.txt');
      await writeFile(local, 'two, longer\n');
      const args = ['copyto', '--jottacloud-no-versions', local, 'remote:unversioned/u.txt'];
      expectSuccess(await context.harness.rclone(args), 'copyto --jottacloud-no-versions');

      const item = await context.peek.archiveItem('unversioned/u.txt');
      expect(item.status).toBe(200);
      expect(revisionNumbers(item.doc)).toHaveLength(1);
      const cat = await context.harness.rclone(['cat', 'remote:unversioned/u.txt']);
      expect(cat.stdout).toBe('two, longer\n');
    },
  },
];
