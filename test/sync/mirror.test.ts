import { randomBytes } from 'node:crypto';
import { mkdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  itemAt,
  messages,
  readBytes,
  runSync,
  startSyncFixture,
  treeOf,
  writeTree,
  type SyncFixture,
} from './helpers.js';

let fx: SyncFixture;
const big = randomBytes(2 * 1024 * 1024 + 5);
const then = new Date('2022-05-06T07:08:09Z');
/** Larger than the 4 MiB a small file goes up in at once: these take the resumable upload. */
const LARGE_BYTES = 4 * 1024 * 1024 + 1000;

beforeAll(async () => {
  fx = await startSyncFixture();
});

afterAll(() => fx?.close());

/** A fresh local tree and a JAFS: destination of its own for one test. */
async function photos(name: string) {
  const source = join(fx.local, name);
  await writeTree(
    source,
    { 'a.txt': 'alpha', 'sub/b.txt': 'bravo!', 'sub/deep/c.txt': 'c', 'empty/': '' },
    then,
  );
  await writeFile(join(source, 'big.bin'), big);
  return { source, destination: `JAFS:\\Jotta\\Archive\\${name}` };
}

describe('Sync-Item from the local disk to JAFS:', () => {
  it('copies a tree on the first run and sends nothing on a run with nothing to do', async () => {
    const { source, destination } = await photos('first');
    const first = await runSync(fx.engine, { Path: source, Destination: destination });
    expect(first.thrown).toBeUndefined();
    expect(first.errors).toEqual([]);
    expect(first.summary).toMatchObject({
      Copied: 4,
      Updated: 0,
      Deleted: 0,
      Skipped: 0,
      Failed: 0,
      Bytes: 5 + 6 + 1 + big.length,
    });
    expect(typeof first.summary?.Duration).toBe('number');

    expect(await treeOf(fx.engine, destination)).toEqual([
      'a.txt',
      'big.bin',
      'empty/',
      'sub/',
      'sub/b.txt',
      'sub/deep/',
      'sub/deep/c.txt',
    ]);
    expect((await readBytes(fx.engine, `${destination}\\big.bin`)).equals(big)).toBe(true);
    expect((await readBytes(fx.engine, `${destination}\\sub\\b.txt`)).toString()).toBe('bravo!');
    const progress = first.progress.filter((event) => event.bytesTotal !== undefined);
    expect(progress.every((event) => event.activity === 'Sync-Item')).toBe(true);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)).toMatchObject({ bytesDone: first.summary?.Bytes });

    const uploads = fx.uploads();
    const allocations = fx.allocations();
    const second = await runSync(fx.engine, { Path: source, Destination: destination });
    expect(second.errors).toEqual([]);
    expect(second.summary).toMatchObject({ Copied: 0, Updated: 0, Skipped: 4, Bytes: 0 });
    expect(fx.uploads() - uploads).toBe(0);
    expect(fx.allocations() - allocations).toBe(0);
  });

  it('updates a same-size change even with the old mtime, and adds new files and folders', async () => {
    const { source, destination } = await photos('changes');
    await runSync(fx.engine, { Path: source, Destination: destination });

    // Same size, same modification time: only the MD5 can tell.
    await writeFile(join(source, 'a.txt'), 'ALPHA');
    await utimes(join(source, 'a.txt'), then, then);
    await writeTree(source, { 'new.txt': 'fresh', 'more/inner/n.txt': 'nn', 'more/blank/': '' });

    const uploads = fx.uploads();
    const run = await runSync(fx.engine, { Path: source, Destination: destination });
    expect(run.errors).toEqual([]);
    expect(run.summary).toMatchObject({ Copied: 2, Updated: 1, Skipped: 3, Bytes: 5 + 5 + 2 });
    expect(fx.uploads() - uploads).toBe(3);
    expect((await readBytes(fx.engine, `${destination}\\a.txt`)).toString()).toBe('ALPHA');
    expect(await treeOf(fx.engine, `${destination}\\more`)).toEqual([
      'blank/',
      'inner/',
      'inner/n.txt',
    ]);
  });

  it('keeps extra destination items without -Delete and moves them to Trash with it', async () => {
    const { source, destination } = await photos('deletes');
    await runSync(fx.engine, { Path: source, Destination: destination });
    await rm(join(source, 'a.txt'));
    await rm(join(source, 'sub'), { recursive: true });

    const kept = await runSync(fx.engine, { Path: source, Destination: destination });
    expect(kept.summary).toMatchObject({ Deleted: 0, Copied: 0, Skipped: 1 });
    expect(await treeOf(fx.engine, destination)).toContain('sub/deep/c.txt');

    const run = await runSync(fx.engine, { Path: source, Destination: destination, Delete: true });
    expect(run.errors).toEqual([]);
    expect(run.summary).toMatchObject({ Deleted: 2, Copied: 0, Skipped: 1, Failed: 0 });
    expect(await treeOf(fx.engine, destination)).toEqual(['big.bin', 'empty/']);

    // The provider's default remove: in Trash, so still there with -Force.
    expect(await itemAt(fx.engine, `${destination}\\a.txt`)).toBeUndefined();
    expect(await itemAt(fx.engine, `${destination}\\a.txt`, true)).toMatchObject({ deleted: true });
  });

  it('deletes a folder whole even when the listing gives its files after its siblings', async () => {
    // Jottacloud lists a folder's own children before those of its subfolders: a, b.txt, a/x.txt.
    const source = join(fx.local, 'listing-order');
    const destination = 'JAFS:\\Jotta\\Archive\\listing-order';
    await writeTree(source, { 'a/x.txt': 'x', 'a/y.txt': 'y', 'b.txt': 'b' });
    await runSync(fx.engine, { Path: source, Destination: destination });
    await rm(join(source, 'a'), { recursive: true });

    const run = await runSync(fx.engine, { Path: source, Destination: destination, Delete: true });
    expect(messages(run.errors)).toEqual([]);
    expect(run.summary).toMatchObject({ Deleted: 1, Skipped: 1, Failed: 0 });
    expect(await treeOf(fx.engine, destination)).toEqual(['b.txt']);
  });

  it('deletes for good with -Permanent', async () => {
    const { source, destination } = await photos('permanent');
    await runSync(fx.engine, { Path: source, Destination: destination });
    await rm(join(source, 'a.txt'));

    const params = { Path: source, Destination: destination, Delete: true, Permanent: true };
    const run = await runSync(fx.engine, params);
    expect(run.summary).toMatchObject({ Deleted: 1 });
    expect(await itemAt(fx.engine, `${destination}\\a.txt`, true)).toBeUndefined();
  });

  it('-WhatIf prints the plan with sizes and changes nothing', async () => {
    const { source, destination } = await photos('whatif');
    await runSync(fx.engine, { Path: source, Destination: destination });
    await writeFile(join(source, 'a.txt'), 'changed text');
    await writeFile(join(source, 'added.bin'), randomBytes(3000));
    await rm(join(source, 'sub'), { recursive: true });
    await writeTree(source, { 'newdir/': '' });
    const before = await treeOf(fx.engine, destination);
    const uploads = fx.uploads();

    const params = { Path: source, Destination: destination, Delete: true };
    const run = await runSync(fx.engine, params, { whatIf: true });
    expect(run.errors).toEqual([]);
    const at = (name: string) => `${destination}\\${name}`;
    expect(run.whatIf).toEqual([
      `What if: Performing the operation "Create folder" on target "${at('newdir')}".`,
      `What if: Performing the operation "Update changed file (12 B)" on target "Item: ${join(source, 'a.txt')} Destination: ${at('a.txt')}".`,
      `What if: Performing the operation "Copy new file (2.93 KB)" on target "Item: ${join(source, 'added.bin')} Destination: ${at('added.bin')}".`,
      `What if: Performing the operation "Delete folder (2 files, 7 B)" on target "${at('sub')}".`,
    ]);
    expect(run.summary).toMatchObject({ Copied: 0, Updated: 0, Deleted: 0, Declined: 4 });
    expect(await treeOf(fx.engine, destination)).toEqual(before);
    expect(fx.uploads()).toBe(uploads);
    expect((await readBytes(fx.engine, at('a.txt'))).toString()).toBe('alpha');
  });

  it('asks before each change under -Confirm and does only what was accepted', async () => {
    const { source, destination } = await photos('confirm');
    await runSync(fx.engine, { Path: source, Destination: destination });
    await rm(join(source, 'a.txt'));
    await rm(join(source, 'big.bin'));

    const asked: string[] = [];
    const params = { Path: source, Destination: destination, Delete: true };
    const run = await runSync(fx.engine, params, {
      confirm: (target, action) => {
        asked.push(action);
        return target.endsWith('a.txt');
      },
    });
    expect(asked).toEqual([
      'Delete file (5 B)',
      `Delete file (${(big.length / 1048576).toFixed(2)} MB)`,
    ]);
    expect(run.summary).toMatchObject({ Deleted: 1, Declined: 1 });
    expect(await itemAt(fx.engine, `${destination}\\big.bin`)).toBeDefined();
  });

  it('goes on past a failing item, counts it and ends with a non-terminating error', async () => {
    const { source, destination } = await photos('failing');
    await runSync(fx.engine, { Path: source, Destination: destination });
    // The source's file `sub/b.txt` becomes a folder: without -Delete it cannot replace the file.
    await rm(join(source, 'sub/b.txt'));
    await writeTree(source, { 'sub/b.txt/inside.txt': 'i', 'z-last.txt': 'z' });

    const run = await runSync(fx.engine, { Path: source, Destination: destination });
    expect(run.thrown).toBeUndefined();
    expect(run.summary).toMatchObject({ Copied: 1, Failed: 1 });
    expect(messages(run.errors)).toEqual([
      `Cannot sync '${destination}\\sub\\b.txt': it is a folder in the source but a file at the ` +
        'destination. Add -Delete to replace it.',
      `Sync to '${destination}' finished with 1 failed item (see the errors above). Run it ` +
        'again to retry them.',
    ]);
    expect((await readBytes(fx.engine, `${destination}\\z-last.txt`)).toString()).toBe('z');

    const replaced = await runSync(fx.engine, {
      Path: source,
      Destination: destination,
      Delete: true,
    });
    expect(replaced.errors).toEqual([]);
    expect(replaced.summary).toMatchObject({ Deleted: 1, Copied: 1, Failed: 0 });
    expect((await readBytes(fx.engine, `${destination}\\sub\\b.txt\\inside.txt`)).toString()).toBe(
      'i',
    );
    expect((await stat(join(source, 'sub/b.txt'))).isDirectory()).toBe(true);
  });

  it('counts a failed upload, sends the other files, and repairs it on the next run', async () => {
    const source = join(fx.local, 'flaky');
    const large = randomBytes(LARGE_BYTES);
    await writeTree(source, { 'b.txt': 'bee', 'c.txt': 'sea' });
    await writeFile(join(source, 'a-large.bin'), large);
    const destination = 'JAFS:\\Jotta\\Archive\\flaky';

    // Small files go up in one request each; only the large one takes the resumable upload,
    // whose data requests all fail: only it is affected.
    const fault = fx.server.faults.add({ path: '/files/v1/upload/', status: 500, times: 1000 });
    const broken = await runSync(fx.engine, { Path: source, Destination: destination });
    fault.remove();
    expect(broken.thrown).toBeUndefined();
    expect(broken.summary).toMatchObject({ Copied: 2, Failed: 1 });
    expect(messages(broken.errors)[0]).toContain('a-large.bin');
    expect(await treeOf(fx.engine, destination)).toEqual(['b.txt', 'c.txt']);

    const repaired = await runSync(fx.engine, { Path: source, Destination: destination });
    expect(repaired.errors).toEqual([]);
    expect(repaired.summary).toMatchObject({ Copied: 1, Skipped: 2, Failed: 0 });
    expect((await readBytes(fx.engine, `${destination}\\a-large.bin`)).equals(large)).toBe(true);
  });

  it('sends again a destination file whose upload never completed (it cannot be read)', async () => {
    const source = join(fx.local, 'unfinished');
    const bytes = randomBytes(LARGE_BYTES);
    await mkdir(source);
    await writeFile(join(source, 'x.bin'), bytes);

    // Another client's upload of the same path died half-way: only an INCOMPLETE revision.
    const fault = fx.server.faults.add({
      path: '/files/v1/upload/',
      resetAfterRequestBytes: 50_000,
      times: 1000,
    });
    const upload = fx.client.upload('/Jotta/Archive/unfinished/x.bin', {
      size: bytes.length,
      open: async () => Readable.from([bytes]),
    });
    await expect(upload).rejects.toThrow();
    fault.remove();

    const run = await runSync(fx.engine, {
      Path: source,
      Destination: 'JAFS:\\Jotta\\Archive\\unfinished',
    });
    expect(run.errors).toEqual([]);
    expect(run.summary).toMatchObject({ Updated: 1, Failed: 0 });
    const copied = await readBytes(fx.engine, 'JAFS:\\Jotta\\Archive\\unfinished\\x.bin');
    expect(copied.equals(bytes)).toBe(true);
  });
});
