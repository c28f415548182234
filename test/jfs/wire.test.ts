import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { Jottacloud } from '../../src/jfs/index.js';
import { basicClient, bufferSource, startTestServer } from './helpers.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A loopback HTTP server that records requests and answers every one with `document`. */
async function recordingServer(document: string) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'text/xml' }).end(document);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('what goes on the wire', () => {
  afterEach(() => {
    delete process.env.JAFS_DEBUG;
    vi.restoreAllMocks();
  });

  it('sends command POSTs with no body, Content-Length 0 and no Content-Type (§4.0)', async () => {
    const recorder = await recordingServer(
      '<file name="b c.txt" uuid="u"><currentRevision><number>1</number>' +
        '<state>COMPLETED</state><size>1</size><md5>aa</md5></currentRevision></file>',
    );
    const client = new Jottacloud({
      baseUrl: recorder.url,
      auth: { type: 'basic', username: 'alice', password: 'pw' },
    });

    await client.moveFile('/Jotta/Archive/a+b #1.txt', '/Jotta/Archive/b c.txt');
    await client.deleteFile('/Jotta/Archive/b c.txt', { permanent: false });
    await client.close();
    await recorder.close();

    const [move, remove] = recorder.seen;
    expect(move.method).toBe('POST');
    expect(move.url).toBe(
      '/jfs/alice/Jotta/Archive/a%2Bb%20%231.txt?mv=%2Falice%2FJotta%2FArchive%2Fb%20c.txt',
    );
    expect(remove.url).toBe('/jfs/alice/Jotta/Archive/b%20c.txt?dl=true');
    for (const request of recorder.seen) {
      expect(request.headers['content-length']).toBe('0');
      expect(request.headers['content-type']).toBeUndefined();
      expect(request.body).toBe('');
      expect(request.headers.authorization).toMatch(/^Basic /);
    }
  });

  it('sends folder moves with a trailing slash on the source (§1.5)', async () => {
    const recorder = await recordingServer(
      '<folder name="d"><path>/alice/Jotta/Archive</path></folder>',
    );
    const client = new Jottacloud({
      baseUrl: recorder.url,
      auth: { type: 'basic', username: 'alice', password: 'pw' },
    });
    await client.moveFolder('/Jotta/Archive/c', '/Jotta/Archive/d');
    await client.close();
    await recorder.close();
    expect(recorder.seen[0].url).toBe(
      '/jfs/alice/Jotta/Archive/c/?mvDir=%2Falice%2FJotta%2FArchive%2Fd',
    );
  });

  it('logs method, URL and status with JAFS_DEBUG=1, never credentials', async () => {
    const client = basicClient(await startTestServer());
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    process.env.JAFS_DEBUG = '1';

    await client.upload('/Jotta/Archive/log.txt', bufferSource(Buffer.from('log')).source);
    await client.moveFile('/Jotta/Archive/log.txt', '/Jotta/Archive/secret-name.txt');
    vi.restoreAllMocks();

    const log = lines.join('');
    expect(log).toMatch(/jafs:http POST http:\/\/127\.0\.0\.1:\d+\/files\/v1\/allocate 200/);
    expect(log).toMatch(/GET .*\/jfs\/alice\/Jotta\/Archive\/log\.txt 200/);
    expect(log).toContain('<upload-url>');
    expect(log).not.toMatch(/Basic |authorization|pw\b/i);
    expect(log).not.toContain('secret-name');
  });
});
