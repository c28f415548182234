import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';

import { JfsError, Jottacloud, MemoryTokenStore, loginWithToken } from '../../src/jfs/index.js';
import { basicClient, bufferSource, startTestServer } from './helpers.js';

describe('Latest and Links views', () => {
  it('lists the most recently updated files of every mount point, newest first', async () => {
    const client = basicClient(await startTestServer());
    const names = [
      '/Jotta/Archive/one.txt',
      '/Jotta/Sync/docs/two.txt',
      '/Jotta/Archive/three.txt',
    ];
    for (const path of names) {
      await client.upload(path, bufferSource(Buffer.from(path)).source);
    }
    await client.deleteFile('/Jotta/Archive/one.txt', { permanent: false });

    const latest = await client.getLatest({ max: 10 });
    expect(latest.kind).toBe('searchResult');
    expect(latest.files.map((file) => `${file.path}/${file.name}`)).toEqual([
      '/Jotta/Archive/three.txt',
      '/Jotta/Sync/docs/two.txt',
    ]);
    expect(latest.total).toBe(2);
    expect(latest.files[0].size).toBe('/Jotta/Archive/three.txt'.length);

    const first = await client.getLatest({ max: 1 });
    expect(first.files.map((file) => file.name)).toEqual(['three.txt']);
    expect(first.total).toBe(2);
  });

  it('refuses a Latest count that is not a positive whole number', async () => {
    const client = basicClient(await startTestServer());
    await expect(client.getLatest({ max: 0 })).rejects.toBeInstanceOf(JfsError);
    await expect(client.getLatest({ max: 2.5 })).rejects.toThrow(/positive whole number/);
  });

  it('lists shared files with their link id and parent path', async () => {
    const client = basicClient(await startTestServer());
    expect((await client.getLinks()).files).toEqual([]);

    await client.upload('/Jotta/Archive/a/shared.txt', bufferSource(Buffer.from('s')).source);
    await client.upload('/Jotta/Archive/private.txt', bufferSource(Buffer.from('p')).source);
    const shared = await client.setShared('/Jotta/Archive/a/shared.txt', true);

    const links = await client.getLinks();
    expect(links.files).toHaveLength(1);
    expect(links.files[0]).toMatchObject({
      name: 'shared.txt',
      path: '/Jotta/Archive/a',
      publicUri: shared.kind === 'file' ? shared.publicUri : 'not a file',
    });
  });
});

describe('two origins (JFS and JSON API)', () => {
  it('sends JFS requests to baseUrl and allocate/customer requests to apiBaseUrl', async () => {
    const server = await startTestServer();
    const seen: string[] = [];
    // A loopback proxy standing in for the API host: it records the paths and forwards them.
    const proxy = createServer(async (req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = { ...req.headers } as Record<string, string>;
      for (const name of ['host', 'connection', 'content-length', 'transfer-encoding']) {
        delete headers[name];
      }
      const answer = await fetch(server.url + req.url, {
        method: req.method,
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
      });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? '' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
    await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
    onTestFinished(() => new Promise<void>((done) => proxy.close(() => done())));
    const apiBaseUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

    const client = new Jottacloud({
      baseUrl: server.url,
      apiBaseUrl,
      auth: { type: 'basic', username: 'alice', password: 'pw' },
    });
    onTestFinished(() => client.close());
    const file = await client.upload('/Jotta/Archive/x.txt', bufferSource(Buffer.from('x')).source);
    expect(file.size).toBe(1);
    await client.purgeTrash();

    const store = new MemoryTokenStore();
    const login = await loginWithToken(server.issueLoginToken('alice'), {
      store,
      baseUrl: server.url + '/',
      apiBaseUrl,
    });
    expect(login).toMatchObject({ username: 'alice', baseUrl: server.url, apiBaseUrl });
    const tokenClient = new Jottacloud({
      baseUrl: server.url,
      apiBaseUrl,
      auth: { type: 'token', store },
    });
    onTestFinished(() => tokenClient.close());
    expect((await tokenClient.getUser()).username).toBe('alice');

    expect(seen.filter((line) => line === 'GET /account/v1/customer')).toHaveLength(2);
    expect(seen).toContain('POST /files/v1/allocate');
    expect(seen).toContain('POST /files/v1/purge_trash');
    expect(seen.some((line) => line.includes('/jfs/'))).toBe(false);
  });
});
