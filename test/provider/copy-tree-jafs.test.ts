import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Jottacloud } from '../../src/jfs/index.js';
import { startServer } from '../../src/server/index.js';
import { createFileSystemProvider } from '../../providers/filesystem/index.js';
import { createJottacloudProvider } from '../../providers/jottacloud/index.js';
import { ProviderEngine } from '../../src/provider/index.js';
import { navigationCmdlets } from '../../src/shell/cmdlets/navigation/index.js';
import { createShell } from '../../src/shell/index.js';
import { RecordingHost, runScript } from './jottacloud-features-shell.js';
import type { JottacloudFixture } from './jottacloud-fixture.js';

/**
 * The guarantees of Copy-Item -Recurse between the disk and JAFS: once the tree is planned from
 * one listing per side and its files go several at once, a failing file is still reported on
 * its own, leaves nothing under its name, and does not stop the others.
 */
let work: string;
let dataDir: string;
let server: Awaited<ReturnType<typeof startServer>>;
let jafs: JottacloudFixture;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'jafs-copy-tree-'));
  dataDir = await mkdtemp(join(tmpdir(), 'jafs-copy-tree-server-'));
  server = await startServer({
    dataDir,
    port: 0,
    accounts: [{ username: 'demo', password: 'pw' }],
  });
  // No retries: a broken upload fails at once instead of after the retry delays.
  const client = new Jottacloud({
    baseUrl: server.url,
    auth: { type: 'basic', username: 'demo', password: 'pw' },
    retries: 0,
  });
  jafs = { url: server.url, client } as JottacloudFixture;
});

afterAll(async () => {
  await jafs.client.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

/** Writes `files` (relative path → bytes) below a new folder of the work folder. */
async function tree(name: string, files: Record<string, Buffer>): Promise<string> {
  const root = join(work, name);
  for (const [path, bytes] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), bytes);
  }
  return root;
}

/** Names and states of the files below a JAFS: folder, from one recursive listing. */
async function storedFiles(path: string): Promise<string[]> {
  const listing = await jafs.client.listTree(path);
  return listing.folders
    .flatMap((folder) => folder.files.map((file) => `${file.name}:${file.state}`))
    .sort();
}

describe('Copy-Item -Recurse between the disk and JAFS: per-file failures', () => {
  it('reports an upload that breaks off, leaves no file under its name and copies the rest', async () => {
    const source = await tree('up', {
      'a.txt': Buffer.from('first'),
      'deep/b.txt': Buffer.from('second'),
      'deep/broken.bin': randomBytes(200_000),
    });
    const fault = server.faults.add({ path: /broken\.bin$/, resetAfterRequestBytes: 50_000 });
    try {
      const run = await runScript(jafs, `Copy-Item '${source}' JAFS:/Jotta/Archive/up -Recurse`);
      expect(run.errors).toContain('broken.bin');
    } finally {
      fault.remove();
    }

    expect(await storedFiles('/Jotta/Archive/up')).toEqual(['a.txt:COMPLETED', 'b.txt:COMPLETED']);
  });

  it('reports a folder whose name a file holds in the target and copies the rest', async () => {
    const source = await tree('mixed', {
      'sub/inner.txt': Buffer.from('inside'),
      'top.txt': Buffer.from('top'),
    });
    const first = await runScript(
      jafs,
      "New-Item JAFS:/Jotta/Archive/mixed -ItemType Directory; New-Item JAFS:/Jotta/Archive/mixed/sub -Value 'a file'",
    );
    expect(first.errors).toBe('');

    const run = await runScript(jafs, `Copy-Item '${source}' JAFS:/Jotta/Archive -Recurse`);
    expect(run.errors).toContain('a file is there');
    expect(await storedFiles('/Jotta/Archive/mixed')).toEqual([
      'sub:COMPLETED',
      'top.txt:COMPLETED',
    ]);
  });

  it('reports a file whose upload never completed and downloads the others whole', async () => {
    const good = randomBytes(30_000);
    const upload = await runScript(
      jafs,
      `Copy-Item '${await tree('down', { 'good.bin': good })}' JAFS:/Jotta/Archive -Recurse`,
    );
    expect(upload.errors).toBe('');
    const fault = server.faults.add({ path: /half\.bin$/, resetAfterRequestBytes: 50_000 });
    const half = randomBytes(200_000);
    // A body cut short leaves the file INCOMPLETE on the server (the client did not clean up).
    const broken = jafs.client.uploadBytes('/Jotta/Archive/down/half.bin', { bytes: half });
    await expect(broken).rejects.toThrow();
    fault.remove();

    const target = join(work, 'back');
    const run = await runScript(jafs, `Copy-Item JAFS:/Jotta/Archive/down '${target}' -Recurse`);
    expect(run.errors).toContain('half.bin');
    expect(await readdir(target)).toEqual(['good.bin']);
    expect((await readFile(join(target, 'good.bin'))).equals(good)).toBe(true);
  });

  it('stops on Ctrl+C between files: the command is canceled and no file is left incomplete', async () => {
    const files: Record<string, Buffer> = {};
    for (let index = 0; index < 40; index++) {
      files[`f${index % 4}/file-${index}.bin`] = randomBytes(30_000);
    }
    const source = await tree('cancel', files);
    const engine = new ProviderEngine();
    engine.registerProvider(createFileSystemProvider());
    engine.registerProvider(createJottacloudProvider({ client: jafs.client }));
    await engine.newDrive('Jottacloud', { name: 'JAFS', root: '/' });
    const controller = new AbortController();
    const host = new RecordingHost();
    let reports = 0;
    host.progress = (_id, event) => {
      if (event?.bytesDone !== undefined && ++reports === 6) controller.abort();
    };
    const shell = createShell({ host, engine, cmdlets: navigationCmdlets });

    const script = `Copy-Item '${source}' JAFS:/Jotta/Archive/cancel -Recurse`;
    await shell.run(script, { signal: controller.signal });

    expect(host.errors).toBe('Copy-Item: The operation was canceled.\n');
    const stored = await storedFiles('/Jotta/Archive/cancel');
    expect(stored.length).toBeLessThan(40);
    expect(stored.filter((entry) => !entry.endsWith(':COMPLETED'))).toEqual([]);
  });

  // Last: the client remembers the refusal for the rest of the file's tests.
  it('uploads through the allocate API when the server refuses the one-request upload', async () => {
    const files = { 'one.txt': Buffer.from('1'), 'two.txt': Buffer.from('2') };
    const source = await tree('allocate', files);
    const fault = server.faults.add({ method: 'POST', path: /one\.txt$/, status: 405 });
    const run = await runScript(jafs, `Copy-Item '${source}' JAFS:/Jotta/Archive -Recurse`);
    fault.remove();

    expect(fault.hits).toBe(1);
    expect(run.errors).toBe('');
    expect(await storedFiles('/Jotta/Archive/allocate')).toEqual([
      'one.txt:COMPLETED',
      'two.txt:COMPLETED',
    ]);
  });
});
