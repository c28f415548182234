import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Jottacloud } from '../../src/jfs/index.js';
import { startServer } from '../../src/server/index.js';
import { runScript } from './jottacloud-features-shell.js';
import type { JottacloudFixture } from './jottacloud-fixture.js';

/**
 * Copy-Item -Recurse of many small files must cost about one request per file each way, as
 * counted by the server: the regression guard of the small-files benchmark (issue #10). The
 * fixed cost per command (resolving the paths, one listing per tree, the root folder) is
 * allowed on top, and nothing per folder.
 */
const FILES = 40;
const FOLDERS = ['alpha', 'beta/gamma', 'delta'];
/** Requests a command may make besides one per file (path resolution, listings, the root). */
const FIXED = 8;

let work: string;
let dataDir: string;
let server: Awaited<ReturnType<typeof startServer>>;
let jafs: JottacloudFixture;
const requests: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'jafs-copy-requests-'));
  dataDir = await mkdtemp(join(tmpdir(), 'jafs-copy-requests-server-'));
  server = await startServer({
    dataDir,
    port: 0,
    accounts: [{ username: 'demo', password: 'pw' }],
    log: (line) => {
      if (!line.startsWith('error')) requests.push(line);
    },
  });
  const client = new Jottacloud({
    baseUrl: server.url,
    auth: { type: 'basic', username: 'demo', password: 'pw' },
  });
  jafs = { url: server.url, client } as JottacloudFixture;

  for (let index = 0; index < FILES; index++) {
    const folder = join(work, 'small', FOLDERS[index % FOLDERS.length]);
    await mkdir(folder, { recursive: true });
    const bytes = Buffer.alloc(1000 + index * 37, `file ${index};`);
    await writeFile(join(folder, `file-${index}.dat`), bytes);
  }
  await mkdir(join(work, 'small', 'empty'));
});

afterAll(async () => {
  await jafs.client.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs `script` and returns the requests the server answered meanwhile. */
async function counted(script: string): Promise<string[]> {
  const before = requests.length;
  const run = await runScript(jafs, script);
  expect(run.errors).toBe('');
  return requests.slice(before);
}

async function filesBelow(root: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    found.set(
      relative(root, full),
      createHash('md5')
        .update(await readFile(full))
        .digest('hex'),
    );
  }
  return found;
}

describe('Copy-Item -Recurse of small files, requests per file', () => {
  it('uploads with one request per file and no request per folder', async () => {
    const made = await counted(`Copy-Item '${work}/small' JAFS:/Jotta/Archive/small -Recurse`);

    // The server logs paths without their query: a file's path appears once, as its upload.
    const files = made.filter((line) => line.includes('.dat '));
    expect(files.filter((line) => /^POST \S+\.dat 201$/.test(line))).toHaveLength(FILES);
    expect(files).toHaveLength(FILES);
    expect(made.length).toBeLessThanOrEqual(FILES + FIXED);
  });

  it('downloads with one request per file after one listing of the tree', async () => {
    const made = await counted(`Copy-Item JAFS:/Jotta/Archive/small '${work}/back' -Recurse`);

    // One GET per file (its bytes, no metadata read first); the tree came from one listing.
    const files = made.filter((line) => line.includes('.dat '));
    expect(files.filter((line) => /^GET \S+\.dat 200$/.test(line))).toHaveLength(FILES);
    expect(files).toHaveLength(FILES);
    expect(made.length).toBeLessThanOrEqual(FILES + FIXED);
    expect(await filesBelow(join(work, 'back'))).toEqual(await filesBelow(join(work, 'small')));
    expect(await readdir(join(work, 'back', 'empty'))).toEqual([]);
  });

  it('skips identical files again from one listing of the target, without a request per file', async () => {
    const up = await counted(`Copy-Item '${work}/small' JAFS:/Jotta/Archive -Recurse -Force`);
    const down = await counted(`Copy-Item JAFS:/Jotta/Archive/small '${work}' -Recurse`);

    expect(up.length).toBeLessThanOrEqual(FIXED);
    expect(down.length).toBeLessThanOrEqual(FIXED);
  });
});
