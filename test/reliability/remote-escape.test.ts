import { mkdir, readdir } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTree, startStack, type Stack } from './fixture.js';

/**
 * A remote name must never make a download write outside its target folder. The local server
 * refuses such names (first block); to test the client's own defence anyway, names are planted
 * in the server's database behind its back, as a hostile or buggy service could send them.
 */
let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

const BASIC = `Basic ${Buffer.from('demo:pw').toString('base64')}`;

/** A POST with the path sent byte for byte (fetch would resolve `%2E%2E` before sending). */
function rawPost(path: string): Promise<number> {
  const { hostname, port } = new URL(stack.server.url);
  return new Promise((done, fail) => {
    const req = request({
      hostname,
      port,
      path,
      method: 'POST',
      headers: { authorization: BASIC },
    });
    req.on('response', (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('the server refuses names that are not names', () => {
  it.each(['%2E%2E', '%2E', 'a%2Fb', 'nul%00byte'])('mkDir of %s is refused', async (raw) => {
    await stack.client.createFolder('/Jotta/Archive/refusals');
    const status = await rawPost(`/jfs/demo/Jotta/Archive/refusals/${raw}?mkDir=true`);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    const listing = await stack.client.getObject('/Jotta/Archive/refusals');
    expect(JSON.stringify(listing)).not.toMatch(/"name":"(\.\.?|a\/b|nul.*byte)"/);
  });
});

/** Uploads `count` small files under `folder` named `PLANT<i>`; returns their names. */
async function plant(folder: string, renames: Record<string, string>): Promise<void> {
  await stack.client.createFolder(folder);
  for (const placeholder of Object.keys(renames)) {
    const data = Buffer.from(`planted ${placeholder}`);
    await stack.client.upload(`${folder}/${placeholder}`, {
      size: data.length,
      open: async () => Readable.from([data]),
    });
  }

  // Rename behind the server's back: the server validates names only on the way in.
  const db = new Database(join(stack.dataDir, 'metadata.sqlite'));
  try {
    const rename = db.prepare('UPDATE nodes SET name = ?, name_key = ? WHERE name = ?');
    for (const [placeholder, hostile] of Object.entries(renames)) {
      expect(rename.run(hostile, hostile.toLowerCase(), placeholder).changes).toBe(1);
    }
  } finally {
    db.close();
  }
}

const HOSTILE = {
  PLANTDOTDOT: '..',
  PLANTDOT: '.',
  PLANTSLASH: '../../escaped.txt',
  PLANTABS: '/tmp/escaped-absolute.txt',
  PLANTSUB: 'a/b',
  PLANTBACK: '..\\..\\escaped-back.txt',
};

async function sandbox(name: string) {
  const parent = join(stack.local, name);
  const target = join(parent, 'local');
  await mkdir(target, { recursive: true });
  return { parent, target };
}

describe('downloads stay inside their target folder', () => {
  // Planted before any listing: the provider caches listings for a while.
  beforeAll(async () => {
    await plant('/Jotta/Archive/evil1', HOSTILE);
    await plant('/Jotta/Archive/evil2', HOSTILE);
  });

  it('Copy-Item -Recurse of a folder with planted names writes only inside ./local', async () => {
    const { parent, target } = await sandbox('copy');
    const before = await snapshotTree(parent);
    const tmpBefore = await readdir('/tmp');

    const run = await stack.run(
      `Copy-Item -LiteralPath 'JAFS:\\Jotta\\Archive\\evil1' -Destination '${target}' -Recurse`,
    );

    const after = await snapshotTree(parent);
    const added = after.filter((entry) => !before.includes(entry));
    for (const entry of added) expect(entry.startsWith('local/')).toBe(true);
    expect(run.errors).toMatch(/contains "\.\.", which JFS cannot address/);
    expect(run.errors).toMatch(/contains "\.", which JFS cannot address/);
    expect(
      (await readdir('/tmp')).filter((n) => !tmpBefore.includes(n) && n.includes('escaped')),
    ).toEqual([]);
  });

  it('Sync-Item from JAFS: of a folder with planted names writes only inside ./local', async () => {
    const { parent, target } = await sandbox('sync');
    const before = await snapshotTree(parent);

    const run = await stack.run(
      `Sync-Item -Path 'JAFS:\\Jotta\\Archive\\evil2' -Destination '${target}'`,
    );

    const after = await snapshotTree(parent);
    const added = after.filter((entry) => !before.includes(entry));
    for (const entry of added) expect(entry.startsWith('local/')).toBe(true);
    expect(run.errors).toMatch(/its name "\.\." cannot be a file or folder name/);
    expect(run.output).toMatch(/Failed\s+: [1-9]/);
  });
});
