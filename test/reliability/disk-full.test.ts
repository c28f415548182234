import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JAFS_BIN, runJafs, tempHome } from '../e2e/helpers.js';

/**
 * A download onto a full disk: a 1 MiB tmpfs (needs permission to mount; the tests are skipped
 * without it) and a file-size limit (`ulimit -f`). The target file keeps its old content.
 */
const run = promisify(execFile);
let home: { home: string; cleanup(): Promise<void> };
let full: string;
let mounted = false;

beforeAll(async () => {
  home = await tempHome();
  await writeFile(join(home.home, 'big.bin'), randomBytes(3_000_000));
  const upload = await runJafs(['-c', 'Copy-Item ./big.bin JAFS:\\Jotta\\Archive\\big.bin'], {
    home: home.home,
  });
  expect(upload.stderr).toBe('');

  full = join(home.home, 'full');
  await mkdir(full);
  mounted = await run('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', full]).then(
    () => true,
    () => false,
  );
  await writeFile(join(full, 'big.bin'), 'old');
}, 30_000);

afterAll(async () => {
  if (mounted) await run('umount', [full]);
  await home?.cleanup();
});

describe('download onto a full disk (1 MiB tmpfs)', () => {
  it('Copy-Item fails with a clear message, the old file stays, no partial file is left', async (ctx) => {
    if (!mounted) ctx.skip();
    const result = await runJafs(
      ['-c', 'Copy-Item JAFS:\\Jotta\\Archive\\big.bin ./full/big.bin -Force -ErrorAction Stop'],
      { home: home.home },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not enough space/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await readFile(join(full, 'big.bin'), 'utf8')).toBe('old');
    expect(await readdir(full)).toEqual(['big.bin']);
  }, 30_000);

  it('Sync-Item reports the item as failed and leaves the old file', async (ctx) => {
    if (!mounted) ctx.skip();
    const result = await runJafs(['-c', 'Sync-Item JAFS:\\Jotta\\Archive ./full'], {
      home: home.home,
    });
    expect(result.stdout).toMatch(/Failed\s+: 1/);
    expect(result.stderr).toMatch(/not enough space/);
    expect(await readFile(join(full, 'big.bin'), 'utf8')).toBe('old');
    expect(await readdir(full)).toEqual(['big.bin']);
  }, 30_000);
});

/** Runs jafs -c `command` in bash under `ulimit -f 1024` (1 MiB); resolves how it ended. */
function underFileSizeLimit(command: string) {
  const script = `ulimit -f 1024; exec "$0" "$1" -c "$2"`;
  return new Promise<{ code: number | null; signal: string | null; stderr: string }>((done) => {
    const child = spawn('bash', ['-c', script, process.execPath, JAFS_BIN, command], {
      cwd: home.home,
      env: { ...process.env, JAFS_HOME: home.home, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code, signal) => done({ code, signal, stderr }));
  });
}

describe('download over a file-size limit (ulimit -f)', () => {
  // SIGXFSZ at its default would kill jafs mid-write, leaving a 1 MiB `.jafs-part` behind; jafs
  // handles it (bin/jafs.js), so the write fails with EFBIG and is reported like a full disk.
  it('Copy-Item fails with a clear message, the old file stays, no partial file', async () => {
    const target = join(home.home, 'limited');
    await mkdir(target);
    await writeFile(join(target, 'big.bin'), 'old');

    const result = await underFileSizeLimit(
      'Copy-Item JAFS:\\Jotta\\Archive\\big.bin ./limited/big.bin -Force -ErrorAction Stop',
    );

    expect(result.signal).toBeNull();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Copy-Item: .*larger than the file size limit allows/m);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await readFile(join(target, 'big.bin'), 'utf8')).toBe('old');
    expect(await readdir(target)).toEqual(['big.bin']);
  }, 30_000);

  it('Sync-Item counts the item as failed and goes on with the others', async () => {
    const target = join(home.home, 'limited-sync');
    await mkdir(target);

    const result = await underFileSizeLimit('Sync-Item JAFS:\\Jotta\\Archive ./limited-sync');

    expect(result.signal).toBeNull();
    expect(result.stderr).toMatch(/larger than the file size limit allows/);
    expect(result.stderr).toMatch(/finished with 1 failed item\b/);
    expect(await readdir(target)).toEqual([]);
  }, 30_000);
});
