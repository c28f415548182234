import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { OperationCanceledError } from '../../src/core/errors.js';
import { EMPTY_MD5, JfsError, type JfsFile, type UploadSource } from '../../src/jfs/index.js';
import { md5OfFile } from '../../src/jfs/hashing.js';
import { basicClient, md5, readAll, startTestServer, tempDir } from './helpers.js';

const MB = 1024 * 1024;

/** A local file of random bytes as an upload source that names the file; `open` must not run. */
async function localFileSource(size: number, extra: Partial<UploadSource> = {}) {
  const dir = await tempDir();
  const data = randomBytes(size);
  const file = join(dir, `local-${size}.bin`);
  await writeFile(file, data);
  const source: UploadSource = {
    size,
    localFile: file,
    open: () => Promise.reject(new Error('a local file is read directly, not through open()')),
    ...extra,
  };
  return { data, file, source };
}

describe('uploads of a local file (reused buffers)', () => {
  it('hashes a file like a stream would, across chunk boundaries and when empty', async () => {
    const { data, file } = await localFileSource(2 * MB + 17);
    expect(await md5OfFile(file)).toEqual({ md5: md5(data), size: data.length });

    const empty = await localFileSource(0);
    expect(await md5OfFile(empty.file)).toEqual({ md5: EMPTY_MD5, size: 0 });
  });

  it('uploads more chunks than it has buffers, byte for byte (the server checks the MD5)', async () => {
    const client = basicClient(await startTestServer());
    const { data, source } = await localFileSource(7 * MB + 123);
    const progress: number[] = [];

    const file = await client.upload('/Jotta/Archive/local.bin', source, {
      onProgress: (sent) => progress.push(sent),
    });
    expect(file).toMatchObject({ state: 'COMPLETED', size: data.length, md5: md5(data) });
    expect(progress.at(-1)).toBe(data.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const { stream } = await client.download('/Jotta/Archive/local.bin');
    expect(md5(await readAll(stream))).toBe(md5(data));
  });

  it('resumes from resume_pos after the connection drops mid-upload (B05)', async () => {
    const server = await startTestServer();
    const client = basicClient(server);
    const { data, source } = await localFileSource(3 * MB);
    const reset = server.faults.add({
      method: 'POST',
      path: '/files/v1/upload/',
      resetAfterRequestBytes: MB,
    });
    const starts: number[] = [];
    let last = -1;

    const file = await client.upload('/Jotta/Archive/resumed.bin', source, {
      onProgress: (sent) => {
        if (sent < last) starts.push(sent);
        last = sent;
      },
    });
    expect(reset.hits).toBe(1);
    expect(starts).toHaveLength(1);
    expect(starts[0]).toBeGreaterThanOrEqual(MB);
    expect(starts[0]).toBeLessThan(3 * MB);
    expect(file).toMatchObject({ state: 'COMPLETED', md5: md5(data), size: data.length });
  });

  it('stops on an AbortSignal and resumes from what the server kept', async () => {
    const client = basicClient(await startTestServer());
    const { data, source } = await localFileSource(6 * MB);
    const controller = new AbortController();

    const first = client.upload('/Jotta/Archive/cancelled.bin', source, {
      signal: controller.signal,
      onProgress: (sent) => {
        if (sent > 2 * MB) controller.abort();
      },
    });
    await expect(first).rejects.toBeInstanceOf(OperationCanceledError);

    let stored = 0;
    for (let i = 0; i < 100 && stored === 0; i++) {
      const half = (await client.getObject('/Jotta/Archive/cancelled.bin')) as JfsFile;
      stored = half.latestRevision?.size ?? 0;
      if (stored === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(stored).toBeGreaterThan(0);

    let resumedAt: number | undefined;
    const file = await client.upload('/Jotta/Archive/cancelled.bin', source, {
      onProgress: (sent) => void (resumedAt ??= sent),
    });
    expect(resumedAt).toBeGreaterThan(0);
    expect(file).toMatchObject({ state: 'COMPLETED', md5: md5(data) });
  });

  it('fails with its own message when the file is shorter than the size declared', async () => {
    const client = basicClient(await startTestServer());
    const { data, source } = await localFileSource(2 * MB);

    const upload = client.upload('/Jotta/Archive/short.bin', {
      ...source,
      size: data.length + 1000,
      md5: md5(Buffer.concat([data, Buffer.alloc(1000)])),
    });
    await expect(upload).rejects.toBeInstanceOf(JfsError);
    await expect(upload).rejects.toThrow(/became shorter while it was read/);
  });
});
