import { expect } from 'vitest';

import {
  ensureTree,
  filePaths,
  listRemote,
  requestsSince,
  uploadSmallFiles,
  type ConformanceCase,
} from './conformance-context.js';
import { expectSuccess, md5Hex, parseMd5Sum } from './fixtures.js';
import { revisionNumbers } from './jfs-peek.js';

/** Cases that change the remote: server-side copy/move, deletes, trash, links, touch. */
export const changeCases: ConformanceCase[] = [
  {
    name: 'copyto copies a file server-side (cp=)',
    async run(context) {
      await ensureTree(context);
      const mark = context.harness.gateway.forwarded.length;
      const copy = ['copyto', 'remote:tree/one-mib.bin', 'remote:copies/one copy.bin'];
      expectSuccess(await context.harness.rclone(copy), 'copyto');

      expect(requestsSince(context, mark, 'cp=')).not.toEqual([]);
      const sums = await context.harness.rclone(['md5sum', 'remote:copies']);
      expectSuccess(sums, 'md5sum remote:copies');
      const expected = md5Hex(context.tree.get('one-mib.bin')!);
      expect(parseMd5Sum(sums.stdout)).toEqual(new Map([['one copy.bin', expected]]));
      expect(await filePaths(context, 'remote:tree')).toContain('one-mib.bin');
    },
  },
  {
    name: 'moveto renames a file server-side (mv=)',
    async run(context) {
      await uploadSmallFiles(context, 'moving', { 'before+name.txt': 'moved content\n' });
      const mark = context.harness.gateway.forwarded.length;
      const move = ['moveto', 'remote:moving/before+name.txt', 'remote:moving/sub/after #1.txt'];
      expectSuccess(await context.harness.rclone(move), 'moveto');

      expect(requestsSince(context, mark, 'mv=')).not.toEqual([]);
      expect(await filePaths(context, 'remote:moving')).toEqual(['sub/after #1.txt']);
      const cat = await context.harness.rclone(['cat', 'remote:moving/sub/after #1.txt']);
      expect(cat.stdout).toBe('moved content\n');
    },
  },
  {
    name: 'move of a folder uses mvDir and leaves nothing behind',
    async run(context) {
      const files = { 'a.txt': 'a\n', 'inner/b.txt': 'b\n', 'inner/deeper/c.txt': 'c\n' };
      await uploadSmallFiles(context, 'folder-src', files);
      const mark = context.harness.gateway.forwarded.length;
      const move = ['move', 'remote:folder-src', 'remote:folder-dst'];
      expectSuccess(await context.harness.rclone(move), 'move folder');

      expect(requestsSince(context, mark, 'mvDir=')).not.toEqual([]);
      expect(await filePaths(context, 'remote:folder-dst')).toEqual(Object.keys(files).sort());
      const gone = await context.harness.rclone(['lsf', 'remote:folder-src']);
      expect(gone.code, 'listing the moved-away folder').not.toBe(0);
    },
  },
  {
    name: 'delete removes files but keeps folders',
    async run(context) {
      await uploadSmallFiles(context, 'deleting', { 'x.txt': 'x\n', 'keep/y.txt': 'y\n' });
      expectSuccess(await context.harness.rclone(['delete', 'remote:deleting']), 'delete');

      expect(await filePaths(context, 'remote:deleting')).toEqual([]);
      const dirs = await context.harness.rclone(['lsf', '-R', '--dirs-only', 'remote:deleting']);
      expectSuccess(dirs, 'lsf --dirs-only');
      expect(dirs.stdout.trim()).toBe('keep/');
    },
  },
  {
    name: 'rmdir removes an empty folder and refuses a full one',
    async run(context) {
      expectSuccess(await context.harness.rclone(['mkdir', 'remote:rmdir/empty']), 'mkdir');
      await uploadSmallFiles(context, 'rmdir/full', { 'f.txt': 'f\n' });

      expectSuccess(await context.harness.rclone(['rmdir', 'remote:rmdir/empty']), 'rmdir');
      const refused = await context.harness.rclone(['rmdir', 'remote:rmdir/full']);
      expect(refused.code, 'rmdir of a non-empty folder').not.toBe(0);

      const dirs = await context.harness.rclone(['lsf', '--dirs-only', 'remote:rmdir']);
      expectSuccess(dirs, 'lsf remote:rmdir');
      expect(dirs.stdout.trim()).toBe('full/');
    },
  },
  {
    name: 'mkdir, rmdir and mkdir again gives one live folder (bug-log B29)',
    async run(context) {
      for (const step of ['mkdir', 'rmdir', 'mkdir']) {
        expectSuccess(await context.harness.rclone([step, 'remote:again/xxxx']), step);
      }
      const dirs = await context.harness.rclone(['lsf', '--dirs-only', 'remote:again']);
      expectSuccess(dirs, 'lsf remote:again');
      expect(dirs.stdout).toBe('xxxx/\n');
    },
  },
  {
    name: 'uploading to the path of a trashed file makes a live file with the new content',
    async run(context) {
      await uploadSmallFiles(context, 'reborn', { 'r.txt': 'old\n' });
      expectSuccess(await context.harness.rclone(['deletefile', 'remote:reborn/r.txt']), 'rm');
      await uploadSmallFiles(context, 'reborn', { 'r.txt': 'new and longer\n' });

      expect(await filePaths(context, 'remote:reborn')).toEqual(['r.txt']);
      const cat = await context.harness.rclone(['cat', 'remote:reborn/r.txt']);
      expect(cat.stdout).toBe('new and longer\n');
    },
  },
  {
    name: 'purge removes a folder with everything in it',
    async run(context) {
      await uploadSmallFiles(context, 'purging', { 'p.txt': 'p\n', 'sub/q.txt': 'q\n' });
      expectSuccess(await context.harness.rclone(['purge', 'remote:purging']), 'purge');

      const gone = await context.harness.rclone(['lsf', 'remote:purging']);
      expect(gone.code, 'listing the purged folder').not.toBe(0);
      expect(gone.stderr).toMatch(/directory not found/);
    },
  },
  {
    name: 'deleted files show with --jottacloud-trashed-only and cleanup empties the trash',
    async run(context) {
      await uploadSmallFiles(context, 'trashing', { 'gone.txt': 'gone\n', 'stays.txt': 's\n' });
      expectSuccess(await context.harness.rclone(['deletefile', 'remote:trashing/gone.txt']), 'rm');

      // Both listings must hide the trashed file: rclone filters `deleted` children out of
      // folder documents itself, while liststream must leave them out on the server.
      const walk = ['--disable', 'ListR'];
      expect(await filePaths(context, 'remote:trashing', walk), 'folders').toEqual(['stays.txt']);
      expect(await filePaths(context, 'remote:trashing'), 'liststream').toEqual(['stays.txt']);
      const trashed = ['--jottacloud-trashed-only'];
      expect(await filePaths(context, 'remote:trashing', trashed)).toEqual(['gone.txt']);

      expectSuccess(await context.harness.rclone(['cleanup', 'remote:']), 'cleanup');
      expect(await filePaths(context, 'remote:trashing', trashed)).toEqual([]);
      expect(await filePaths(context, 'remote:trashing')).toEqual(['stays.txt']);
    },
  },
  {
    name: 'a purged folder shows with its files under --jottacloud-trashed-only',
    async run(context) {
      await uploadSmallFiles(context, 'binned', { 'b.txt': 'b\n', 'sub/a.txt': 'a\n' });
      expectSuccess(await context.harness.rclone(['purge', 'remote:binned']), 'purge');

      const trashed = ['--jottacloud-trashed-only'];
      expect(await filePaths(context, 'remote:binned', trashed)).toEqual(['b.txt', 'sub/a.txt']);
      const live = await context.harness.rclone(['lsf', 'remote:binned']);
      expect(live.code, 'the purged folder is not live').not.toBe(0);
    },
  },
  {
    name: '--jottacloud-hard-delete deletes without the trash (rm=)',
    async run(context) {
      await uploadSmallFiles(context, 'hard', { 'h.txt': 'h\n' });
      const mark = context.harness.gateway.forwarded.length;
      const args = ['deletefile', '--jottacloud-hard-delete', 'remote:hard/h.txt'];
      expectSuccess(await context.harness.rclone(args), 'hard delete');

      expect(requestsSince(context, mark, 'rm=')).not.toEqual([]);
      expect(await filePaths(context, 'remote:hard')).toEqual([]);
      expect(await filePaths(context, 'remote:hard', ['--jottacloud-trashed-only'])).toEqual([]);
    },
  },
  {
    name: 'link makes a public link and link --unlink removes it',
    async run(context) {
      await uploadSmallFiles(context, 'sharing', { 'shared.txt': 'shared\n' });
      const link = await context.harness.rclone(['link', 'remote:sharing/shared.txt']);
      expectSuccess(link, 'link');
      expect(link.stdout.trim()).toMatch(/^https:\/\/www\.jottacloud\.com\/\S+$/);

      const shared = await context.peek.archiveItem('sharing/shared.txt');
      expect(shared.doc?.publicURI, 'publicURI after link').toBeTruthy();
      expect(link.stdout).toContain(String(shared.doc.publicURI));

      const unlink = await context.harness.rclone([
        'link',
        '--unlink',
        'remote:sharing/shared.txt',
      ]);
      expectSuccess(unlink, 'link --unlink');
      const unshared = await context.peek.archiveItem('sharing/shared.txt');
      expect(unshared.status).toBe(200);
      expect(unshared.doc?.publicURI, 'publicURI after unlink').toBeFalsy();
    },
  },
  {
    name: 'a public link downloads the file until it is unlinked (copyurl of the link)',
    async run(context) {
      await uploadSmallFiles(context, 'public', { 'p.txt': 'public bytes\n' });
      const link = await context.harness.rclone(['link', 'remote:public/p.txt']);
      expectSuccess(link, 'link');
      const url = link.stdout.trim();

      const fetchLink = (to: string) =>
        context.harness.rclone(['copyurl', '--retries', '1', url, `remote:public/${to}`]);
      expectSuccess(await fetchLink('copy.txt'), 'copyurl of the public link');
      const cat = await context.harness.rclone(['cat', 'remote:public/copy.txt']);
      expect(cat.stdout).toBe('public bytes\n');

      const unlink = ['link', '--unlink', 'remote:public/p.txt'];
      expectSuccess(await context.harness.rclone(unlink), 'link --unlink');
      const afterUnlink = await fetchLink('again.txt');
      expect(afterUnlink.code, 'copyurl after unlink').not.toBe(0);
      expect(afterUnlink.stderr).toMatch(/404/);
    },
  },
  {
    name: 'touch creates an empty file and sets the time of an existing one',
    async run(context) {
      expectSuccess(await context.harness.rclone(['touch', 'remote:touching/new.txt']), 'touch');
      const created = await listRemote(context, 'remote:touching');
      expect(created.map((entry) => [entry.Path, entry.Size])).toEqual([['new.txt', 0]]);

      const stamp = ['touch', '-t', '2020-01-02T03:04:05', 'remote:touching/new.txt'];
      expectSuccess(await context.harness.rclone(stamp), 'touch -t');
      const touched = await listRemote(context, 'remote:touching');
      expect(touched.map((entry) => [entry.Path, entry.ModTime])).toEqual([
        ['new.txt', expect.stringMatching(/^2020-01-02T03:04:05(\.0+)?Z$/)],
      ]);
    },
  },
  {
    name: 're-uploading a changed file makes a new revision',
    async run(context) {
      await uploadSmallFiles(context, 'revisions', { 'doc.txt': 'first version\n' });
      await uploadSmallFiles(context, 'revisions', { 'doc.txt': 'second, longer version\n' });

      const cat = await context.harness.rclone(['cat', 'remote:revisions/doc.txt']);
      expect(cat.stdout).toBe('second, longer version\n');
      const item = await context.peek.archiveItem('revisions/doc.txt');
      expect(item.root).toBe('file');
      expect(revisionNumbers(item.doc)).toEqual([2, 1]);
    },
  },
];
