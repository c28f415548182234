import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTree, startStack, type Stack } from './fixture.js';

/**
 * Remote entries named `.` or `..` (planted in the server's database, as a hostile or buggy
 * service could send them) cannot be synced: each must cost exactly one error, and every other
 * file of the same folder, and of the folders beside it, must still arrive. A name with a `/`
 * in it is left out of the listing with a warning.
 */
let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

const ROOT = '/Jotta/Archive/dots';

/** Files (with their bytes) and folders (ending in `/`) made under ROOT before the renames. */
const TREE: Record<string, string> = {
  'good1.txt': 'one',
  'good2.txt': 'two',
  PLANT_DOT_FILE: 'becomes .',
  'PLANT_DOTDOT_DIR/': '',
  'PLANT_DOTDOT_DIR/inner.txt': 'below ..',
  'sub/': '',
  'sub/in.txt': 'in sub',
  'sub/PLANT_DOT_DIR/': '',
  'sub/PLANT_DOT_DIR/deep.txt': 'below sub/.',
  'sub/PLANT_DOTDOT_FILE': 'becomes sub/..',
  'sub/PLANT_SLASH_FILE': 'becomes sub/x/y',
  'zz.txt': 'last',
};

const RENAMES = {
  PLANT_DOT_FILE: '.',
  PLANT_DOTDOT_DIR: '..',
  PLANT_DOT_DIR: '.',
  PLANT_DOTDOT_FILE: '..',
  PLANT_SLASH_FILE: 'x/y',
};

/** What must arrive: every file no hostile name is on the way to. */
const SYNCED = ['good1.txt one', 'good2.txt two', 'sub/', 'sub/in.txt in sub', 'zz.txt last'];

async function plantTree(): Promise<void> {
  for (const [name, text] of Object.entries(TREE)) {
    const path = `${ROOT}/${name}`.replace(/\/$/, '');
    if (name.endsWith('/')) {
      await stack.client.createFolder(path);
      continue;
    }

    const data = Buffer.from(text);
    await stack.client.upload(path, { size: data.length, open: async () => Readable.from([data]) });
  }

  // Behind the server's back: it validates names only on the way in.
  const db = new Database(join(stack.dataDir, 'metadata.sqlite'));
  try {
    const rename = db.prepare('UPDATE nodes SET name = ?, name_key = ? WHERE name = ?');
    for (const [placeholder, hostile] of Object.entries(RENAMES)) {
      expect(rename.run(hostile, hostile, placeholder).changes).toBe(1);
    }
  } finally {
    db.close();
  }
}

/** The local tree as `path text` lines (folders as `path/`). */
async function localTree(root: string): Promise<string[]> {
  const entries = await snapshotTree(root);
  return entries.map((entry) => {
    const [path, , base64] = entry.split(' ');
    return base64 === undefined ? path : `${path} ${Buffer.from(base64, 'base64').toString()}`;
  });
}

const errorLines = (errors: string) =>
  errors.split('\n').filter((line) => line.startsWith('Sync-Item: '));

/** The part of a JFS folder listing these tests read. */
interface Listing {
  folders?: { name: string; deleted?: string }[];
  files?: { name: string; deleted?: string }[];
}

const SOURCE = 'JAFS:\\Jotta\\Archive\\dots';

/** One error line per hostile entry (and subtree), sorted. */
function refusals(errors: string): string[] {
  return errorLines(errors)
    .filter((line) => line.includes('cannot be a file or folder name'))
    .map((line) => line.replace(/^Sync-Item: Cannot sync '([^']*)'.*$/, '$1'))
    .sort();
}

const ALL_REFUSED = [`${SOURCE}\\.`, `${SOURCE}\\..`, `${SOURCE}\\sub\\.`, `${SOURCE}\\sub\\..`];

describe('Sync-Item with entries named . and .. on the service', () => {
  beforeAll(plantTree);

  it('from JAFS: skips each with one error and syncs every other file of its folder', async () => {
    const parent = join(stack.local, 'down');
    const target = join(parent, 'local');
    await mkdir(target, { recursive: true });

    const run = await stack.run(`Sync-Item -LiteralPath '${SOURCE}' '${target}'`);

    expect(await localTree(target)).toEqual(SYNCED);
    expect(await readdir(parent)).toEqual(['local']);
    expect(refusals(run.errors)).toEqual(ALL_REFUSED);
    expect(errorLines(run.errors)).toHaveLength(5);
    expect(run.errors).toMatch(/finished with 4 failed items/);
    expect(run.output).toMatch(/Copied\s+: 4\b/);
    expect(run.output).toMatch(/Failed\s+: 4\b/);
    // A name with a separator never reaches the sync as an item: the listing says it left it out.
    expect(run.host.warnings).toEqual([
      "'x/y' in 'JAFS:\\Jotta\\Archive\\dots\\sub' is left out: a name with a path separator in it " +
        'cannot be addressed. Rename it where it is stored.',
    ]);
  });

  it('a second run with -Delete skips what arrived and refuses the same entries again', async () => {
    const target = join(stack.local, 'down', 'local');

    const run = await stack.run(`Sync-Item -LiteralPath '${SOURCE}' '${target}' -Delete`);

    expect(await localTree(target)).toEqual(SYNCED);
    expect(refusals(run.errors)).toEqual(ALL_REFUSED);
    expect(run.output).toMatch(/Copied\s+: 0\b/);
    expect(run.output).toMatch(/Skipped\s+: 4\b/);
    expect(run.output).toMatch(/Deleted\s+: 0\b/);
  });

  it('to JAFS: leaves them alone, and -Delete reports the ones it cannot remove', async () => {
    const source = join(stack.local, 'up');
    await mkdir(source);
    await writeFile(join(source, 'good1.txt'), 'one');
    await writeFile(join(source, 'good2.txt'), 'two, changed');

    const plain = await stack.run(`Sync-Item '${source}' -Destination '${SOURCE}'`);
    expect(plain.errors).toBe('');
    expect(plain.output).toMatch(/Updated\s+: 1\b/);

    // `sub` is not in the source: it goes whole, its hostile entries with it.
    const mirror = await stack.run(`Sync-Item '${source}' -Destination '${SOURCE}' -Delete`);
    expect(refusals(mirror.errors)).toEqual([`${SOURCE}\\.`, `${SOURCE}\\..`]);
    expect(mirror.output).toMatch(/Deleted\s+: 2\b/);
    expect(mirror.output).toMatch(/Failed\s+: 2\b/);
    const folder = (await stack.client.getObject('/Jotta/Archive/dots')) as unknown as Listing;
    const live = [...(folder.folders ?? []), ...(folder.files ?? [])].filter((i) => !i.deleted);
    expect(live.map((item) => item.name).sort()).toEqual(['.', '..', 'good1.txt', 'good2.txt']);
  });
});
