import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  messages,
  runSync,
  startSyncFixture,
  treeOf,
  writeTree,
  type SyncFixture,
} from './helpers.js';

let fx: SyncFixture;

beforeAll(async () => {
  fx = await startSyncFixture();
});

afterAll(() => fx?.close());

const code = (error: unknown) => (error as { code?: string }).code;

describe('Sync-Item filters', () => {
  it('-Exclude leaves names and whole folders alone on both sides, even with -Delete', async () => {
    const source = join(fx.local, 'filters');
    await writeTree(source, {
      'keep.txt': 'k',
      'skip.tmp': 't',
      'node_modules/lib/index.js': 'x',
      'docs/readme.md': 'r',
      'docs/draft.tmp': 'd',
    });
    const destination = 'JAFS:\\Jotta\\Archive\\filters';
    const params = { Path: source, Destination: destination, Exclude: ['*.tmp', 'node_modules'] };

    const first = await runSync(fx.engine, params);
    expect(first.summary).toMatchObject({ Copied: 2, Failed: 0 });
    expect(await treeOf(fx.engine, destination)).toEqual(['docs/', 'docs/readme.md', 'keep.txt']);

    // Excluded items already at the destination are outside the sync: -Delete keeps them.
    await runSync(fx.engine, { Path: source, Destination: destination });
    const run = await runSync(fx.engine, { ...params, Delete: true });
    expect(run.summary).toMatchObject({ Deleted: 0, Skipped: 2 });
    expect(await treeOf(fx.engine, destination)).toContain('node_modules/lib/index.js');
  });

  it('-Include picks files by name and creates only the folders they need', async () => {
    const source = join(fx.local, 'include');
    await writeTree(source, {
      'a.jpg': '1',
      'a.txt': '2',
      'trip/b.JPG': '3',
      'notes/n.txt': '4',
      'none/': '',
    });
    const destination = 'JAFS:\\Jotta\\Archive\\include';
    const run = await runSync(fx.engine, {
      Path: source,
      Destination: destination,
      Include: '*.jpg',
    });
    expect(run.errors).toEqual([]);
    // Patterns follow the source provider's case rules, as the engine's -Include does: the
    // local disk is case-sensitive, so `b.JPG` is not a `*.jpg`; no empty folder is made.
    expect(run.summary).toMatchObject({ Copied: 1 });
    expect(await treeOf(fx.engine, destination)).toEqual(['a.jpg']);
  });

  it('keeps destination files that -Include does not name when deleting', async () => {
    const source = join(fx.local, 'include-delete');
    await writeTree(source, { 'a.jpg': '1', 'b.jpg': '2', 'c.txt': '3' });
    const destination = 'JAFS:\\Jotta\\Archive\\include-delete';
    await runSync(fx.engine, { Path: source, Destination: destination });
    await rm(join(source, 'b.jpg'));
    await rm(join(source, 'c.txt'));

    const params = { Path: source, Destination: destination, Include: '*.jpg', Delete: true };
    const run = await runSync(fx.engine, params);
    expect(run.summary).toMatchObject({ Deleted: 1, Skipped: 1 });
    expect(await treeOf(fx.engine, destination)).toEqual(['a.jpg', 'c.txt']);
  });
});

describe('Sync-Item refusals', () => {
  it('refuses -Delete from an empty source unless -Force, and changes nothing', async () => {
    const source = join(fx.local, 'full');
    await writeTree(source, { 'a.txt': 'a', 'b/c.txt': 'c' });
    const destination = 'JAFS:\\Jotta\\Archive\\backup';
    await runSync(fx.engine, { Path: source, Destination: destination });

    // An unmounted disk: its mount folder is there, with (at most) empty folders in it.
    const empty = join(fx.local, 'vanished-mount');
    await mkdir(join(empty, 'lost+found'), { recursive: true });
    const refused = await runSync(fx.engine, {
      Path: empty,
      Destination: destination,
      Delete: true,
    });
    expect(code(refused.thrown)).toBe('ESYNC_EMPTY_SOURCE');
    expect(refused.summary).toBeUndefined();
    expect(await treeOf(fx.engine, destination)).toEqual(['a.txt', 'b/', 'b/c.txt']);

    // Without -Delete an empty source is harmless; with -Force the user asked for it.
    const harmless = await runSync(fx.engine, { Path: empty, Destination: destination });
    expect(harmless.summary).toMatchObject({ Copied: 0, Deleted: 0 });
    const forced = { Path: empty, Destination: destination, Delete: true, Force: true };
    expect((await runSync(fx.engine, forced)).summary).toMatchObject({ Deleted: 2 });
    expect(await treeOf(fx.engine, destination)).toEqual(['lost+found/']);
  });

  it('refuses -Delete when every source file is filtered out', async () => {
    const source = join(fx.local, 'only-text');
    await writeTree(source, { 'a.txt': 'a' });
    const destination = 'JAFS:\\Jotta\\Archive\\only-text';
    await runSync(fx.engine, { Path: source, Destination: destination });

    const params = { Path: source, Destination: destination, Delete: true, Include: '*.jpg' };
    const run = await runSync(fx.engine, params);
    expect(code(run.thrown)).toBe('ESYNC_EMPTY_SOURCE');
  });

  it('fails on a missing source before touching the destination', async () => {
    const destination = 'JAFS:\\Jotta\\Archive\\backup2';
    const missing = join(fx.local, 'not-mounted');
    const run = await runSync(fx.engine, { Path: missing, Destination: destination, Delete: true });
    expect(messages([run.thrown])).toEqual([
      `Cannot find path '${missing}' because it does not exist.`,
    ]);
    expect(fx.requests.some((line) => line.includes('backup2'))).toBe(false);
  });

  it('refuses a destination inside the source and the reverse, by the provider case rules', async () => {
    const source = join(fx.local, 'nest');
    await writeTree(source, { 'a.txt': 'a' });
    const inside = await runSync(fx.engine, { Path: source, Destination: join(source, 'copy') });
    expect(code(inside.thrown)).toBe('ESYNC_OVERLAP');
    expect(await readdir(source)).toEqual(['a.txt']);

    const outside = await runSync(fx.engine, { Path: source, Destination: fx.local });
    expect(code(outside.thrown)).toBe('ESYNC_OVERLAP');

    // A second drive on the same store is the same place.
    await fx.engine.newDrive('FileSystem', { name: 'Nest', root: source });
    const viaDrive = await runSync(fx.engine, { Path: source, Destination: 'Nest:\\sub' });
    expect(code(viaDrive.thrown)).toBe('ESYNC_OVERLAP');

    // Jottacloud names ignore case: Archive\Photos is inside archive\photos.
    await writeTree(fx.local, { 'cloud/p.txt': 'p' });
    await runSync(fx.engine, {
      Path: join(fx.local, 'cloud'),
      Destination: 'JAFS:\\Jotta\\Archive\\Photos',
    });
    const cloud = await runSync(fx.engine, {
      Path: 'JAFS:\\Jotta\\Archive\\Photos',
      Destination: 'JAFS:\\Jotta\\archive\\photos\\again',
    });
    expect(code(cloud.thrown)).toBe('ESYNC_OVERLAP');

    // Siblings whose names share a prefix do not overlap.
    const sibling = await runSync(fx.engine, { Path: source, Destination: `${source}-2` });
    expect(sibling.summary).toMatchObject({ Copied: 1 });
  });

  it('refuses a file as the source or the destination', async () => {
    await writeTree(fx.local, { 'single.txt': 's', 'folder/x.txt': 'x' });
    const file = await runSync(fx.engine, {
      Path: join(fx.local, 'single.txt'),
      Destination: 'JAFS:\\Jotta\\Archive\\single',
    });
    expect(code(file.thrown)).toBe('ESYNC_NOT_CONTAINER');
    const onto = await runSync(fx.engine, {
      Path: join(fx.local, 'folder'),
      Destination: join(fx.local, 'single.txt'),
    });
    expect(code(onto.thrown)).toBe('ESYNC_NOT_CONTAINER');
  });
});
