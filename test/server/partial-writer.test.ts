import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PartialWriter } from '../../src/server/store/partial-writer.js';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** Feeds `content` to a writer in chunks of the given sizes (cycled); returns what it saw. */
async function feed(
  content: Buffer,
  sizes: number[],
  { start = 0, prefix = Buffer.alloc(0), paceEvery = 16 } = {},
) {
  const dir = await mkdtemp(join(tmpdir(), 'jafs-partial-'));
  folders.push(dir);
  const path = join(dir, 'part');
  const file = await open(path, 'w');
  await file.write(prefix, 0, prefix.length, 0);
  const checkpoints: { count: number; onDisk: number }[] = [];
  const writer = new PartialWriter(file, start, (count) =>
    checkpoints.push({ count, onDisk: statSync(path).size - start }),
  );

  for (let offset = 0, i = 0; offset < content.length; i += 1) {
    const size = sizes[i % sizes.length];
    await writer.add(content.subarray(offset, offset + size));
    offset += size;
    // A slow sender now and then, so checkpoints get their turn.
    if (i % paceEvery === 0) await new Promise((r) => setTimeout(r, 2));
  }
  await writer.finish();
  await file.close();
  return { written: writer.written, checkpoints, bytes: await readFile(path) };
}

describe('PartialWriter', () => {
  it('writes every byte in order, whatever the chunk sizes', async () => {
    const content = randomBytes(5 * 1024 * 1024 + 123);
    const result = await feed(content, [1, 65536, 7, 3 * 1024 * 1024, 0, 4096, 1024 * 1024 - 1]);
    expect(result.written).toBe(content.length);
    expect(result.bytes.equals(content)).toBe(true);
  });

  it('records only bytes already on disk, growing, and the first MiB early', async () => {
    const content = randomBytes(6 * 1024 * 1024);
    const { checkpoints } = await feed(content, [64 * 1024], { paceEvery: 1 });
    expect(checkpoints.length).toBeGreaterThan(0);
    expect(checkpoints[0].count).toBeLessThanOrEqual(2 * 1024 * 1024);
    for (const [i, point] of checkpoints.entries()) {
      expect(point.count).toBeLessThanOrEqual(point.onDisk);
      if (i > 0) expect(point.count).toBeGreaterThan(checkpoints[i - 1].count);
    }
  });

  it('continues a resumed upload at its offset, keeping the bytes before it', async () => {
    const prefix = randomBytes(1000);
    const rest = randomBytes(2 * 1024 * 1024);
    const { written, bytes } = await feed(rest, [50_000], { start: prefix.length, prefix });
    expect(written).toBe(rest.length);
    expect(bytes.equals(Buffer.concat([prefix, rest]))).toBe(true);
  });
});
