import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeedEntry, startServer } from '../../src/server/index.js';
import { md5, startTestServer, type TestServer, USER, xml } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

/** Folders `s/d<i>` with `files` files each; content repeats every 3 files. */
function tree(folders: number, files: number): SeedEntry[] {
  const entries: SeedEntry[] = [{ path: 'Jotta/Archive/s/empty' }];
  for (let d = 0; d < folders; d++) {
    for (let f = 0; f < files; f++) {
      entries.push({
        path: `Jotta/Archive/s/d${d}/f${f}.txt`,
        content: `content ${f % 3}`,
        modified: new Date(Date.UTC(2020, 0, 1 + f)),
      });
    }
  }
  return entries;
}

describe('seed', () => {
  it('makes folders and files as uploads would, storing each distinct content once', async () => {
    const report = await t.server.seed(USER, tree(12, 10));
    expect(report).toEqual({ folders: 14, files: 120, blobs: 3 });
    const blobs = await readdir(join(t.dataDir, 'blobs'));
    expect(blobs.sort()).toEqual(['content 0', 'content 1', 'content 2'].map((c) => md5(c)).sort());

    const folder = await xml(await t.jfs('/Jotta/Archive/s/d3'));
    const files = folder.root.files.file;
    expect(files).toHaveLength(10);
    const f4 = files.find((f: any) => f['@name'] === 'f4.txt');
    expect(f4.currentRevision.md5).toBe(md5('content 1'));
    expect(f4.currentRevision.size).toBe(String('content 1'.length));
    expect(f4.currentRevision.state).toBe('COMPLETED');
    expect(f4.currentRevision.modified).toBe('2020-01-05-T00:00:00Z');
    expect(f4.currentRevision.mime).toBe('text/plain');

    const body = await (await t.jfs('/Jotta/Archive/s/d11/f5.txt?mode=bin')).text();
    expect(body).toBe('content 2');
    const listed = await xml(await t.jfs('/Jotta/Archive/s'));
    expect(listed.root.folders.folder.map((f: any) => f['@name'])).toContain('empty');
    const user = await xml(await t.jfs(''));
    expect(Number(user.root.usage)).toBe(120 * 'content 0'.length);
  });

  it('gives an existing file a new revision and keeps five', async () => {
    for (let n = 1; n <= 6; n++) {
      await t.server.seed(USER, [{ path: 'Jotta/Archive/revs/a.txt', content: `version ${n}` }]);
    }
    const file = await xml(await t.jfs('/Jotta/Archive/revs/a.txt'));
    expect(file.root.currentRevision.number).toBe('6');
    expect(file.root.currentRevision.md5).toBe(md5('version 6'));
    expect(file.root.revisions.revision.map((r: any) => r.number)).toEqual(['5', '4', '3', '2']);
    const blobs = await readdir(join(t.dataDir, 'blobs'));
    expect(blobs).not.toContain(md5('version 1'));
    expect(blobs).toContain(md5('version 2'));
  });

  it('refuses an unknown account or device, and a file where a folder is needed', async () => {
    await expect(t.server.seed('nobody', [{ path: 'Jotta/Archive/x' }])).rejects.toMatchObject({
      code: 'ESERVER_SEED',
    });
    await expect(t.server.seed(USER, [{ path: 'Nope/Archive/x' }])).rejects.toThrow(/Nope/);
    await t.server.seed(USER, [{ path: 'Jotta/Archive/plain.txt', content: 'x' }]);
    await expect(
      t.server.seed(USER, [{ path: 'Jotta/Archive/plain.txt/inside.txt', content: 'y' }]),
    ).rejects.toMatchObject({ status: 409 });
    // Nothing of a refused seed is left behind.
    expect((await t.jfs('/Jotta/Archive/plain.txt/inside.txt')).status).toBe(404);
    expect(await readdir(join(t.dataDir, 'blobs'))).not.toContain(md5('y'));
  });

  it('is durable: a restarted server lists and serves the seeded files', async () => {
    const dataDir = t.dataDir;
    await t.server.seed(USER, [{ path: 'Jotta/Sync/kept/k.bin', content: Buffer.from([1, 2, 3]) }]);
    await t.server.close();
    t.server = await startServer({ dataDir });
    const bytes = Buffer.from(await (await t.jfs('/Jotta/Sync/kept/k.bin?mode=bin')).arrayBuffer());
    expect([...bytes]).toEqual([1, 2, 3]);
  });
});
