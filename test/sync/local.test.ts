import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSystemProvider } from '../../providers/filesystem/index.js';
import { ProviderEngine } from '../../src/provider/index.js';
import { runSync, writeTree } from './helpers.js';

let dir: string;
let engine: ProviderEngine;
const then = new Date('2023-01-02T03:04:05Z');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jafs-sync-local-'));
  engine = new ProviderEngine();
  engine.registerProvider(createFileSystemProvider());
  await engine.setLocation(dir);
  await writeTree(join(dir, 'src'), { 'a.txt': 'aaaa', 'b/c.txt': 'cc', '.hidden': 'h' }, then);
});

afterEach(() => rm(dir, { recursive: true, force: true }));

const sync = (extra: Record<string, unknown> = {}) =>
  runSync(engine, { Path: 'src', Destination: 'dst', ...extra });

describe('Sync-Item between two local folders (no store knows an MD5)', () => {
  it('copies dot files too and keeps modification times', async () => {
    const run = await sync();
    expect(run.errors).toEqual([]);
    expect(run.summary).toMatchObject({ Copied: 3, Bytes: 4 + 2 + 1 });
    expect(await readFile(join(dir, 'dst/.hidden'), 'utf8')).toBe('h');
    expect((await stat(join(dir, 'dst/b/c.txt'))).mtime.getTime()).toBe(then.getTime());
  });

  it('takes equal size and mtime as unchanged, and hashes both sides when the times differ', async () => {
    await sync();

    // Touched but identical: both sides are hashed, nothing is copied.
    const later = new Date('2024-01-01T00:00:00Z');
    await utimes(join(dir, 'src/a.txt'), later, later);
    expect((await sync()).summary).toMatchObject({ Updated: 0, Skipped: 3 });

    // Changed with the same size: the new time sends it to hashing, which finds the change.
    await writeFile(join(dir, 'src/b/c.txt'), 'CC');
    const changed = await sync();
    expect(changed.summary).toMatchObject({ Updated: 1, Skipped: 2, Bytes: 2 });
    expect(await readFile(join(dir, 'dst/b/c.txt'), 'utf8')).toBe('CC');
  });

  it('deletes a folder missing from the source in one remove, counting what was in it', async () => {
    await sync();
    await writeTree(join(dir, 'dst'), { 'old/x.txt': 'xx', 'old/deeper/y.txt': 'yyy' });
    const run = await sync({ Delete: true });
    expect(run.summary).toMatchObject({ Deleted: 1, Skipped: 3 });
    await expect(stat(join(dir, 'dst/old'))).rejects.toThrow();
  });

  it('refuses -ThrottleLimit 0', async () => {
    const run = await sync({ ThrottleLimit: 0 });
    expect((run.thrown as Error).message).toBe(
      'Cannot use -ThrottleLimit 0: give a whole number of 1 or more.',
    );
  });
});
