import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { onTestFinished } from 'vitest';

import { startServer } from '../../src/server/index.js';
import { Jottacloud, type UploadSource } from '../../src/jfs/index.js';

export type Server = Awaited<ReturnType<typeof startServer>>;

/** A temp folder removed when the current test ends. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'jafs-jfs-test-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** The real local JFS server on a free loopback port with account alice/pw, closed afterwards. */
export async function startTestServer(
  options: Partial<Parameters<typeof startServer>[0]> = {},
): Promise<Server> {
  const dataDir = await tempDir();
  const server = await startServer({
    dataDir,
    port: 0,
    accounts: [{ username: 'alice', password: 'pw' }],
    ...options,
  });
  onTestFinished(() => server.close());
  return server;
}

/** A Basic-auth client for alice with quick retries, closed afterwards. */
export function basicClient(server: Server, retries = 3): Jottacloud {
  const client = new Jottacloud({
    baseUrl: server.url,
    auth: { type: 'basic', username: 'alice', password: 'pw' },
    retries,
    timeoutMs: 10_000,
  });
  onTestFinished(() => client.close());
  return client;
}

export function md5(data: Buffer): string {
  return createHash('md5').update(data).digest('hex');
}

/** An upload source over an in-memory buffer that counts how often it was opened. */
export function bufferSource(data: Buffer, extra: Partial<UploadSource> = {}) {
  const opened: number[] = [];
  const source: UploadSource = {
    size: data.length,
    ...extra,
    async open(offset: number) {
      opened.push(offset);
      return Readable.from([data.subarray(offset)]);
    },
  };
  return { source, opened };
}

/** A file of random bytes in `dir`, read back through a stream source. */
export async function randomFile(dir: string, size: number) {
  const data = randomBytes(size);
  const file = join(dir, `random-${size}.bin`);
  await writeFile(file, data);
  const opened: number[] = [];
  const source: UploadSource = {
    size,
    async open(offset: number) {
      opened.push(offset);
      return createReadStream(file, { start: offset, highWaterMark: 64 * 1024 });
    },
  };
  return { data, file, source, opened };
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
