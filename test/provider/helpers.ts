import { mkdtemp, mkdir, rm, writeFile, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ProviderEngine } from '../../src/provider/index.js';
import { createFileSystemProvider } from '../../providers/filesystem/index.js';

/** A fresh temp folder, removed by the returned cleanup. */
export async function tempFolder(
  prefix = 'jafs-provider-',
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** An engine with the file system registered, located in `dir`. */
export async function fileSystemEngine(dir: string): Promise<ProviderEngine> {
  const engine = new ProviderEngine();
  engine.registerProvider(createFileSystemProvider());
  await engine.setLocation(dir);
  return engine;
}

/** Writes a tree: keys ending in `/` are folders, others files with the given text. */
export async function makeTree(root: string, tree: Record<string, string>): Promise<void> {
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

export async function setMtime(file: string, date: Date): Promise<void> {
  await utimes(file, date, date);
}

/** Collects an async iterable. */
export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of source) out.push(value);
  return out;
}
