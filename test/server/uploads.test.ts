import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { md5, startTestServer, type TestServer, xml } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

interface Allocation {
  name: string;
  path: string;
  state: string;
  upload_id: string;
  upload_url: string;
  bytes: number;
  resume_pos: number;
}

async function allocate(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${t.url}/files/v1/allocate`, {
    method: 'POST',
    headers: { Authorization: t.auth, 'Content-Type': 'application/json; charset=UTF-8' },
    body: JSON.stringify(body),
  });
}

async function allocated(body: Record<string, unknown>): Promise<Allocation> {
  const response = await allocate(body);
  expect(response.status).toBe(200);
  return (await response.json()) as Allocation;
}

function send(url: string, body: Buffer, range?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      Authorization: t.auth,
      'Content-Type': 'application/octet-stream',
      ...(range ? { Range: range } : {}),
    },
    body,
  });
}

describe('legacy upload', () => {
  it('needs JMd5 (400) and stores nothing without it', async () => {
    const response = await t.jfs('/Jotta/Archive/nomd5.bin?umode=nomultipart', {
      method: 'POST',
      body: 'abc',
      headers: { JSize: '3', 'Content-Type': 'application/octet-stream' },
    });
    expect(response.status).toBe(400);
    expect((await xml(response)).root.message).toContain(
      'Upload without md5 no longer supported. Use header JMd5.',
    );
    expect((await t.jfs('/Jotta/Archive/nomd5.bin')).status).toBe(404);
  });

  it('answers 201 with a COMPLETED current revision and keeps the client times', async () => {
    const response = await t.upload('/Jotta/Archive/docs/notes.txt', 'hello world\n', {
      JCreated: '2024-05-01-T09:00:00Z',
      JModified: '2024-05-01-T10:00:00+0200',
    });
    expect(response.status).toBe(201);
    const { root } = await xml(response);
    const rev = root.currentRevision;
    expect(rev.state).toBe('COMPLETED');
    expect(rev.number).toBe('1');
    expect(rev.size).toBe('12');
    expect(rev.md5).toBe('6f5902ac237024bdd0c176cb93063dc4');
    expect(rev.mime).toBe('text/plain');
    expect(rev.created).toBe('2024-05-01-T09:00:00Z');
    expect(rev.modified).toBe('2024-05-01-T08:00:00Z');
    expect(root.latestRevision).toBeUndefined();
  });

  it('marks a hash mismatch CORRUPT and keeps the current revision', async () => {
    await t.upload('/Jotta/Archive/docs/keep.txt', 'version one\n');
    const response = await t.upload('/Jotta/Archive/docs/keep.txt', 'version two\n', {
      JMd5: 'f'.repeat(32),
    });
    expect(response.status).toBe(201);
    const { root } = await xml(response);
    expect(root.currentRevision.number).toBe('1');
    expect(root.latestRevision.state).toBe('CORRUPT');
    expect(root.latestRevision.number).toBe('2');
    expect(root.latestRevision.size).toBeUndefined();
    expect(root.latestRevision.md5).toBe('f'.repeat(32));
    expect(await (await t.jfs('/Jotta/Archive/docs/keep.txt?mode=bin')).text()).toBe(
      'version one\n',
    );
  });

  it('keeps a short body INCOMPLETE with the bytes received, then resumes it', async () => {
    const content = randomBytes(5000);
    const head = content.subarray(0, 2000);
    const headers = {
      JMd5: md5(content),
      JSize: String(content.length),
      'Content-Type': 'application/octet-stream',
    };
    const first = await t.jfs('/Jotta/Archive/big.bin', { method: 'POST', body: head, headers });
    expect(first.status).toBe(201);
    expect((await xml(first)).root.latestRevision.state).toBe('INCOMPLETE');

    const direct = await xml(await t.jfs('/Jotta/Archive/big.bin'));
    expect(direct.root.latestRevision.size).toBe('2000');
    expect(direct.root.currentRevision).toBeUndefined();
    expect((await t.jfs('/Jotta/Archive/big.bin?mode=bin')).status).toBe(404);
    const listing = await xml(await t.jfs('/Jotta/Archive'));
    const listed = listing.root.files.file.find((f: any) => f['@name'] === 'big.bin');
    expect(listed.latestRevision.size).toBeUndefined();

    const rest = await t.jfs('/Jotta/Archive/big.bin', {
      method: 'POST',
      body: content.subarray(2000),
      headers,
    });
    const done = await xml(rest);
    expect(done.root.currentRevision.state).toBe('COMPLETED');
    expect(done.root.currentRevision.number).toBe('1');
    const bytes = Buffer.from(await (await t.jfs('/Jotta/Archive/big.bin?mode=bin')).arrayBuffer());
    expect(bytes.equals(content)).toBe(true);
  });

  it('stores an empty file as COMPLETED with the empty MD5', async () => {
    const { root } = await xml(await t.upload('/Jotta/Archive/empty.txt', ''));
    expect(root.currentRevision.size).toBe('0');
    expect(root.currentRevision.md5).toBe('d41d8cd98f00b204e9800998ecf8427e');
    const download = await t.jfs('/Jotta/Archive/empty.txt?mode=bin');
    expect(download.status).toBe(200);
    expect((await download.arrayBuffer()).byteLength).toBe(0);
  });

  it('keeps five revisions and serves an older one by number', async () => {
    for (let i = 1; i <= 7; i += 1) await t.upload('/Jotta/Archive/rev.txt', `content ${i}`);
    const { root } = await xml(await t.jfs('/Jotta/Archive/rev.txt'));
    expect(root.currentRevision.number).toBe('7');
    expect(root.revisions.revision.map((r: any) => r.number)).toEqual(['6', '5', '4', '3']);
    expect(await (await t.jfs('/Jotta/Archive/rev.txt?mode=bin&revision=4')).text()).toBe(
      'content 4',
    );
    expect((await t.jfs('/Jotta/Archive/rev.txt?mode=bin&revision=1')).status).toBe(404);
  });
});

describe('allocate API', () => {
  it('uploads in one POST to upload_url and echoes the JSON', async () => {
    const content = Buffer.from('allocated bytes');
    const alloc = await allocated({
      path: '/jfs/Jotta/Archive/alloc/one.txt',
      bytes: content.length,
      md5: md5(content),
      created: '2024-05-01T10:00:00Z',
      modified: 1714557600000,
    });
    expect(alloc.state).toBe('INCOMPLETE');
    expect(alloc.resume_pos).toBe(0);
    expect(alloc.name).toBe('one.txt');
    expect(alloc.upload_url.startsWith(`${t.url}/`)).toBe(true);

    const response = await send(alloc.upload_url, content);
    expect(response.status).toBe(200);
    const done = (await response.json()) as Record<string, unknown>;
    expect(done.md5).toBe(md5(content));
    expect(done.bytes).toBe(content.length);
    expect(done.modified).toBe(1714557600000);

    const { root } = await xml(await t.jfs('/Jotta/Archive/alloc/one.txt'));
    expect(root.currentRevision.state).toBe('COMPLETED');
    expect(root.currentRevision.created).toBe('2024-05-01-T10:00:00Z');
    expect(root.currentRevision.modified).toBe('2024-05-01-T10:00:00Z');
  });

  it('dedupes known content: COMPLETED without bytes, new file appears', async () => {
    const content = Buffer.from('dedupe me please');
    const first = await allocated({
      path: '/jfs/Jotta/Archive/alloc/d1.txt',
      bytes: content.length,
      md5: md5(content),
    });
    await send(first.upload_url, content);

    const second = await allocated({
      path: '/jfs/Jotta/Archive/alloc/d2.txt',
      bytes: content.length,
      md5: md5(content),
    });
    expect(second.state).toBe('COMPLETED');
    expect(second.resume_pos).toBe(content.length);
    expect(await (await t.jfs('/Jotta/Archive/alloc/d2.txt?mode=bin')).text()).toBe(
      'dedupe me please',
    );

    // Same path, same content: only the times change, no new revision.
    const again = await allocated({
      path: '/jfs/Jotta/Archive/alloc/d2.txt',
      bytes: content.length,
      md5: md5(content),
      modified: '2020-01-01T00:00:00Z',
    });
    expect(again.state).toBe('COMPLETED');
    const { root } = await xml(await t.jfs('/Jotta/Archive/alloc/d2.txt'));
    expect(root.currentRevision.number).toBe('1');
    expect(root.currentRevision.modified).toBe('2020-01-01-T00:00:00Z');
  });

  it('answers a partial chunk with 420 and resumes from resume_pos with a Range header', async () => {
    const content = randomBytes(100_000);
    const claim = {
      path: '/jfs/Jotta/Archive/alloc/chunked.bin',
      bytes: content.length,
      md5: md5(content),
    };
    const first = await allocated(claim);
    const partial = await send(first.upload_url, content.subarray(0, 30_000));
    expect(partial.status).toBe(420);
    const error = (await partial.json()) as Record<string, unknown>;
    expect(error.error_id).toBe('IncompleteUploadOpenApiException');
    expect(error.code).toBe(420);

    const second = await allocated(claim);
    expect(second.state).toBe('INCOMPLETE');
    expect(second.resume_pos).toBe(30_000);
    const direct = await xml(await t.jfs('/Jotta/Archive/alloc/chunked.bin'));
    expect(direct.root.latestRevision.size).toBe('30000');

    const rest = await send(
      second.upload_url,
      content.subarray(30_000),
      `bytes=30000-${content.length - 1}`,
    );
    expect(rest.status).toBe(200);
    const bytes = Buffer.from(
      await (await t.jfs('/Jotta/Archive/alloc/chunked.bin?mode=bin')).arrayBuffer(),
    );
    expect(bytes.equals(content)).toBe(true);
  });

  it('refuses a Range that skips bytes with 416', async () => {
    const content = randomBytes(1000);
    const alloc = await allocated({
      path: '/jfs/Jotta/Archive/alloc/gap.bin',
      bytes: 1000,
      md5: md5(content),
    });
    const response = await send(alloc.upload_url, content.subarray(500), 'bytes=500-999');
    expect(response.status).toBe(416);
  });

  it('marks bytes that do not match the md5 CORRUPT and keeps the current revision', async () => {
    const good = Buffer.from('good content');
    const a = await allocated({
      path: '/jfs/Jotta/Archive/alloc/c.txt',
      bytes: good.length,
      md5: md5(good),
    });
    await send(a.upload_url, good);

    const bad = Buffer.from('evil content');
    const b = await allocated({
      path: '/jfs/Jotta/Archive/alloc/c.txt',
      bytes: bad.length,
      md5: md5('other content'),
    });
    const response = await send(b.upload_url, bad);
    expect(response.status).toBe(400);
    expect(((await response.json()) as Record<string, unknown>).error_id).toBe(
      'CorruptUploadOpenApiException',
    );

    const { root } = await xml(await t.jfs('/Jotta/Archive/alloc/c.txt'));
    expect(root.currentRevision.md5).toBe(md5(good));
    expect(root.latestRevision.state).toBe('CORRUPT');
    expect(await (await t.jfs('/Jotta/Archive/alloc/c.txt?mode=bin')).text()).toBe('good content');
  });

  it('accepts the older path forms on the Jotta device and custom devices', async () => {
    const forms: [string, string, string][] = [
      ['/Archive/alloc/old-form.txt', '/Jotta/Archive/alloc/old-form.txt', 'old form'],
      ['Archive/alloc/relative.txt', '/Jotta/Archive/alloc/relative.txt', 'relative form'],
      ['/jfs/Laptop/Docs/a.txt', '/Laptop/Docs/a.txt', 'custom device'],
    ];
    await t.post('/Laptop?type=LAPTOP');
    for (const [path, jfsPath, text] of forms) {
      const content = Buffer.from(text);
      const alloc = await allocated({ path, bytes: content.length, md5: md5(content) });
      expect(alloc.state).toBe('INCOMPLETE');
      expect((await send(alloc.upload_url, content)).status).toBe(200);
      expect(await (await t.jfs(`${jfsPath}?mode=bin`)).text()).toBe(text);
    }
  });
});

describe('Range downloads', () => {
  const content = Buffer.from('0123456789abcdefghij');
  beforeAll(async () => {
    await t.upload('/Jotta/Archive/range.txt', content);
  });

  it.each([
    ['bytes=0-4', 206, '01234', 'bytes 0-4/20'],
    ['bytes=15-', 206, 'fghij', 'bytes 15-19/20'],
    ['bytes=-3', 206, 'hij', 'bytes 17-19/20'],
    ['bytes=18-100', 206, 'ij', 'bytes 18-19/20'],
  ])('%s → %i', async (range, status, body, contentRange) => {
    const response = await t.jfs('/Jotta/Archive/range.txt?mode=bin', {
      headers: { Range: range },
    });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-range')).toBe(contentRange);
    expect(await response.text()).toBe(body);
  });

  it.each(['bytes=10-2', 'bytes=20-', 'bytes=abc', 'items=0-1'])('%s → 416', async (range) => {
    const response = await t.jfs('/Jotta/Archive/range.txt?mode=bin', {
      headers: { Range: range },
    });
    expect(response.status).toBe(416);
    expect((await xml(response)).root.message).toContain('RequestedRangeNotSatisfiedException');
  });

  it('without Range answers 200 with the whole content', async () => {
    const response = await t.jfs('/Jotta/Archive/range.txt?mode=bin');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('20');
    expect(await response.text()).toBe(content.toString());
  });
});

describe('legacy multipart upload', () => {
  function multipart(boundary: string, parts: [string, string, Buffer | string][]): Buffer {
    const chunks: Buffer[] = [Buffer.from('preamble\r\n')];
    for (const [name, filename, value] of parts) {
      const disposition = filename
        ? `form-data; name="${name}"; filename="${filename}"`
        : `form-data; name="${name}"`;
      const type = filename ? '\r\nContent-Type: application/octet-stream' : '';
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`),
      );
      chunks.push(Buffer.from(value));
      chunks.push(Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    return Buffer.concat(chunks);
  }

  it('stores the file part, taking md5 and times from the fields (jottalib, JaFS)', async () => {
    // The content contains CRLF and boundary-like text to prove the part is cut at the real one.
    const content = Buffer.concat([
      randomBytes(70_000),
      Buffer.from('\r\n--bound'),
      randomBytes(10),
    ]);
    const body = multipart('bound123', [
      ['md5', '', md5(content)],
      ['modified', '', '2021-06-01-T12:00:00Z'],
      ['created', '', '2021-06-01-T11:00:00Z'],
      ['file', 'multi.bin', content],
    ]);
    const response = await t.jfs('/Jotta/Archive/multi/multi.bin', {
      method: 'POST',
      body,
      headers: {
        'Content-Type': 'multipart/form-data; boundary=bound123',
        JSize: String(content.length),
      },
    });
    expect(response.status).toBe(201);
    const { root } = await xml(response);
    expect(root.currentRevision.state).toBe('COMPLETED');
    expect(root.currentRevision.modified).toBe('2021-06-01-T12:00:00Z');
    expect(root.currentRevision.created).toBe('2021-06-01-T11:00:00Z');
    const bytes = Buffer.from(
      await (await t.jfs('/Jotta/Archive/multi/multi.bin?mode=bin')).arrayBuffer(),
    );
    expect(bytes.equals(content)).toBe(true);
  });

  it('accepts a lone file part with JMd5/JSize headers (php-jotta, aeroftp)', async () => {
    const content = Buffer.from('only a file part');
    const body = multipart('xyz', [['upload', 'lone.txt', content]]);
    const response = await t.jfs('/Jotta/Archive/multi/lone.txt', {
      method: 'POST',
      body,
      headers: {
        'Content-Type': 'multipart/form-data; boundary="xyz"',
        JMd5: md5(content),
        JSize: String(content.length),
      },
    });
    expect(response.status).toBe(201);
    expect(await (await t.jfs('/Jotta/Archive/multi/lone.txt?mode=bin')).text()).toBe(
      'only a file part',
    );
  });

  it('without any md5 is 400', async () => {
    const body = multipart('b', [['file', 'x.txt', 'x']]);
    const response = await t.jfs('/Jotta/Archive/multi/x.txt', {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'multipart/form-data; boundary=b', JSize: '1' },
    });
    expect(response.status).toBe(400);
  });
});

describe('cleanup of unfinished uploads', () => {
  it('deleting a file with an upload in progress removes its partial bytes', async () => {
    const { readdir } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const content = randomBytes(4000);
    const alloc = await allocated({
      path: '/jfs/Jotta/Archive/unfinished.bin',
      bytes: 4000,
      md5: md5(content),
    });
    expect((await send(alloc.upload_url, content.subarray(0, 1000))).status).toBe(420);
    expect(await readdir(join(t.dataDir, 'partial'))).toHaveLength(1);

    expect((await t.post('/Jotta/Archive/unfinished.bin?rm=true')).status).toBe(200);
    expect(await readdir(join(t.dataDir, 'partial'))).toHaveLength(0);
    const late = await send(alloc.upload_url, content.subarray(1000), 'bytes=1000-3999');
    expect(late.status).toBe(404);
  });
});

describe('retention across upload paths', () => {
  it('dedupe by allocate also keeps only five revisions, and a superseded partial upload is set aside', async () => {
    const contents = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'].map((v) => Buffer.from(v));
    for (const content of contents)
      await t.upload('/Jotta/Archive/pool/seed-' + content.toString(), content);
    for (const content of contents) {
      const alloc = await allocated({
        path: '/jfs/Jotta/Archive/pool/target.txt',
        bytes: 2,
        md5: md5(content),
      });
      expect(alloc.state).toBe('COMPLETED');
    }
    const { root } = await xml(await t.jfs('/Jotta/Archive/pool/target.txt'));
    expect(root.currentRevision.number).toBe('7');
    expect(root.revisions.revision.map((r: any) => r.number)).toEqual(['6', '5', '4', '3']);

    const { readdir } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const before = (await readdir(join(t.dataDir, 'partial'))).length;
    const big = randomBytes(5000);
    const a = await allocated({
      path: '/jfs/Jotta/Archive/pool/half.bin',
      bytes: 5000,
      md5: md5(big),
    });
    expect((await send(a.upload_url, big.subarray(0, 100))).status).toBe(420);
    expect(await readdir(join(t.dataDir, 'partial'))).toHaveLength(before + 1);
    const other = randomBytes(10);
    const b = await allocated({
      path: '/jfs/Jotta/Archive/pool/half.bin',
      bytes: 10,
      md5: md5(other),
    });
    // The superseded attempt's file stays until retention drops its revision: another session
    // may still be sending it (two uploads of one path at once must both finish).
    expect(await readdir(join(t.dataDir, 'partial'))).toHaveLength(before + 1);
    expect((await send(b.upload_url, other)).status).toBe(200);
    const { root: half } = await xml(await t.jfs('/Jotta/Archive/pool/half.bin'));
    expect(half.currentRevision.md5).toBe(md5(other));
    expect(half.currentRevision.number).toBe('2');
  });
});
