import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JAFS_BIN, runJafs, tempHome } from '../e2e/helpers.js';
import { startStack, type Stack } from './fixture.js';

/**
 * kill -9 of the CLI in the middle of `Copy-Item -Recurse JAFS:… ./out`, against a local JFS
 * server this test runs: no file may sit under a target name unless it is whole (temporary
 * `.jafs-part` files may stay), and a second run completes and leaves the finished files alone.
 * The last file's download is held on the server, so the kill always lands mid-run.
 */
let stack: Stack;
let home: { home: string; cleanup(): Promise<void> };
const REMOTE = '/Jotta/Archive/tree';
const FILES: Record<string, Buffer> = {
  'a.bin': randomBytes(3 * 1024 * 1024),
  'b.bin': randomBytes(3 * 1024 * 1024 + 1),
  'c.bin': randomBytes(3 * 1024 * 1024 + 2),
  'sub/d.bin': randomBytes(2 * 1024 * 1024),
  'sub/e.txt': Buffer.from('small'),
  'z-last.bin': randomBytes(1024 * 1024),
};

beforeAll(async () => {
  stack = await startStack();
  home = await tempHome();
  for (const [name, bytes] of Object.entries(FILES)) {
    if (name.includes('/')) await stack.client.createFolder(`${REMOTE}/sub`);
    await stack.client.upload(`${REMOTE}/${name}`, {
      size: bytes.length,
      open: async () => Readable.from([bytes]),
    });
  }

  const token = stack.server.issueLoginToken('demo');
  const login = await runJafs(['login', '--token', token, '--server', stack.server.url], {
    home: home.home,
  });
  expect(login.code).toBe(0);
}, 60_000);

afterAll(async () => {
  await stack?.close();
  await home?.cleanup();
});

/** Every file below `root`, as paths relative to it with `/`, sorted. */
async function filesBelow(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

const isTemporary = (path: string) => /(^|\/)\.[^/]*\.jafs-part$/.test(path);
const isWhole = (path: string) => !isTemporary(path);

const COPY = `Copy-Item -Recurse -LiteralPath 'JAFS:\\Jotta\\Archive\\tree' -Destination ./out`;

describe('kill -9 of jafs during a folder download', () => {
  it('leaves only whole files under target names, and a rerun completes around them', async () => {
    await mkdir(join(home.home, 'out'));
    const target = join(home.home, 'out', 'tree');
    const held = stack.server.faults.add({
      method: 'GET',
      path: /\/tree\/z-last\.bin$/,
      delayMs: 20_000,
      times: 10,
    });

    const child = spawn(process.execPath, [JAFS_BIN, '-c', COPY], {
      cwd: home.home,
      env: { ...process.env, JAFS_HOME: home.home, NO_COLOR: '1' },
      stdio: 'ignore',
    });
    const ended = new Promise<NodeJS.Signals | null>((done) =>
      child.on('close', (_code, signal) => done(signal)),
    );
    // Kill once the held file is asked for and the first file has landed: the folder's other
    // files are done or under way, and the held one keeps the run from finishing.
    const landed = async () => (await filesBelow(target).catch(() => [])).some(isWhole);
    while (held.hits === 0 || !(await landed())) {
      if (child.exitCode !== null) throw new Error('jafs ended before the held download');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGKILL');
    expect(await ended).toBe('SIGKILL');
    held.remove();

    const left = await filesBelow(target);
    const whole = left.filter(isWhole);
    expect(whole).not.toContain('z-last.bin');
    for (const path of whole) {
      expect(Object.keys(FILES)).toContain(path);
      expect((await readFile(join(target, path))).equals(FILES[path])).toBe(true);
    }
    expect(whole.length).toBeGreaterThan(0);
    const before = new Map<string, { ino: number; ctimeMs: number }>();
    for (const path of whole) {
      const { ino, ctimeMs } = await stat(join(target, path));
      before.set(path, { ino, ctimeMs });
    }

    const rerun = await runJafs(['-c', COPY], { home: home.home });
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);

    const after = (await filesBelow(target)).filter(isWhole);
    expect(after).toEqual(Object.keys(FILES).sort());
    for (const path of after) {
      expect((await readFile(join(target, path))).equals(FILES[path])).toBe(true);
    }
    // The files finished before the kill were skipped as identical, not written again.
    for (const [path, first] of before) {
      const now = await stat(join(target, path));
      expect({ path, ino: now.ino, ctimeMs: now.ctimeMs }).toEqual({ path, ...first });
    }
  }, 60_000);
});
