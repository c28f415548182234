import { randomBytes } from 'node:crypto';
import { readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperationCanceledError } from '../../src/core/errors.js';
import {
  itemAt,
  readBytes,
  runSync,
  startSyncFixture,
  treeOf,
  writeTree,
  type SyncFixture,
} from './helpers.js';

let fx: SyncFixture;
const files = ['a.bin', 'b.bin', 'c.bin', 'd.bin'].map((name, index) => ({
  name,
  bytes: randomBytes(300_000 + index),
  mtime: new Date(Date.UTC(2020, index, 2, 3, 4, 5)),
}));
/**
 * The same files larger than the 4 MiB a small file goes up in at once, so that their upload
 * is the resumable one (allocate, then data) and can be interrupted between the two.
 */
const LARGE_BYTES = 4 * 1024 * 1024 + 1000;
const largeFiles = files.map((file, index) => ({
  ...file,
  bytes: randomBytes(LARGE_BYTES + index),
}));

beforeAll(async () => {
  fx = await startSyncFixture();
});

afterAll(() => fx?.close());

/** The test tree under `name`; `content` replaces the shared bytes (the server dedupes those). */
async function localTree(name: string, content = files) {
  const root = join(fx.local, name);
  await writeTree(root, { 'nested/note.txt': 'note' });
  for (const file of content) {
    await writeFile(join(root, file.name), file.bytes);
    await utimes(join(root, file.name), file.mtime, file.mtime);
  }

  return root;
}

const seconds = (date: Date | undefined) => Math.floor((date?.getTime() ?? NaN) / 1000);
const isCanceled = (error: unknown) => (error as { code?: string }).code === 'ECANCELED';

describe('Sync-Item interrupted and resumed', () => {
  it('stops on Ctrl+C during an upload, leaves no partial file, and a rerun finishes', async () => {
    const source = await localTree('interrupt-up', largeFiles);
    const destination = 'JAFS:\\Jotta\\Archive\\interrupt-up';
    const controller = new AbortController();
    let allocations = 0;
    // Abort as the second file's bytes start to go out: the first is complete by then.
    fx.onRequest = (line) => {
      if (line.startsWith('POST /files/v1/allocate') && ++allocations === 2) controller.abort();
    };

    const stopped = await runSync(
      fx.engine,
      { Path: source, Destination: destination, ThrottleLimit: 1 },
      { signal: controller.signal },
    );
    fx.onRequest = undefined;
    expect(isCanceled(stopped.thrown)).toBe(true);
    expect(stopped.summary).toBeUndefined();
    expect(await treeOf(fx.engine, destination)).toEqual(['a.bin', 'nested/']);
    expect(await itemAt(fx.engine, `${destination}\\b.bin`, true)).toBeUndefined();

    const resumed = await runSync(fx.engine, { Path: source, Destination: destination });
    expect(resumed.errors).toEqual([]);
    expect(resumed.summary).toMatchObject({ Copied: 4, Skipped: 1, Failed: 0 });
    for (const file of largeFiles) {
      const copied = await readBytes(fx.engine, `${destination}\\${file.name}`);
      expect(copied.equals(file.bytes)).toBe(true);
    }
  });

  it('stops on Ctrl+C during a download, leaving no file or temporary file behind', async () => {
    const source = await localTree('interrupt-down-src');
    const cloud = 'JAFS:\\Jotta\\Archive\\interrupt-down';
    const upload = await runSync(fx.engine, { Path: source, Destination: cloud });
    expect(upload.errors).toEqual([]);
    const target = join(fx.local, 'interrupt-down');

    const controller = new AbortController();
    const stopped = await runSync(
      fx.engine,
      { Path: cloud, Destination: target, ThrottleLimit: 1 },
      {
        signal: controller.signal,
        onProgress: (event) => {
          if (event.status === `Copying ${cloud}\\b.bin`) controller.abort();
        },
      },
    );
    expect(stopped.errors).toEqual([]);
    expect(stopped.thrown).toBeInstanceOf(OperationCanceledError);
    expect((await readdir(target)).sort()).toEqual(['a.bin', 'nested']);

    const resumed = await runSync(fx.engine, { Path: cloud, Destination: target });
    expect(resumed.summary).toMatchObject({ Copied: 4, Skipped: 1 });
    expect((await readdir(target)).sort()).toEqual([...files.map((f) => f.name), 'nested']);
  });

  it('with files sent in parallel, stops with only complete files at the destination', async () => {
    // Content the server has not seen, so every file really has to be sent.
    const unseen = largeFiles.map((file) => ({ ...file, bytes: randomBytes(file.bytes.length) }));
    const source = await localTree('interrupt-parallel', unseen);
    const destination = 'JAFS:\\Jotta\\Archive\\interrupt-parallel';
    const controller = new AbortController();
    let uploads = 0;
    fx.onRequest = (line) => {
      if (line.startsWith('POST /files/v1/upload/') && ++uploads === 1) controller.abort();
    };

    const stopped = await runSync(
      fx.engine,
      { Path: source, Destination: destination },
      { signal: controller.signal },
    );
    fx.onRequest = undefined;
    expect(isCanceled(stopped.thrown)).toBe(true);

    const present = (await treeOf(fx.engine, destination)).filter((name) => name.endsWith('.bin'));
    expect(present.length).toBeLessThanOrEqual(files.length);
    for (const name of present) {
      const file = unseen.find((candidate) => candidate.name === name)!;
      expect((await readBytes(fx.engine, `${destination}\\${name}`)).equals(file.bytes)).toBe(true);
    }

    const resumed = await runSync(fx.engine, { Path: source, Destination: destination });
    expect(resumed.summary).toMatchObject({ Copied: 5 - present.length, Skipped: present.length });
    expect(await treeOf(fx.engine, destination)).toEqual([
      ...files.map((file) => file.name),
      'nested/',
      'nested/note.txt',
    ]);
  });
});

describe('Sync-Item from JAFS:', () => {
  it('restores to the local disk with equal bytes and modification times', async () => {
    const source = await localTree('restore-src');
    const cloud = 'JAFS:\\Jotta\\Archive\\restore';
    await runSync(fx.engine, { Path: source, Destination: cloud });

    const target = join(fx.local, 'restored');
    const run = await runSync(fx.engine, { Path: cloud, Destination: target });
    expect(run.errors).toEqual([]);
    expect(run.summary).toMatchObject({ Copied: 5, Failed: 0 });
    for (const file of files) {
      const full = join(target, file.name);
      expect((await readFile(full)).equals(file.bytes)).toBe(true);
      expect(seconds((await stat(full)).mtime)).toBe(seconds(file.mtime));
    }
    expect(await readFile(join(target, 'nested/note.txt'), 'utf8')).toBe('note');

    // The local side is hashed against the MD5s Jottacloud knows: nothing to do.
    const again = await runSync(fx.engine, { Path: cloud, Destination: target });
    expect(again.summary).toMatchObject({ Copied: 0, Updated: 0, Skipped: 5, Bytes: 0 });
  });

  it('syncs JAFS: to JAFS: without sending any byte: the source MD5 lets the server dedupe', async () => {
    const source = await localTree('dedupe-src');
    await runSync(fx.engine, { Path: source, Destination: 'JAFS:\\Jotta\\Archive\\dedupe-a' });

    const uploads = fx.uploads();
    const allocations = fx.allocations();
    const gets = fx.requests.filter((line) => line.startsWith('GET /files')).length;
    const run = await runSync(fx.engine, {
      Path: 'JAFS:\\Jotta\\Archive\\dedupe-a',
      Destination: 'JAFS:\\Jotta\\Sync\\dedupe-b',
    });
    expect(run.errors).toEqual([]);
    expect(run.summary).toMatchObject({ Copied: 5, Failed: 0 });
    expect(fx.allocations() - allocations).toBe(5);
    expect(fx.uploads() - uploads).toBe(0);
    // Nor was any source file downloaded to be hashed.
    expect(fx.requests.filter((line) => line.startsWith('GET /files')).length).toBe(gets);
    const copied = await readBytes(fx.engine, 'JAFS:\\Jotta\\Sync\\dedupe-b\\c.bin');
    expect(copied.equals(files[2].bytes)).toBe(true);
    expect(
      seconds((await itemAt(fx.engine, 'JAFS:\\Jotta\\Sync\\dedupe-b\\c.bin'))?.lastWriteTime),
    ).toBe(seconds(files[2].mtime));
  });

  it('leaves the store views out when syncing a whole device (no Trash, Links, Latest)', async () => {
    const source = await localTree('device-src');
    await runSync(fx.engine, { Path: source, Destination: 'JAFS:\\Jotta\\Archive\\device' });
    // Something in Trash: a file removed from the source and then from the backup.
    await rm(join(source, 'a.bin'));
    const params = { Path: source, Destination: 'JAFS:\\Jotta\\Archive\\device', Delete: true };
    expect((await runSync(fx.engine, params)).summary).toMatchObject({ Deleted: 1 });

    const target = join(fx.local, 'whole-device');
    const run = await runSync(fx.engine, { Path: 'JAFS:\\Jotta', Destination: target });
    expect(run.errors).toEqual([]);
    expect((await readdir(target)).sort()).toEqual(['Archive', 'Sync']);
    expect((await readdir(join(target, 'Archive/device'))).sort()).toEqual([
      'b.bin',
      'c.bin',
      'd.bin',
      'nested',
    ]);
  });
});
