import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedEntry } from '../../src/server/index.js';
import { md5, startTestServer, type TestServer, xml } from './helpers.js';

/**
 * A recursive listing (mode=list, liststream) is built in bulk, a folder document per folder and
 * a file document per file: the bulk answers must say what the per-item ones say, on a tree
 * large enough to span many folders, with trashed, shared, unfinished and oddly named entries.
 */
let t: TestServer;
const FOLDERS = ['alpha', 'Beta', 'c & d', 'e<f>', 'g"h', 'Ünï', 'zeta'];

beforeAll(async () => {
  t = await startTestServer();
  const entries: SeedEntry[] = [];
  for (const [i, top] of FOLDERS.entries()) {
    for (const [j, sub] of FOLDERS.entries()) {
      for (let f = 0; f < 12; f++) {
        entries.push({
          path: `Jotta/Archive/big/${top}/${sub}/f${f}.txt`,
          content: `${i}.${j}.${f}`,
        });
      }
    }
    entries.push({ path: `Jotta/Archive/big/${top}/top ${i}.bin`, content: `top ${i}` });
  }
  entries.push({ path: 'Jotta/Archive/big/empty/deeper' });
  await t.server.seed('user1', entries);

  await t.upload('/Jotta/Archive/big/alpha/rev.txt', 'one');
  await t.upload('/Jotta/Archive/big/alpha/rev.txt', 'two');
  await t.post('/Jotta/Archive/big/alpha/rev.txt?dl=true');
  await t.upload('/Jotta/Archive/big/alpha/rev.txt', 'three');
  await t.post('/Jotta/Archive/big/Beta/alpha?dlDir=true');
  await t.post('/Jotta/Archive/big/zeta/zeta/f3.txt?dl=true');
  await t.jfs('/Jotta/Archive/big/zeta/alpha/f1.txt?mode=enableShare');
  // An unfinished new revision on a finished file, and a file with unfinished bytes only.
  await allocate('/jfs/Jotta/Archive/big/alpha/alpha/f0.txt', Buffer.alloc(100, 1));
  const open = await allocate('/jfs/Jotta/Archive/big/c & d/partial.bin', Buffer.alloc(1000, 2));
  await fetch(open.upload_url, {
    method: 'POST',
    headers: { Authorization: t.auth },
    body: Buffer.alloc(400, 2),
  });
});

afterAll(async () => {
  await t.stop();
});

async function allocate(path: string, content: Buffer): Promise<{ upload_url: string }> {
  const response = await fetch(`${t.url}/files/v1/allocate`, {
    method: 'POST',
    headers: { Authorization: t.auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ path, bytes: content.length, md5: md5(content) }),
  });
  return (await response.json()) as { upload_url: string };
}

/** The path below /jfs/user1 of a listed folder (its abspath is its parent's). */
function ownPath(folder: any): string {
  const parent = folder.abspath['#text'] as string;
  return `${parent.split('/').slice(2).join('/')}/${folder['@name']}`;
}

/** Parsed XML without the indentation text between elements (it depends on the depth). */
function clean(value: any): any {
  if (Array.isArray(value)) return value.map(clean);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(
    ([key, v]) => !(key === '#text' && typeof v === 'string' && v.trim() === ''),
  );
  return Object.fromEntries(entries.map(([key, v]) => [key, clean(v)]));
}

const escape = (path: string) => path.split('/').map(encodeURIComponent).join('/');

describe('recursive listings', () => {
  it('mode=list walks the same folders, in the same order, as folder documents do', async () => {
    const list = await xml(await t.jfs('/Jotta/Archive/big?mode=list'));
    const listed = list.root.folders.folder.map(ownPath);

    const walked: string[] = [];
    const walk = async (path: string): Promise<void> => {
      walked.push(path);
      const doc = await xml(await t.jfs(`/${escape(path)}`));
      for (const child of doc.root.folders?.folder ?? []) await walk(`${path}/${child['@name']}`);
    };
    await walk('Jotta/Archive/big');

    expect(listed).toEqual(walked);
    expect(listed.length).toBeGreaterThan(FOLDERS.length * FOLDERS.length);
    const trashed = list.root.folders.folder.find((f: any) => ownPath(f).endsWith('Beta/alpha'));
    expect(trashed['@deleted']).toBeDefined();
  });

  it('mode=list gives every folder the files its folder document lists, element for element', async () => {
    const list = await xml(await t.jfs('/Jotta/Archive/big?mode=list'));
    let files = 0;
    for (const folder of list.root.folders.folder) {
      const doc = await xml(await t.jfs(`/${escape(ownPath(folder))}`));
      expect(clean(folder.files?.file ?? [])).toEqual(clean(doc.root.files?.file ?? []));
      files += folder.files?.file.length ?? 0;
    }
    expect(files).toBeGreaterThan(FOLDERS.length * FOLDERS.length * 12);
  });

  it('each file in mode=list shows the revisions its own document shows', async () => {
    const list = await xml(await t.jfs('/Jotta/Archive/big?mode=list'));
    const special = ['rev.txt', 'f0.txt', 'partial.bin', 'f1.txt', 'f3.txt', 'top 2.bin'];
    let checked = 0;
    for (const folder of list.root.folders.folder) {
      for (const file of folder.files?.file ?? []) {
        if (!special.includes(file['@name']) || file['@deleted'] !== undefined) continue;
        const own = await xml(await t.jfs(`/${escape(`${ownPath(folder)}/${file['@name']}`)}`));
        expect(file['@uuid']).toBe(own.root['@uuid']);
        expect(clean(file.currentRevision)).toEqual(clean(own.root.currentRevision));
        expect(file.latestRevision?.state).toBe(own.root.latestRevision?.state);
        expect(file.latestRevision?.md5).toBe(own.root.latestRevision?.md5);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(FOLDERS.length * 2);
    const alpha = list.root.folders.folder.find((f: any) => ownPath(f).endsWith('big/alpha'));
    const revs = alpha.files.file.filter((f: any) => f['@name'] === 'rev.txt');
    expect(revs.map((f: any) => f.currentRevision.md5)).toEqual([md5('three'), md5('two')]);
    expect(revs[1]['@deleted']).toBeDefined();
  });

  it('liststream names the live, finished files of mode=list, with the same hashes', async () => {
    const list = await xml(await t.jfs('/Jotta/Archive/big?mode=list'));
    const expected: string[] = [];
    const deadFolders = list.root.folders.folder
      .filter((f: any) => f['@deleted'] !== undefined)
      .map(ownPath);
    for (const folder of list.root.folders.folder) {
      const path = ownPath(folder);
      if (deadFolders.some((dead: string) => path === dead || path.startsWith(`${dead}/`)))
        continue;
      for (const file of folder.files?.file ?? []) {
        if (file['@deleted'] !== undefined || !file.currentRevision) continue;
        expected.push(
          `/${path.split('/').slice(1).join('/')}/${file['@name']} ${file.currentRevision.md5}`,
        );
      }
    }

    const stream = await xml(await t.jfs('/Jotta/Archive/big?mode=liststream'));
    const streamed = [stream.root.file]
      .flat()
      .map(
        (f: any) => `${f.path['#text'] ?? f.path}/${f.filename['#text'] ?? f.filename} ${f.md5}`,
      );
    expect(streamed.sort()).toEqual(expected.sort());
    expect(Number(stream.root.stats.files)).toBe(expected.length);
  });
});
