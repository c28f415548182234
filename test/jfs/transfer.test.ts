import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';

import { OperationCanceledError } from '../../src/core/errors.js';
import {
  CorruptUploadError,
  EMPTY_MD5,
  IncompleteUploadError,
  NotFoundError,
  TransportError,
  type JfsFile,
} from '../../src/jfs/index.js';
import {
  basicClient,
  bufferSource,
  md5,
  randomFile,
  readAll,
  startTestServer,
  tempDir,
} from './helpers.js';

const MB = 1024 * 1024;

describe('uploads and downloads', () => {
  it('uploads a multi-MB file streamed from disk (MD5 computed first) and downloads it intact', async () => {
    const client = basicClient(await startTestServer());
    const dir = await tempDir();
    const { data, source, opened } = await randomFile(dir, 5 * MB + 123);
    const progress: number[] = [];
    const modified = new Date('2023-02-03T04:05:06Z');

    const file = await client.upload(
      '/Jotta/Archive/big/data.bin',
      { ...source, modified },
      {
        onProgress: (sent) => progress.push(sent),
      },
    );
    expect(opened).toEqual([0, 0]);
    expect(file).toMatchObject({ state: 'COMPLETED', size: data.length, md5: md5(data) });
    expect(file.modified?.toISOString()).toBe('2023-02-03T04:05:06.000Z');
    expect(progress.at(-1)).toBe(data.length);

    const target = join(dir, 'copy.bin');
    const downloaded = await client.downloadToFile('/Jotta/Archive/big/data.bin', target);
    expect(downloaded.md5).toBe(md5(data));
    expect(md5(await readFile(target))).toBe(md5(data));
    expect((await stat(target)).mtime.toISOString()).toBe('2023-02-03T04:05:06.000Z');
  });

  it('uploads and downloads an empty file (B06)', async () => {
    const client = basicClient(await startTestServer());
    const dir = await tempDir();

    const file = await client.upload(
      '/Jotta/Archive/empty.txt',
      bufferSource(Buffer.alloc(0)).source,
    );
    expect(file).toMatchObject({ state: 'COMPLETED', size: 0, md5: EMPTY_MD5 });

    const target = join(dir, 'empty.txt');
    await client.downloadToFile('/Jotta/Archive/empty.txt', target);
    expect((await stat(target)).size).toBe(0);
    const { stream, size } = await client.download('/Jotta/Archive/empty.txt');
    expect(size).toBe(0);
    expect((await readAll(stream)).length).toBe(0);
  });

  it('dedupes: the same bytes uploaded elsewhere complete without being sent', async () => {
    const client = basicClient(await startTestServer());
    const data = Buffer.from('the same content, twice\n'.repeat(1000));
    await client.upload('/Jotta/Archive/one.txt', bufferSource(data).source);

    const second = bufferSource(data, { md5: md5(data) });
    const file = await client.upload('/Jotta/Sync/two.txt', second.source);
    expect(second.opened).toEqual([]);
    expect(file).toMatchObject({ name: 'two.txt', state: 'COMPLETED', md5: md5(data) });
  });

  it('resumes from resume_pos after the connection drops mid-upload (B05)', async () => {
    const server = await startTestServer();
    const client = basicClient(server);
    const dir = await tempDir();
    const { data, source, opened } = await randomFile(dir, 3 * MB);
    const reset = server.faults.add({
      method: 'POST',
      path: '/files/v1/upload/',
      resetAfterRequestBytes: MB,
    });

    const file = await client.upload('/Jotta/Archive/resumed.bin', source);
    expect(reset.hits).toBe(1);
    expect(opened[0]).toBe(0);
    expect(opened[1]).toBe(0);
    expect(opened.length).toBe(3);
    expect(opened[2]).toBeGreaterThanOrEqual(MB);
    expect(opened[2]).toBeLessThan(3 * MB);
    expect(file).toMatchObject({ state: 'COMPLETED', md5: md5(data), size: data.length });

    const { stream } = await client.download('/Jotta/Archive/resumed.bin');
    expect(md5(await readAll(stream))).toBe(md5(data));
  });

  it('resumes an upload that was cancelled with an AbortSignal', async () => {
    const server = await startTestServer();
    const client = basicClient(server);
    const dir = await tempDir();
    const { data, source } = await randomFile(dir, 4 * MB);
    const controller = new AbortController();

    const first = client.upload('/Jotta/Archive/cancelled.bin', source, {
      signal: controller.signal,
      onProgress: (sent) => {
        if (sent > 2 * MB) controller.abort();
      },
    });
    await expect(first).rejects.toBeInstanceOf(OperationCanceledError);

    // The server notices the dropped request a moment later; wait until it recorded the bytes.
    let stored = 0;
    for (let i = 0; i < 100 && stored === 0; i++) {
      const half = (await client.getObject('/Jotta/Archive/cancelled.bin')) as JfsFile;
      expect(half.state).toBe('INCOMPLETE');
      stored = half.latestRevision?.size ?? 0;
      if (stored === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(stored).toBeGreaterThan(0);

    const resumedFrom: number[] = [];
    const file = await client.upload('/Jotta/Archive/cancelled.bin', {
      ...source,
      md5: md5(data),
      open: (offset, signal) => {
        resumedFrom.push(offset);
        return source.open(offset, signal);
      },
    });
    // The server may still be closing the aborted request (409, retried): every open resumes.
    expect(resumedFrom[0]).toBeGreaterThanOrEqual(stored);
    expect(resumedFrom.every((offset) => offset > 0 && offset < data.length)).toBe(true);
    expect(file).toMatchObject({ state: 'COMPLETED', md5: md5(data) });
  });

  it('reports a failing upload source as its own error, not as a network failure', async () => {
    const client = basicClient(await startTestServer());
    const broken = Object.assign(new Error('disk unreadable'), { code: 'EIO' });
    const upload = client.upload('/Jotta/Archive/broken.bin', {
      size: 100_000,
      md5: '0'.repeat(32),
      open: async () =>
        Readable.from(
          (async function* () {
            yield Buffer.alloc(1000);
            throw broken;
          })(),
        ),
    });
    await expect(upload).rejects.toThrow('disk unreadable');
    await expect(upload).rejects.not.toBeInstanceOf(TransportError);
  });

  it('reports bytes that do not match the declared MD5 as a CorruptUploadError (B03)', async () => {
    const client = basicClient(await startTestServer());
    const data = Buffer.from('these bytes are not what the MD5 says');

    const error = await client
      .upload(
        '/Jotta/Archive/corrupt.txt',
        bufferSource(data, { md5: md5(Buffer.from('x')) }).source,
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptUploadError);
    const file = (await client.getObject('/Jotta/Archive/corrupt.txt')) as JfsFile;
    expect(file.state).toBe('CORRUPT');
    expect(file.currentRevision).toBeUndefined();
  });

  it('refuses to download a folder or into a folder (B40)', async () => {
    const client = basicClient(await startTestServer());
    const dir = await tempDir();
    await client.upload('/Jotta/Archive/box/in.txt', bufferSource(Buffer.from('i')).source);

    await expect(client.downloadToFile('/Jotta/Archive/box', join(dir, 'box'))).rejects.toThrow(
      /is a folder, not a file/,
    );
    await expect(client.downloadToFile('/Jotta/Archive/box/in.txt', dir)).rejects.toThrow(
      /that is a folder/,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('downloads from an offset with a Range request', async () => {
    const client = basicClient(await startTestServer());
    const data = Buffer.from('0123456789abcdef');
    await client.upload('/Jotta/Archive/range.txt', bufferSource(data).source);

    const { stream, size } = await client.download('/Jotta/Archive/range.txt', { offset: 10 });
    expect(size).toBe(6);
    expect((await readAll(stream)).toString()).toBe('abcdef');
  });

  it('downloads an older revision', async () => {
    const client = basicClient(await startTestServer());
    const first = await client.upload(
      '/Jotta/Archive/v.txt',
      bufferSource(Buffer.from('v1')).source,
    );
    await client.upload('/Jotta/Archive/v.txt', bufferSource(Buffer.from('v2')).source);

    const number = first.currentRevision?.number as number;
    const { stream } = await client.download('/Jotta/Archive/v.txt', { revision: number });
    expect((await readAll(stream)).toString()).toBe('v1');
  });

  it('leaves no file at the target when downloadToFile is cancelled midway', async () => {
    const server = await startTestServer();
    const client = basicClient(server);
    const dir = await tempDir();
    const { source } = await randomFile(dir, 4 * MB);
    await client.upload('/Jotta/Archive/dl.bin', source);
    const out = join(dir, 'out');
    await import('node:fs/promises').then((fs) => fs.mkdir(out));

    const controller = new AbortController();
    const target = join(out, 'dl.bin');
    const attempt = client.downloadToFile('/Jotta/Archive/dl.bin', target, {
      signal: controller.signal,
      onProgress: (received) => {
        if (received > MB) controller.abort();
      },
    });
    await expect(attempt).rejects.toBeInstanceOf(OperationCanceledError);
    expect(await readdir(out)).toEqual([]);
  });

  it('refuses to download trashed and never-completed files (B36, B37)', async () => {
    const server = await startTestServer();
    const client = basicClient(server);
    const dir = await tempDir();
    await client.upload('/Jotta/Archive/gone.txt', bufferSource(Buffer.from('x')).source);
    await client.deleteFile('/Jotta/Archive/gone.txt', { permanent: false });
    await expect(
      client.downloadToFile('/Jotta/Archive/gone.txt', join(dir, 'gone.txt')),
    ).rejects.toBeInstanceOf(NotFoundError);

    const { source } = await randomFile(dir, 2 * MB);
    server.faults.add({
      method: 'POST',
      path: '/files/v1/upload/',
      resetAfterRequestBytes: MB,
      times: 10,
    });
    const short = basicClient(server, 0);
    await expect(short.upload('/Jotta/Archive/half.bin', source)).rejects.toThrow();
    server.faults.clear();
    await expect(
      client.downloadToFile('/Jotta/Archive/half.bin', join(dir, 'half.bin')),
    ).rejects.toBeInstanceOf(IncompleteUploadError);
    expect(await readdir(dir)).not.toContain('half.bin');
  });
});

describe('closing the client', () => {
  it('closes even while a download nobody reads is still open', async () => {
    const client = basicClient(await startTestServer());
    const dir = await tempDir();
    const { source } = await randomFile(dir, 4 * MB);
    await client.upload('/Jotta/Archive/abandoned.bin', source);

    const { stream } = await client.download('/Jotta/Archive/abandoned.bin');
    const failed = new Promise((resolve) => stream.on('error', resolve));
    await client.close();
    expect(await failed).toBeInstanceOf(TransportError);
  });
});
