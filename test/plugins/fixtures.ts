import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
let archives = 0;

/** A fresh temp folder, removed by the returned cleanup. */
export async function tempFolder(prefix = 'jafs-plugins-') {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes a tree: keys ending in `/` are folders, others files with the given text. */
export async function writeTree(root: string, tree: Readonly<Record<string, string | Buffer>>) {
  for (const [name, text] of Object.entries(tree)) {
    const full = path.join(root, name);
    if (name.endsWith('/')) {
      await mkdir(full, { recursive: true });
    } else {
      await mkdir(path.dirname(full), { recursive: true });
      await writeFile(full, text);
    }
  }
}

/**
 * A .tar archive of `tree` made by the system's GNU tar (a real archive, not one this project
 * wrote), in `format` (`gnu` uses long-name entries, `pax` extended headers, `ustar` prefixes).
 */
export async function makeTar(
  dir: string,
  tree: Readonly<Record<string, string | Buffer>>,
  format: 'gnu' | 'pax' | 'ustar' = 'gnu',
): Promise<string> {
  archives += 1;
  const source = path.join(dir, `source-${archives}`);
  await writeTree(source, tree);
  const archive = path.join(dir, `archive-${archives}-${format}.tar`);
  await run('tar', [`--format=${format}`, '-cf', archive, '-C', source, '.']);
  return archive;
}
