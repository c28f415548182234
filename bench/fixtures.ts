import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A file of random bytes (incompressible, and no two runs dedupe against each other). */
export async function makeBigFile(path: string, mib: number): Promise<void> {
  const out = createWriteStream(path);
  const chunk = randomBytes(1 << 20);
  for (let index = 0; index < mib; index++) {
    // Vary each MiB a little so no block repeats; cheaper than fresh random bytes for each.
    chunk.writeUInt32LE(index, 0);
    if (!out.write(chunk)) await new Promise<void>((resume) => out.once('drain', () => resume()));
  }
  await new Promise<void>((done, fail) =>
    out.end((error?: Error | null) => (error ? fail(error) : done())),
  );
}

/**
 * Writes `tag` over the first bytes of each file: new content (and MD5) for the next upload run
 * without rewriting the file, because the server deduplicates by MD5 across the account.
 */
export async function retag(paths: readonly string[], tag: string): Promise<void> {
  for (const [index, path] of paths.entries()) {
    const bytes = Buffer.from(`${tag}:${index}`.padEnd(24, '.').slice(0, 24));
    const handle = await open(path, 'r+');
    await handle.write(bytes, 0, bytes.length, 0);
    await handle.close();
  }
}

/**
 * `count` files of 1–64 KiB spread over folders three levels deep (a/b/c), as a backup of a
 * source tree might look. Returns the file paths.
 */
export async function makeSmallFiles(root: string, count: number): Promise<string[]> {
  const paths: string[] = [];
  const pool = randomBytes(64 * 1024);
  for (let index = 0; index < count; index++) {
    const folder = join(root, `d${index % 4}`, `e${index % 7}`, `f${index % 5}`);
    const size = 1024 + ((index * 7919) % (63 * 1024));
    await mkdir(folder, { recursive: true });
    const path = join(folder, `file-${index}.dat`);
    await writeFile(path, pool.subarray(0, size));
    paths.push(path);
  }
  await retag(paths, 'seed');
  return paths;
}
