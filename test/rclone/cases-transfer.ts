import { stat } from 'node:fs/promises';
import { join } from 'node:path';

import { expect } from 'vitest';

import {
  ensureTree,
  listRemote,
  REMOTE_TREE,
  uploadTreeOnce,
  type ConformanceCase,
  type ConformanceContext,
} from './conformance-context.js';
import {
  expectSuccess,
  impliedFolders,
  md5Hex,
  parseMd5Sum,
  readTree,
  type LsJsonEntry,
} from './fixtures.js';

/** Flags that keep rclone from using ListR, so a recursive listing reads folder documents. */
const WALK = ['--disable', 'ListR'];

/** `rclone lsd` lines end in the folder name after count, date, time and item count. */
function lsdNames(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((line) => /^\s*-?\d+ \S+ \S+\s+-?\d+ (.*)$/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort();
}

/** Asserts an lsjson listing of remote:tree is exactly the local tree (names, sizes, folders). */
function expectListingMatchesTree(entries: LsJsonEntry[], context: ConformanceContext): void {
  const files = entries.filter((entry) => !entry.IsDir);
  const folders = entries.filter((entry) => entry.IsDir).map((entry) => entry.Path);
  const expectedFiles = [...context.tree].map(([path, content]) => [path, content.length]);

  expect(files.map((entry) => [entry.Path, entry.Size]).sort()).toEqual(expectedFiles.sort());
  expect(folders.sort()).toEqual([...impliedFolders(context.tree.keys())].sort());
}

export const transferCases: ConformanceCase[] = [
  {
    name: 'about reports the quota and no usage on a fresh account',
    async run({ harness, quota }) {
      const result = await harness.rclone(['about', 'remote:', '--json']);
      expectSuccess(result, 'about');

      const usage = JSON.parse(result.stdout) as { total?: number; used?: number; free?: number };
      expect(usage).toMatchObject({ total: quota, used: 0, free: quota });
    },
  },
  {
    name: 'mkdir creates nested folders and lsd lists them',
    async run({ harness }) {
      expectSuccess(await harness.rclone(['mkdir', 'remote:made/deeper/deepest']), 'mkdir');
      expectSuccess(await harness.rclone(['mkdir', 'remote:made/sibling']), 'mkdir sibling');

      const top = await harness.rclone(['lsd', 'remote:']);
      expectSuccess(top, 'lsd remote:');
      expect(lsdNames(top.stdout)).toContain('made');

      const inside = await harness.rclone(['lsd', 'remote:made']);
      expectSuccess(inside, 'lsd remote:made');
      expect(lsdNames(inside.stdout)).toEqual(['deeper', 'sibling']);
    },
  },
  {
    name: 'copy up a tree with an empty, a 1 MiB, a 40 MiB file and tricky names',
    timeoutMs: 120_000,
    async run(context) {
      const result = await uploadTreeOnce(context);
      expectSuccess(result, `copy ${context.localTree} ${REMOTE_TREE}`);
      expect(result.stderr).not.toMatch(/ERROR/);
    },
  },
  {
    name: 'lsjson -R (folder by folder) lists every file and folder with its size',
    async run(context) {
      await ensureTree(context);
      // rclone walks with ListR (liststream) whenever the back-end has it; disabling it makes
      // this listing read each folder's document instead.
      const walked = await listRemote(context, REMOTE_TREE, WALK);
      expectListingMatchesTree(walked, context);
    },
  },
  {
    name: 'lsjson -R --fast-list (liststream) lists the same tree',
    async run(context) {
      await ensureTree(context);
      const slow = await listRemote(context, REMOTE_TREE, WALK);
      const fast = await listRemote(context, REMOTE_TREE, ['--fast-list']);

      expectListingMatchesTree(fast, context);
      const key = (entry: LsJsonEntry): string => `${entry.Path}|${entry.Size}|${entry.IsDir}`;
      expect(fast.map(key).sort()).toEqual(slow.map(key).sort());
    },
  },
  {
    name: 'lsjson -R gives each file its local modification time (second precision)',
    async run(context) {
      await ensureTree(context);
      const entries = await listRemote(context, REMOTE_TREE);
      const remoteTimes = entries
        .filter((entry) => !entry.IsDir)
        .map((entry) => [entry.Path, Math.floor(Date.parse(entry.ModTime) / 1000)]);

      const localTimes = [];
      for (const path of context.tree.keys()) {
        const { mtimeMs } = await stat(join(context.localTree, ...path.split('/')));
        localTimes.push([path, Math.floor(mtimeMs / 1000)]);
      }
      expect(remoteTimes.sort()).toEqual(localTimes.sort());
    },
  },
  {
    name: 'a second copy up transfers nothing (sizes and times round-trip)',
    async run(context) {
      await ensureTree(context);
      const again = ['copy', '-v', context.localTree, REMOTE_TREE];
      const result = await context.harness.rclone(again);
      expectSuccess(result, 'second copy');
      expect(result.stderr).not.toMatch(/: Copied \(/);
      expect(result.stderr).toMatch(/Unchanged skipping|There was nothing to transfer/);
    },
  },
  {
    name: 'md5sum of the remote tree equals the local MD5s',
    async run(context) {
      await ensureTree(context);
      const result = await context.harness.rclone(['md5sum', REMOTE_TREE]);
      expectSuccess(result, 'md5sum');

      const expected = new Map([...context.tree].map(([path, content]) => [path, md5Hex(content)]));
      expect(parseMd5Sum(result.stdout)).toEqual(expected);
    },
  },
  {
    name: 'check finds no differences (sizes and MD5s)',
    async run(context) {
      await ensureTree(context);
      const result = await context.harness.rclone(['check', context.localTree, REMOTE_TREE]);
      expectSuccess(result, 'check');
      expect(result.stderr).toMatch(/0 differences found/);
      expect(result.stderr).toMatch(new RegExp(`${context.tree.size} matching files`));
    },
  },
  {
    name: 'check --download compares the downloaded bytes',
    timeoutMs: 120_000,
    async run(context) {
      await ensureTree(context);
      const args = ['check', '--download', context.localTree, REMOTE_TREE];
      const result = await context.harness.rclone(args, { timeoutMs: 110_000 });
      expectSuccess(result, 'check --download');
      expect(result.stderr).toMatch(/0 differences found/);
    },
  },
  {
    name: 'copy down returns byte-identical files',
    timeoutMs: 120_000,
    async run(context) {
      await ensureTree(context);
      const target = join(context.harness.workDir, 'downloaded');
      const result = await context.harness.rclone(['copy', REMOTE_TREE, target], {
        timeoutMs: 110_000,
      });
      expectSuccess(result, 'copy down');

      const downloaded = await readTree(target);
      expect([...downloaded.keys()].sort()).toEqual([...context.tree.keys()].sort());
      for (const [path, content] of context.tree) {
        expect(downloaded.get(path)?.equals(content), `bytes of ${path}`).toBe(true);
      }
    },
  },
];
