import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnreadableFileError } from '../../providers/jottacloud/index.js';
import { Jottacloud } from '../../src/jfs/index.js';
import type { ContentSource, ProviderItem } from '../../src/provider/types.js';
import {
  children,
  PASSWORD,
  startJottacloud,
  USERNAME,
  type JottacloudFixture,
} from './jottacloud-fixture.js';

let jafs: JottacloudFixture;
let workDir: string;

beforeAll(async () => {
  jafs = await startJottacloud();
  workDir = await mkdtemp(join(tmpdir(), 'jafs-provider-content-'));
  await jafs.provider.newItem!('/Jotta/Archive/content', 'folder', undefined, jafs.context());
});

afterAll(async () => {
  await jafs?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A ContentSource over a real file, as the FileSystem provider would hand one over. */
async function fileSource(
  path: string,
  options: { knowSize?: boolean } = {},
): Promise<ContentSource> {
  const info = await stat(path);
  return {
    size: options.knowSize === false ? undefined : info.size,
    lastWriteTime: info.mtime,
    createdTime: info.mtime,
    open: async (offset = 0) => createReadStream(path, { start: offset }),
  };
}

async function localFile(name: string, bytes: Buffer, mtime: Date): Promise<string> {
  const path = join(workDir, name);
  await writeFile(path, bytes);
  await utimes(path, mtime, mtime);
  return path;
}

const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');

const openBytes = (bytes: Buffer) => async (offset: number) =>
  Readable.from([bytes.subarray(offset)]);

/** A second client without retries, for uploads the provider would never leave behind. */
function fragileClient(): Jottacloud {
  return new Jottacloud({
    baseUrl: jafs.url,
    auth: { type: 'basic', username: USERNAME, password: PASSWORD },
    retries: 0,
  });
}

/** Leaves an INCOMPLETE revision at `path`: the server drops the upload after 50 kB. */
async function failUpload(path: string, bytes: Buffer): Promise<void> {
  const client = fragileClient();
  const fault = jafs.server.faults.add({
    path: /upload|allocate/,
    resetAfterRequestBytes: 50_000,
    times: 10,
  });
  try {
    const upload = client.upload(path, {
      size: bytes.length,
      md5: md5(bytes),
      open: openBytes(bytes),
    });
    await expect(upload).rejects.toThrow();
  } finally {
    fault.remove();
    await client.close();
  }

  // The upload went around the provider: forget its listings, as its cache does within seconds.
  jafs.drive.state.listings.invalidate(path);
}

describe('Jottacloud provider: content', () => {
  it('round-trips a file through setContent and getContent with MD5 and times', async () => {
    const { provider } = jafs;
    const ctx = jafs.context();
    const bytes = randomBytes(300_000);
    const mtime = new Date('2024-05-06T07:08:09.750Z');
    const source = await fileSource(await localFile('photo.bin', bytes, mtime));

    const item = await provider.setContent!('/Jotta/Archive/content/photo.bin', source, ctx);
    expect(item).toMatchObject({ name: 'photo.bin', isContainer: false, size: bytes.length });
    expect(item.md5).toBe(md5(bytes));
    expect(item.lastWriteTime?.getTime()).toBe(Math.floor(mtime.getTime() / 1000) * 1000);
    expect(item.properties).toMatchObject({
      Mode: '-a---',
      State: 'COMPLETED',
      Revision: 1,
      Length: bytes.length,
      MD5: md5(bytes),
    });
    expect(ctx.progressEvents.at(-1)).toMatchObject({ completed: true, bytesDone: bytes.length });

    const content = await provider.getContent!('/Jotta/Archive/content/photo.bin', ctx);
    expect(content).toMatchObject({ size: bytes.length, md5: md5(bytes) });
    expect(content.lastWriteTime?.toISOString()).toBe('2024-05-06T07:08:09.000Z');
    expect((await readAll(await content.open())).equals(bytes)).toBe(true);
    expect((await readAll(await content.open(299_990))).equals(bytes.subarray(299_990))).toBe(true);
  });

  it('writes a new revision over an existing file and lists it with its properties', async () => {
    const { provider } = jafs;
    const ctx = jafs.context();
    const path = '/Jotta/Archive/content/notes.txt';
    const first = await localFile(
      'notes1.txt',
      Buffer.from('first'),
      new Date('2023-01-01T00:00:00Z'),
    );
    const second = await localFile(
      'notes2.txt',
      Buffer.from('second!'),
      new Date('2023-02-01T00:00:00Z'),
    );

    await provider.setContent!(path, await fileSource(first, { knowSize: false }), ctx);
    const replaced = await provider.setContent!(path, await fileSource(second), ctx);
    expect(replaced.properties).toMatchObject({ Revision: 2, Length: 7 });

    const listed = (await children(provider, '/Jotta/Archive/content', ctx)).find(
      (item: ProviderItem) => item.name === 'notes.txt',
    );
    expect(listed?.typeNames).toEqual(['Jafs.Jottacloud.File']);
    expect(listed?.properties).toMatchObject({ Name: 'notes.txt', Length: 7, Mode: '-a---' });
    expect(listed?.properties.LastWriteTime).toEqual(new Date('2023-02-01T00:00:00Z'));

    const content = await provider.getContent!(path, ctx);
    expect((await readAll(await content.open())).toString()).toBe('second!');
  });

  it('creates a file from New-Item -Value as UTF-8 text, and an empty one without', async () => {
    const { provider } = jafs;
    const ctx = jafs.context();
    const made = await provider.newItem!(
      '/Jotta/Archive/content/hej.txt',
      'file',
      'hej på deg',
      ctx,
    );
    expect(made.size).toBe(Buffer.byteLength('hej på deg'));
    const content = await provider.getContent!('/Jotta/Archive/content/hej.txt', ctx);
    expect((await readAll(await content.open())).toString('utf8')).toBe('hej på deg');

    const empty = await provider.newItem!('/Jotta/Archive/content/empty', 'File', undefined, ctx);
    expect(empty).toMatchObject({ size: 0, md5: 'd41d8cd98f00b204e9800998ecf8427e' });

    await provider.clearContent!('/Jotta/Archive/content/hej.txt', ctx);
    expect(await provider.getItem('/Jotta/Archive/content/hej.txt', ctx)).toMatchObject({
      size: 0,
    });
  });

  it('refuses to read a folder as content', async () => {
    const read = jafs.provider.getContent!('/Jotta/Archive/content', jafs.context());
    await expect(read).rejects.toThrow(
      "Cannot read 'JAFS:\\Jotta\\Archive\\content': it is a container.",
    );
  });

  it('marks a file whose upload never completed and refuses to read it', async () => {
    const { provider } = jafs;
    const path = '/Jotta/Archive/partial/partial.bin';
    await failUpload(path, randomBytes(200_000));

    const ctx = jafs.context();
    const item = await provider.getItem(path, ctx);
    expect(item?.properties).toMatchObject({ State: 'INCOMPLETE', Mode: '-a-i-' });
    expect(item?.size).toBeUndefined();

    const read = provider.getContent!(path, ctx);
    await expect(read).rejects.toBeInstanceOf(UnreadableFileError);
    await expect(read).rejects.toThrow('its upload is incomplete and no complete revision exists');

    // Nor is it copied: alone it is an error, inside a tree it is skipped with a warning.
    const single = provider.copyItem!(
      path,
      '/Jotta/Archive/partial/copy.bin',
      { recurse: false },
      ctx,
    );
    await expect(single).rejects.toBeInstanceOf(UnreadableFileError);
    const tree = await provider.copyItem!(
      '/Jotta/Archive/partial',
      '/Jotta/Archive/partial-copy',
      { recurse: true },
      ctx,
    );
    expect(tree.isContainer).toBe(true);
    expect(await children(provider, '/Jotta/Archive/partial-copy', ctx)).toEqual([]);
    expect(ctx.warnings).toEqual([expect.stringContaining("Skipped: Cannot read 'JAFS:\\Jotta")]);
  });

  it('marks a corrupt upload and refuses to read it', async () => {
    const path = '/Jotta/Archive/corrupt/bad.bin';
    const bytes = Buffer.from('these bytes do not hash to the declared md5');
    const client = fragileClient();
    try {
      await expect(
        client.upload(path, {
          size: bytes.length,
          md5: md5(Buffer.from('other')),
          open: openBytes(bytes),
        }),
      ).rejects.toThrow();
    } finally {
      await client.close();
    }

    const ctx = jafs.context();
    const item = await jafs.provider.getItem(path, ctx);
    expect(item?.properties).toMatchObject({ State: 'CORRUPT', Mode: '-a-c-' });
    await expect(jafs.provider.getContent!(path, ctx)).rejects.toThrow('its upload is corrupt');
  });

  it('reads the last complete revision when a newer upload failed, and says so', async () => {
    const { provider } = jafs;
    const path = '/Jotta/Archive/content/kept.bin';
    const good = randomBytes(10_000);
    const mtime = new Date('2022-02-02T02:02:02Z');
    await provider.setContent!(
      path,
      await fileSource(await localFile('kept.bin', good, mtime)),
      jafs.context(),
    );
    await failUpload(path, randomBytes(200_000));

    const ctx = jafs.context();
    expect((await provider.getItem(path, ctx))?.properties).toMatchObject({
      Mode: '-a-i-',
      Revision: 1,
    });
    const content = await provider.getContent!(path, ctx);
    expect((await readAll(await content.open())).equals(good)).toBe(true);
    expect(ctx.warnings).toEqual([
      "The newest upload of 'JAFS:\\Jotta\\Archive\\content\\kept.bin' is incomplete; reading revision 1.",
    ]);
  });

  it('leaves no file behind when a new upload is canceled', async () => {
    const { provider } = jafs;
    const path = '/Jotta/Archive/content/canceled.bin';
    const controller = new AbortController();
    const ctx = { ...jafs.context(), signal: controller.signal };
    const bytes = randomBytes(1_000_000);
    // With size and MD5 known the client allocates at once, so the abort lands mid-upload.
    const source: ContentSource = {
      size: bytes.length,
      md5: md5(bytes),
      open: async (offset = 0) =>
        Readable.from(
          (async function* () {
            yield bytes.subarray(offset, offset + 100_000);
            controller.abort();
            yield bytes.subarray(offset + 100_000);
          })(),
        ),
    };

    await expect(provider.setContent!(path, source, ctx)).rejects.toThrow();
    const force = jafs.context({ force: true });
    expect(await provider.getItem(path, force)).toBeUndefined();
  });
});

describe('Jottacloud provider: copy and walk', () => {
  it('copies a file on the server and a folder tree with -Recurse', async () => {
    const { provider } = jafs;
    const ctx = jafs.context();
    await provider.newItem!('/Jotta/Archive/tree', 'folder', undefined, ctx);
    await provider.newItem!('/Jotta/Archive/tree/sub', 'folder', undefined, ctx);
    await provider.newItem!('/Jotta/Archive/tree/a.txt', 'file', 'aaa', ctx);
    await provider.newItem!('/Jotta/Archive/tree/sub/b.txt', 'file', 'bbbb', ctx);

    const copy = await provider.copyItem!(
      '/Jotta/Archive/tree/a.txt',
      '/Jotta/Sync/a-copy.txt',
      { recurse: false },
      ctx,
    );
    expect(copy).toMatchObject({ name: 'a-copy.txt', size: 3 });

    const shallow = await provider.copyItem!(
      '/Jotta/Archive/tree',
      '/Jotta/Sync/shallow',
      { recurse: false },
      ctx,
    );
    expect(shallow.isContainer).toBe(true);
    expect(await children(provider, '/Jotta/Sync/shallow', ctx)).toEqual([]);

    await provider.copyItem!('/Jotta/Archive/tree', '/Jotta/Sync/deep', { recurse: true }, ctx);
    const walked = [];
    for await (const entry of provider.walk!('/Jotta/Sync/deep', ctx)) walked.push(entry.path);
    expect(walked).toEqual([
      '/Jotta/Sync/deep/sub',
      '/Jotta/Sync/deep/sub/b.txt',
      '/Jotta/Sync/deep/a.txt',
    ]);

    const into = provider.copyItem!(
      '/Jotta/Archive/tree',
      '/Jotta/Archive/tree/sub/x',
      { recurse: true },
      ctx,
    );
    await expect(into).rejects.toThrow('into itself');
  });

  it('walks the account from the root, parents first, trashed items only with -Force', async () => {
    const { provider } = jafs;
    const ctx = jafs.context();
    await provider.newItem!('/Walker', 'device', undefined, ctx);
    await provider.newItem!('/Walker/Set', 'mountpoint', undefined, ctx);
    await provider.newItem!('/Walker/Set/keep', 'folder', undefined, ctx);
    await provider.newItem!('/Walker/Set/keep/k.txt', 'file', 'k', ctx);
    await provider.newItem!('/Walker/Set/bin', 'folder', undefined, ctx);
    await provider.newItem!('/Walker/Set/bin/t.txt', 'file', 't', ctx);
    await provider.removeItem!('/Walker/Set/bin', { recurse: true }, ctx);
    expect(await provider.getItem('/Walker/Set/bin/t.txt', ctx)).toBeUndefined();
    const insideTrashed = await provider.getItem(
      '/Walker/Set/bin/t.txt',
      jafs.context({ force: true }),
    );
    expect(insideTrashed).toMatchObject({ name: 't.txt', hidden: true, deleted: true });

    const plain: string[] = [];
    for await (const entry of provider.walk!('/Walker', ctx)) plain.push(entry.path);
    expect(plain).toEqual(['/Walker/Set', '/Walker/Set/keep', '/Walker/Set/keep/k.txt']);

    const forced: string[] = [];
    for await (const entry of provider.walk!('/Walker', jafs.context({ force: true }))) {
      forced.push(entry.path);
    }
    expect(forced).toEqual(expect.arrayContaining(['/Walker/Set/bin', '/Walker/Set/bin/t.txt']));
    expect(forced.indexOf('/Walker/Set/bin')).toBeLessThan(forced.indexOf('/Walker/Set/bin/t.txt'));
  });
});
