import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JAFS_BIN } from './helpers.js';

/** A stand-in CLI entry that says which file it is and passes the arguments through. */
const entry = (name: string) =>
  `export async function main(argv) { process.stdout.write('${name} ' + argv.join(' ')); return 3; }\n`;

describe('bin/jafs.js picks its entry point', () => {
  let root: string;
  const bundle = () => join(root, 'dist/src/cli-bundle/main.js');
  const compiled = () => join(root, 'dist/src/cli/main.js');
  const run = () =>
    spawnSync(process.execPath, [join(root, 'bin/jafs.js'), '-c', 'x'], { encoding: 'utf8' });

  beforeEach(async () => {
    // A copy of the launcher in a tree of its own, so the real dist/ is never touched.
    root = await mkdtemp(join(tmpdir(), 'jafs-bin-'));
    await mkdir(join(root, 'bin'));
    await mkdir(join(root, 'dist/src/cli'), { recursive: true });
    await copyFile(JAFS_BIN, join(root, 'bin/jafs.js'));
    await writeFile(join(root, 'package.json'), '{"type":"module"}\n');
    await writeFile(compiled(), entry('compiled'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('runs the compiled CLI when there is no bundle', () => {
    const result = run();
    expect(result.stdout).toBe('compiled -c x');
    expect(result.status).toBe(3);
  });

  it('runs the bundle while it is at least as new as the compiled files', async () => {
    await mkdir(join(root, 'dist/src/cli-bundle'));
    await writeFile(bundle(), entry('bundle'));
    await utimes(compiled(), new Date(1_000_000), new Date(1_000_000));
    expect(run().stdout).toBe('bundle -c x');
  });

  it('runs the compiled CLI when tsc wrote it after the bundle was made', async () => {
    await mkdir(join(root, 'dist/src/cli-bundle'));
    await writeFile(bundle(), entry('bundle'));
    await utimes(bundle(), new Date(1_000_000), new Date(1_000_000));
    expect(run().stdout).toBe('compiled -c x');
  });
});
