import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { describe, expect, it, onTestFinished } from 'vitest';

import { parseListStream } from '../../src/jfs/liststream.js';
import {
  Jottacloud,
  NotFoundError,
  ProtocolError,
  TransportError,
  type JfsFile,
  type StreamEntry,
} from '../../src/jfs/index.js';
import { basicClient, bufferSource, md5, startTestServer } from './helpers.js';

async function collect(entries: AsyncIterable<StreamEntry>): Promise<StreamEntry[]> {
  const all: StreamEntry[] = [];
  for await (const entry of entries) all.push(entry);
  return all;
}

describe('trash, links and streamed listings', () => {
  it('restores a trashed file at its original path and purges the trash', async () => {
    const client = basicClient(await startTestServer());
    const data = Buffer.from('keep me');
    await client.upload('/Jotta/Archive/keep.txt', bufferSource(data).source);
    await client.deleteFile('/Jotta/Archive/keep.txt', { permanent: false });

    const restored = await client.restoreFile('/Jotta/Archive/keep.txt');
    expect(restored).toMatchObject({ name: 'keep.txt', deleted: undefined, md5: md5(data) });
    const live = (await client.getObject('/Jotta/Archive/keep.txt')) as JfsFile;
    expect(live.deleted).toBeUndefined();
    await expect(client.restoreFile('/Jotta/Archive/keep.txt')).rejects.toBeInstanceOf(
      NotFoundError,
    );

    await client.upload('/Jotta/Archive/drop/x.txt', bufferSource(Buffer.from('x')).source);
    await client.deleteFolder('/Jotta/Archive/drop', { permanent: false });
    await client.deleteFile('/Jotta/Archive/keep.txt', { permanent: false });
    const purged = await client.purgeTrash();
    expect(purged.files + purged.folders).toBeGreaterThanOrEqual(2);
    const trash = await client.getObject('/Jotta/Trash');
    expect(trash.kind === 'mountPoint' && [trash.folders, trash.files]).toEqual([[], []]);
  });

  it('revives a copy that landed on a trashed file (rclone#6112)', async () => {
    const client = basicClient(await startTestServer());
    const data = Buffer.from('new content');
    await client.upload('/Jotta/Archive/src.txt', bufferSource(data).source);
    await client.upload('/Jotta/Archive/dst.txt', bufferSource(Buffer.from('old')).source);
    await client.deleteFile('/Jotta/Archive/dst.txt', { permanent: false });

    const copy = await client.copyFile('/Jotta/Archive/src.txt', '/Jotta/Archive/dst.txt');
    expect(copy).toMatchObject({ name: 'dst.txt', deleted: undefined, md5: md5(data) });
    const stored = (await client.getObject('/Jotta/Archive/dst.txt')) as JfsFile;
    expect([stored.deleted, stored.md5]).toEqual([undefined, md5(data)]);
  });

  it('turns public links on and off', async () => {
    const client = basicClient(await startTestServer());
    await client.upload('/Jotta/Archive/share.txt', bufferSource(Buffer.from('s')).source);

    const shared = await client.setShared('/Jotta/Archive/share.txt', true);
    expect(shared.kind === 'file' && shared.publicUri).toMatch(/^[0-9a-f]{32}$/);
    const unshared = await client.setShared('/Jotta/Archive/share.txt', false);
    expect(unshared.kind === 'file' && unshared.publicUri).toBeUndefined();
  });

  it('streams a recursive listing and checks its counts', async () => {
    const client = basicClient(await startTestServer());
    await client.upload('/Jotta/Archive/tree/a.txt', bufferSource(Buffer.from('a')).source);
    await client.upload(
      '/Jotta/Archive/tree/sub/b & c.txt',
      bufferSource(Buffer.from('bc')).source,
    );
    await client.upload('/Jotta/Archive/tree/gone.txt', bufferSource(Buffer.from('g')).source);
    await client.deleteFile('/Jotta/Archive/tree/gone.txt', { permanent: false });

    const entries = await collect(client.listStream('/Jotta/Archive/tree'));
    const files = entries.filter((e) => e.kind === 'file');
    expect(files.map((f) => `${f.path}/${f.kind === 'file' ? f.name : ''}`).sort()).toEqual([
      '/Jotta/Archive/tree/a.txt',
      '/Jotta/Archive/tree/sub/b & c.txt',
    ]);
    expect(entries.filter((e) => e.kind === 'folder').map((f) => f.path)).toEqual(
      expect.arrayContaining(['/Jotta/Archive/tree', '/Jotta/Archive/tree/sub']),
    );
  });

  it('reports a streamed listing cut by the network as a TransportError', async () => {
    // A loopback server that sends part of a listing, then drops the connection.
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.write('<liststream>' + '<folder><path>/Archive/x</path></folder>'.repeat(200));
      setTimeout(() => res.socket?.destroy(), 20);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const client = new Jottacloud({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      auth: { type: 'basic', username: 'alice', password: 'pw' },
      retries: 0,
    });
    onTestFinished(() => client.close());

    await expect(collect(client.listStream('/Jotta/Archive'))).rejects.toBeInstanceOf(
      TransportError,
    );
  });
});

describe('liststream parser', () => {
  const document =
    '<?xml version="1.0" encoding="UTF-8"?><liststream><folder><path>/Archive</path></folder>' +
    '<file><path>/Archive</path><filename>Привет &amp; &#x1F600;.txt</filename>' +
    '<md5>ABC</md5><size>12</size><modified>2024-05-01T09:00:00.000Z</modified></file>' +
    '<file><path>/Archive/new</path><filename>n</filename><size>0</size></file>' +
    '<stats><folders>2</folders><files>2</files></stats></liststream>';

  it('parses entries split anywhere across chunks, multi-byte characters included', async () => {
    const bytes = Buffer.from(document);
    for (const size of [1, 3, 7, 64, bytes.length]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const entries = await collect(
        parseListStream(Readable.from(chunks), 'Jotta', '/Jotta/Archive'),
      );
      expect(entries).toEqual([
        { kind: 'folder', path: '/Jotta/Archive' },
        {
          kind: 'file',
          path: '/Jotta/Archive',
          name: 'Привет & 😀.txt',
          md5: 'abc',
          size: 12,
          modified: new Date('2024-05-01T09:00:00.000Z'),
          created: undefined,
        },
        expect.objectContaining({ kind: 'file', path: '/Jotta/Archive/new', name: 'n', size: 0 }),
      ]);
    }
  });

  it('refuses a listing whose counts do not match or that ends without stats', async () => {
    const wrong = document.replace('<files>2</files>', '<files>3</files>');
    await expect(
      collect(parseListStream(Readable.from([wrong]), 'Jotta', '/Jotta/Archive')),
    ).rejects.toBeInstanceOf(ProtocolError);
    const cut = document.slice(0, document.indexOf('<stats>'));
    await expect(
      collect(parseListStream(Readable.from([cut]), 'Jotta', '/Jotta/Archive')),
    ).rejects.toThrow(/cut short/);
  });
});
