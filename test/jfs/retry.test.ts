import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';

import {
  AuthError,
  IncompleteUploadError,
  Jottacloud,
  NotFoundError,
  QuotaExceededError,
  TransportError,
} from '../../src/jfs/index.js';
import { defaultRetryPolicy, retryDelayMs } from '../../src/jfs/retry.js';
import { basicClient, bufferSource, md5, randomFile, startTestServer, tempDir } from './helpers.js';

const USER_ROOT = /^\/jfs\/alice$/;

describe('retries and transient failures (B38)', () => {
  it('retries 503 and 429 (with Retry-After) until the request succeeds', async () => {
    const server = await startTestServer();
    const client = basicClient(server);
    const unavailable = server.faults.add({
      method: 'GET',
      path: USER_ROOT,
      status: 503,
      times: 2,
    });
    const limited = server.faults.add({
      method: 'GET',
      path: USER_ROOT,
      status: 429,
      retryAfter: 1,
    });

    const user = await client.getUser();
    expect(user.username).toBe('alice');
    expect(unavailable.hits).toBe(2);
    expect(limited.hits).toBe(1);
  });

  it('gives up with a TransportError once the retries are used', async () => {
    const server = await startTestServer();
    const client = basicClient(server, 2);
    const failing = server.faults.add({ method: 'GET', path: USER_ROOT, status: 502, times: 10 });

    const error = await client.getUser().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).status).toBe(502);
    expect(failing.hits).toBe(3);
  });

  it('does not retry 404 or 460', async () => {
    const server = await startTestServer();
    const client = basicClient(server);
    const missing = server.faults.add({ method: 'GET', path: '/Archive/x', status: 404, times: 5 });
    await expect(client.getObject('/Jotta/Archive/x')).rejects.toBeInstanceOf(NotFoundError);
    expect(missing.hits).toBe(1);

    const quota = server.faults.add({ path: '/files/v1/allocate', status: 460, times: 5 });
    const error = await client
      .upload('/Jotta/Archive/q.txt', bufferSource(Buffer.from('q')).source)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuotaExceededError);
    expect((error as Error).message).toMatch(/quota/);
    expect(quota.hits).toBe(1);
  });

  it('reports a real quota overrun as QuotaExceededError', async () => {
    const server = await startTestServer();
    const client = basicClient(server);
    server.setQuota('alice', 10);
    await expect(
      client.upload('/Jotta/Archive/big.txt', bufferSource(Buffer.alloc(100, 1)).source),
    ).rejects.toBeInstanceOf(QuotaExceededError);
  });

  it('retries an upload whose byte transfer got a 503, resuming it', async () => {
    const server = await startTestServer();
    const client = basicClient(server);
    const data = Buffer.from('upload after a 503\n'.repeat(100));
    const fault = server.faults.add({ method: 'POST', path: '/files/v1/upload/', status: 503 });

    const file = await client.upload('/Jotta/Archive/u.txt', bufferSource(data).source);
    expect(fault.hits).toBe(1);
    expect(file).toMatchObject({ state: 'COMPLETED', md5: md5(data) });
  });

  it('continues after a 420 "incomplete" answer and stops when the upload stalls (B05)', async () => {
    const server = await startTestServer();
    const client = basicClient(server, 2);
    const data = Buffer.from('chunk answered 420\n'.repeat(50));
    const once = server.faults.add({ method: 'POST', path: '/files/v1/upload/', status: 420 });
    const file = await client.upload('/Jotta/Archive/420.txt', bufferSource(data).source);
    expect(once.hits).toBe(1);
    expect(file).toMatchObject({ state: 'COMPLETED', md5: md5(data) });

    const always = server.faults.add({
      method: 'POST',
      path: '/files/v1/upload/',
      status: 420,
      times: 20,
    });
    const stalled = await client
      .upload('/Jotta/Archive/stalled.txt', bufferSource(Buffer.from('other bytes')).source)
      .catch((e: unknown) => e);
    expect(stalled).toBeInstanceOf(IncompleteUploadError);
    expect(always.hits).toBe(4);
  });

  it('checks a move that lost its answer instead of repeating it blindly', async () => {
    const server = await startTestServer();
    const client = basicClient(server);
    await client.upload('/Jotta/Archive/m.txt', bufferSource(Buffer.from('m')).source);
    const cut = server.faults.add({
      method: 'POST',
      path: '/jfs/alice/Jotta/Archive/m.txt',
      resetAfterResponseBytes: 1,
    });

    const moved = await client.moveFile('/Jotta/Archive/m.txt', '/Jotta/Archive/moved.txt');
    expect(cut.hits).toBe(1);
    expect(moved).toMatchObject({ kind: 'file', name: 'moved.txt', md5: md5(Buffer.from('m')) });
    await expect(client.getObject('/Jotta/Archive/m.txt')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('repeats a move the server refused with a 500 before doing it', async () => {
    const server = await startTestServer();
    const client = basicClient(server);
    await client.upload('/Jotta/Archive/n.txt', bufferSource(Buffer.from('n')).source);
    const refused = server.faults.add({
      method: 'POST',
      path: '/jfs/alice/Jotta/Archive/n.txt',
      status: 500,
    });

    const moved = await client.moveFile('/Jotta/Archive/n.txt', '/Jotta/Archive/n2.txt');
    expect(refused.hits).toBe(1);
    expect(moved.name).toBe('n2.txt');
  });

  it('resumes a download whose connection broke midway', async () => {
    const lines: string[] = [];
    const server = await startTestServer({ log: (line) => lines.push(line) });
    const client = basicClient(server);
    const dir = await tempDir();
    const { data, source } = await randomFile(dir, 3 * 1024 * 1024);
    await client.upload('/Jotta/Archive/d.bin', source);

    // Both GETs of d.bin match: the metadata read is too short to be cut, the bytes are cut.
    // The server sends blobs in 1 MiB writes and the cut destroys the socket at once, so it
    // falls in the second write: a whole first MiB has reached the client to resume after.
    const cut = server.faults.add({
      method: 'GET',
      path: /\/d\.bin$/,
      resetAfterResponseBytes: 1_600_000,
      times: 2,
    });
    const target = join(dir, 'd.bin');
    const file = await client.downloadToFile('/Jotta/Archive/d.bin', target);
    expect(cut.hits).toBe(2);
    expect(lines.some((line) => /GET .*d\.bin.* 206/.test(line))).toBe(true);
    expect(md5(await readFile(target))).toBe(md5(data));
    expect(file.md5).toBe(md5(data));
  });

  it('times out a request that gets no answer and retries it', async () => {
    const server = await startTestServer();
    const client = new Jottacloud({
      baseUrl: server.url,
      auth: { type: 'basic', username: 'alice', password: 'pw' },
      timeoutMs: 300,
      retries: 2,
    });
    onTestFinished(() => client.close());
    const stalled = server.faults.add({ method: 'GET', path: USER_ROOT, delayMs: 2000 });

    expect((await client.getUser()).username).toBe('alice');
    expect(stalled.hits).toBe(1);
  });

  it('sends a read again when its answer breaks off midway', async () => {
    // The local server's response reset does not cut bodies sent in one piece, so a loopback
    // server of our own sends half a document with a full Content-Length, then drops the line.
    const document =
      '<folder name="cut"><path>/alice/Jotta/Archive</path><files>' +
      '<file name="a" uuid="u"><currentRevision><number>1</number><state>COMPLETED</state>' +
      '</currentRevision></file></files></folder>';
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'text/xml', 'content-length': document.length });
      if (requests > 1) return res.end(document);
      res.write(document.slice(0, 40));
      setTimeout(() => res.socket?.destroy(), 20);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const client = new Jottacloud({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      auth: { type: 'basic', username: 'alice', password: 'pw' },
    });
    onTestFinished(() => client.close());

    const folder = await client.getObject('/Jotta/Archive/cut');
    expect(requests).toBe(2);
    expect(folder.kind === 'folder' && folder.files.map((f) => f.name)).toEqual(['a']);
  });

  it('never retries refused Basic credentials', async () => {
    const server = await startTestServer();
    const client = new Jottacloud({
      baseUrl: server.url,
      auth: { type: 'basic', username: 'alice', password: 'nope' },
    });
    await expect(client.getUser()).rejects.toBeInstanceOf(AuthError);
    await client.close();
  });
});

describe('retry policy', () => {
  const policy = defaultRetryPolicy(5);

  it('honours Retry-After in seconds or as a date, capped', () => {
    expect(retryDelayMs(policy, 0, '2')).toBe(2000);
    const inFiveSeconds = new Date(Date.now() + 5000).toUTCString();
    expect(retryDelayMs(policy, 0, inFiveSeconds)).toBeGreaterThan(3000);
    expect(retryDelayMs(policy, 0, '3600')).toBe(policy.maxDelayMs);
  });

  it('backs off exponentially with jitter up to the cap', () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
      const delay = retryDelayMs(policy, attempt);
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
    }
  });
});
