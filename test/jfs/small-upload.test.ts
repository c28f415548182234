import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { CorruptUploadError, EMPTY_MD5 } from '../../src/jfs/index.js';
import { basicClient, md5, readAll, startTestServer } from './helpers.js';

describe('uploadBytes: the one-request upload of a small file', () => {
  it('stores the bytes with their times in one request, creating the missing folders', async () => {
    const lines: string[] = [];
    const server = await startTestServer({ log: (line) => lines.push(line) });
    const client = basicClient(server);
    const bytes = randomBytes(40_000);
    const modified = new Date('2022-01-02T03:04:05Z');
    await client.getUser();
    const before = lines.length;

    const file = await client.uploadBytes('/Jotta/Archive/new/deeper/a b+c.bin', {
      bytes,
      modified,
      created: modified,
    });

    expect(lines.slice(before)).toEqual([
      'POST /jfs/alice/Jotta/Archive/new/deeper/a%20b%2Bc.bin 201',
    ]);
    expect(file).toMatchObject({ name: 'a b+c.bin', state: 'COMPLETED', size: 40_000 });
    expect(file.md5).toBe(md5(bytes));
    expect(file.modified).toEqual(modified);
    const download = await client.download('/Jotta/Archive/new/deeper/a b+c.bin');
    expect((await readAll(download.stream)).equals(bytes)).toBe(true);
  });

  it('stores an empty file and a new revision over an existing one', async () => {
    const client = basicClient(await startTestServer());
    const empty = await client.uploadBytes('/Jotta/Archive/e.txt', { bytes: Buffer.alloc(0) });
    expect(empty).toMatchObject({ size: 0, md5: EMPTY_MD5, state: 'COMPLETED' });

    await client.uploadBytes('/Jotta/Archive/r.txt', { bytes: Buffer.from('one') });
    const second = await client.uploadBytes('/Jotta/Archive/r.txt', { bytes: Buffer.from('two') });
    expect(second.md5).toBe(md5(Buffer.from('two')));
    expect(second.currentRevision?.number).toBe(2);
  });

  it('refuses bytes that do not match the MD5 their source claimed, sending nothing', async () => {
    const lines: string[] = [];
    const client = basicClient(await startTestServer({ log: (line) => lines.push(line) }));
    const upload = client.uploadBytes('/Jotta/Archive/lie.txt', {
      bytes: Buffer.from('other'),
      md5: md5(Buffer.from('claimed')),
    });

    await expect(upload).rejects.toBeInstanceOf(CorruptUploadError);
    expect(lines).toEqual([]);
  });
});
