import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { md5, startTestServer, type TestServer, USER, xml } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

const abs = (path: string): string => encodeURIComponent(`/${USER}/Jotta/Archive/${path}`);

async function fileNames(path: string): Promise<string[]> {
  const { root } = await xml(await t.jfs(path));
  return (root.files?.file ?? []).map((f: any) => f['@name']);
}

describe('mv, mvDir, cp', () => {
  it('mv renames a file, keeps its uuid and creates missing destination parents', async () => {
    const uploaded = await xml(await t.upload('/Jotta/Archive/mv/a.txt', 'move me'));
    const response = await t.post(`/Jotta/Archive/mv/a.txt?mv=${abs('mv/new/b name.txt')}`);
    expect(response.status).toBe(200);
    const { name, root } = await xml(response);
    expect(name).toBe('file');
    expect(root['@name']).toBe('b name.txt');
    expect(root['@uuid']).toBe(uploaded.root['@uuid']);
    expect(root.path['#text']).toBe(`/${USER}/Jotta/Archive/mv/new`);
    expect((await t.jfs('/Jotta/Archive/mv/a.txt')).status).toBe(404);
    expect(await (await t.jfs('/Jotta/Archive/mv/new/b%20name.txt?mode=bin')).text()).toBe(
      'move me',
    );
  });

  it('mv accepts a form-encoded destination with + for spaces', async () => {
    await t.upload('/Jotta/Archive/mv/plus.txt', 'p');
    const dest = `%2F${USER}%2FJotta%2FArchive%2Fmv%2Fnew+name.txt`;
    expect((await t.post(`/Jotta/Archive/mv/plus.txt?mv=${dest}`)).status).toBe(200);
    expect(await fileNames('/Jotta/Archive/mv')).toContain('new name.txt');
  });

  it('mv of a missing file is 404 NoSuchFileException naming the source', async () => {
    const response = await t.post(`/Jotta/Archive/mv/none.txt?mv=${abs('mv/x.txt')}`);
    expect(response.status).toBe(404);
    expect((await xml(response)).root.message).toBe(
      `no.jotta.backup.errors.NoSuchFileException: Source file /${USER}/Jotta/Archive/mv/none.txt does not exist`,
    );
  });

  it('mv onto an existing file is 409 and changes nothing', async () => {
    await t.upload('/Jotta/Archive/mv/one.txt', '1');
    await t.upload('/Jotta/Archive/mv/two.txt', '2');
    expect((await t.post(`/Jotta/Archive/mv/one.txt?mv=${abs('mv/two.txt')}`)).status).toBe(409);
    expect(await (await t.jfs('/Jotta/Archive/mv/two.txt?mode=bin')).text()).toBe('2');
  });

  it('mvDir moves a folder with its subtree (trailing slash on the source)', async () => {
    await t.upload('/Jotta/Archive/tree/sub/deep.txt', 'deep');
    const response = await t.post(`/Jotta/Archive/tree/?mvDir=${abs('moved/tree2')}`);
    expect(response.status).toBe(200);
    expect((await xml(response)).root['@name']).toBe('tree2');
    expect(await (await t.jfs('/Jotta/Archive/moved/tree2/sub/deep.txt?mode=bin')).text()).toBe(
      'deep',
    );
    expect((await t.jfs('/Jotta/Archive/tree')).status).toBe(404);
  });

  it('mvDir into its own subtree is refused; mv on a folder is 404', async () => {
    await t.post('/Jotta/Archive/loop/inner?mkDir=true');
    expect((await t.post(`/Jotta/Archive/loop/?mvDir=${abs('loop/inner/x')}`)).status).toBe(400);
    expect((await t.post(`/Jotta/Archive/loop?mv=${abs('loop2')}`)).status).toBe(404);
  });

  it('a case-only rename works', async () => {
    await t.upload('/Jotta/Archive/case/readme.txt', 'r');
    expect(
      (await t.post(`/Jotta/Archive/case/readme.txt?mv=${abs('case/README.txt')}`)).status,
    ).toBe(200);
    expect(await fileNames('/Jotta/Archive/case')).toEqual(['README.txt']);
  });

  it('cp copies content to a new file and to a new revision of an existing one', async () => {
    await t.upload('/Jotta/Archive/cp/src.txt', 'copy source');
    const response = await t.post(`/Jotta/Archive/cp/src.txt?cp=${abs('cp/dst/copy.txt')}`);
    expect(response.status).toBe(200);
    const copied = await xml(response);
    expect(copied.root['@name']).toBe('copy.txt');
    expect(copied.root.currentRevision.md5).toBe(md5('copy source'));
    expect(await (await t.jfs('/Jotta/Archive/cp/dst/copy.txt?mode=bin')).text()).toBe(
      'copy source',
    );
    expect(await (await t.jfs('/Jotta/Archive/cp/src.txt?mode=bin')).text()).toBe('copy source');

    await t.upload('/Jotta/Archive/cp/other.txt', 'other');
    await t.post(`/Jotta/Archive/cp/src.txt?cp=${abs('cp/other.txt')}`);
    const other = await xml(await t.jfs('/Jotta/Archive/cp/other.txt'));
    expect(other.root.currentRevision.number).toBe('2');
    expect(await (await t.jfs('/Jotta/Archive/cp/other.txt?mode=bin')).text()).toBe('copy source');
  });
});

describe('trash', () => {
  it('dl moves a file to the trash: still readable with deleted, listed in Trash', async () => {
    await t.upload('/Jotta/Archive/tr/gone.txt', 'gone');
    const response = await t.post('/Jotta/Archive/tr/gone.txt?dl=true');
    expect(response.status).toBe(200);
    const deleted = (await xml(response)).root['@deleted'];
    expect(deleted).toMatch(/^\d{4}-\d{2}-\d{2}-T\d{2}:\d{2}:\d{2}Z$/);

    const direct = await xml(await t.jfs('/Jotta/Archive/tr/gone.txt'));
    expect(direct.root['@deleted']).toBe(deleted);

    const parent = await xml(await t.jfs('/Jotta/Archive/tr'));
    const child = parent.root.files.file[0];
    expect(child['@deleted']).toBe(deleted);
    expect(child.abspath['#text']).toBe(`/${USER}/Jotta/Archive/tr`);

    const trash = await xml(await t.jfs('/Jotta/Trash'));
    const entry = trash.root.files.file.find((f: any) => f['@name'] === 'gone.txt');
    expect(entry['@contextType']).toBe('TRASH');
    expect(entry.abspath['#text']).toBe(`/${USER}/Jotta/Archive/tr`);
    expect(entry.path).toBeUndefined();
  });

  it('dl of a missing file is 404 by default, rm of a missing file is 404', async () => {
    const dl = await t.post('/Jotta/Archive/tr/never.txt?dl=true');
    expect(dl.status).toBe(404);
    expect((await xml(dl)).root.message).toContain('NoSuchFileException: File');
    expect((await t.post('/Jotta/Archive/tr/never.txt?rm=true')).status).toBe(404);
  });

  it('dlDir trashes a folder and its subtree; rm on a folder is 404', async () => {
    await t.upload('/Jotta/Archive/f/g/h.txt', 'h');
    expect((await t.post('/Jotta/Archive/f?rm=true')).status).toBe(404);
    const response = await t.post('/Jotta/Archive/f?dlDir=true');
    expect(response.status).toBe(200);
    expect((await xml(response)).root['@deleted']).toBeDefined();
    const inner = await xml(await t.jfs('/Jotta/Archive/f/g/h.txt'));
    expect(inner.root['@deleted']).toBeDefined();
    const trash = await xml(await t.jfs('/Jotta/Trash'));
    expect(trash.root.folders.folder.map((f: any) => f['@name'])).toContain('f');
  });

  it('re-creating a trashed folder name gives a live folder; the trash keeps the old one', async () => {
    await t.post('/Jotta/Archive/xxxx?mkDir=true');
    await t.post('/Jotta/Archive/xxxx?dlDir=true');
    const again = await t.post('/Jotta/Archive/xxxx?mkDir=true');
    expect(again.status).toBe(200);
    expect((await xml(again)).root['@deleted']).toBeUndefined();

    const listing = await xml(await t.jfs('/Jotta/Archive'));
    const twins = listing.root.folders.folder.filter((f: any) => f['@name'] === 'xxxx');
    expect(twins.filter((f: any) => f['@deleted'] === undefined)).toHaveLength(1);
    const trash = await xml(await t.jfs('/Jotta/Trash'));
    expect(trash.root.folders.folder.filter((f: any) => f['@name'] === 'xxxx')).toHaveLength(1);
  });

  it('rmDir on the original path of a trashed folder removes it for good', async () => {
    await t.upload('/Jotta/Archive/hard/x.txt', 'x');
    await t.post('/Jotta/Archive/hard?dlDir=true');
    expect((await t.post('/Jotta/Archive/hard?rmDir=true')).status).toBe(200);
    expect((await t.jfs('/Jotta/Archive/hard')).status).toBe(404);
    const trash = await xml(await t.jfs('/Jotta/Trash'));
    expect((trash.root.folders?.folder ?? []).map((f: any) => f['@name'])).not.toContain('hard');
  });

  it('cphash restores a trashed file at its original path', async () => {
    await t.upload('/Jotta/Archive/res/doc.txt', 'restore me');
    await t.post('/Jotta/Archive/res/doc.txt?dl=true');
    const response = await t.post('/Jotta/Archive/res/doc.txt?cphash=true', {
      JMd5: md5('restore me'),
      JSize: '10',
      JCreated: '2024-01-01-T00:00:00Z',
      JModified: '2024-01-02-T00:00:00Z',
    });
    expect(response.status).toBe(200);
    const { root } = await xml(response);
    expect(root['@deleted']).toBeUndefined();
    expect(root.currentRevision.modified).toBe('2024-01-02-T00:00:00Z');
    const trash = await xml(await t.jfs('/Jotta/Trash'));
    expect((trash.root.files?.file ?? []).map((f: any) => f['@name'])).not.toContain('doc.txt');
  });

  it('cphash restores a file out of a trashed folder under a re-created live parent', async () => {
    await t.upload('/Jotta/Archive/rf/sub/one.txt', 'one');
    await t.post('/Jotta/Archive/rf?dlDir=true');
    const response = await t.post('/Jotta/Archive/rf/sub/one.txt?cphash=true', {
      JMd5: md5('one'),
      JSize: '3',
    });
    expect(response.status).toBe(200);
    const folder = await xml(await t.jfs('/Jotta/Archive/rf/sub'));
    expect(folder.root['@deleted']).toBeUndefined();
    expect(folder.root.files.file.map((f: any) => f['@name'])).toEqual(['one.txt']);
  });

  it('cphash touches, dedupes, or answers 404 when an upload is needed', async () => {
    await t.upload('/Jotta/Archive/ch/known.txt', 'known content');
    const touch = await t.post('/Jotta/Archive/ch/known.txt?cphash=true', {
      JMd5: md5('known content'),
      JSize: '13',
      JModified: '2023-03-03-T03:03:03Z',
    });
    expect(touch.status).toBe(200);
    expect((await xml(touch)).root.currentRevision.number).toBe('1');

    const dedupe = await t.post('/Jotta/Archive/ch/twin.txt?cphash=true', {
      JMd5: md5('known content'),
      JSize: '13',
    });
    expect(dedupe.status).toBe(200);
    expect(await (await t.jfs('/Jotta/Archive/ch/twin.txt?mode=bin')).text()).toBe('known content');

    const unknown = await t.post('/Jotta/Archive/ch/new.txt?cphash=true', {
      JMd5: md5('never seen'),
      JSize: '10',
    });
    expect(unknown.status).toBe(404);
    expect((await t.jfs('/Jotta/Archive/ch/new.txt')).status).toBe(404);
  });

  it('cp onto a trashed file leaves the copy in the trash (rclone#6112)', async () => {
    await t.upload('/Jotta/Archive/q/src.txt', 'src');
    await t.upload('/Jotta/Archive/q/dst.txt', 'old');
    await t.post('/Jotta/Archive/q/dst.txt?dl=true');
    const response = await t.post(`/Jotta/Archive/q/src.txt?cp=${abs('q/dst.txt')}`);
    expect(response.status).toBe(200);
    const { root } = await xml(response);
    expect(root['@deleted']).toBeDefined();
    expect(root.currentRevision.state).toBe('COMPLETED');
  });

  it('purge_trash empties the trash and reports the counts', async () => {
    const before = await xml(await t.jfs('/Jotta/Trash'));
    expect(Number(before.root.metadata['@total'])).toBeGreaterThan(0);
    const response = await fetch(`${t.url}/files/v1/purge_trash`, {
      method: 'POST',
      headers: { Authorization: t.auth },
    });
    expect(response.status).toBe(200);
    const counts = (await response.json()) as { folders: number; files: number };
    expect(counts.files).toBeGreaterThan(0);
    expect(counts.folders).toBeGreaterThan(0);
    const after = await xml(await t.jfs('/Jotta/Trash'));
    expect(after.root.metadata['@total']).toBe('0');
    expect((await t.jfs('/Jotta/Archive/tr/gone.txt')).status).toBe(404);
  });
});

describe('views and recursive listings', () => {
  it('enableShare adds publicURI, Links lists it, disableShare removes it', async () => {
    await t.upload('/Jotta/Archive/share/readme.txt', 'share');
    const enabled = await xml(await t.jfs('/Jotta/Archive/share/readme.txt?mode=enableShare'));
    expect(enabled.root.publicURI).toMatch(/^[0-9a-f]{32}$/);
    expect(enabled.root.publicSharePath).toMatch(/^s\//);
    const link = `${t.url}/opin/io/downloadPublic/${USER}/${enabled.root.publicURI}`;
    const shared = await fetch(link);
    expect(shared.status).toBe(200);
    expect(await shared.text()).toBe('share');
    const links = await xml(await t.jfs('/Jotta/Links'));
    expect(links.root.files.file[0]['@name']).toBe('readme.txt');
    expect(links.root.files.file[0].publicURI).toBe(enabled.root.publicURI);
    const disabled = await xml(await t.jfs('/Jotta/Archive/share/readme.txt?mode=disableShare'));
    expect(disabled.root.publicURI).toBeUndefined();
    expect((await xml(await t.jfs('/Jotta/Links'))).root.files).toBeUndefined();
    expect((await fetch(link)).status).toBe(404);
  });

  it('Latest lists recent files, newest first, limited by max', async () => {
    await t.upload('/Jotta/Archive/latest/newest.txt', 'n');
    const { root } = await xml(await t.jfs('/Jotta/Latest?sort=updated&max=10&web=true'));
    expect(root.files.file.length).toBeLessThanOrEqual(10);
    expect(root.files.file[0]['@name']).toBe('newest.txt');
    expect(root.files.file[0].path['#text']).toBe(`/${USER}/Jotta/Archive/latest`);
  });

  it('mode=list gives every folder of the subtree with its files', async () => {
    await t.upload('/Jotta/Sync/l/a.txt', 'a');
    await t.upload('/Jotta/Sync/l/b/c.txt', 'c');
    await t.post('/Jotta/Sync/l/empty?mkDir=true');
    const { name, root } = await xml(await t.jfs('/Jotta/Sync?mode=list'));
    expect(name).toBe('filedirlist');
    const folders = root.folders.folder;
    expect(folders.map((f: any) => f['@name'])).toEqual(['Sync', 'l', 'b', 'empty']);
    expect(folders[0].path['#text']).toBe(`/${USER}/Jotta`);
    expect(folders[1].files.file.map((f: any) => f['@name'])).toEqual(['a.txt']);
    expect(folders[3].files).toBeUndefined();
  });

  it('mode=liststream gives compact folders, files and matching stats', async () => {
    const response = await t.jfs('/Jotta/Sync?mode=liststream');
    const text = await response.text();
    expect(text).not.toMatch(/>\s+</);
    expect(text).toContain('<folder><path>/Sync/l/b</path></folder>');
    expect(text).toContain(
      `<file><path>/Sync/l</path><filename>a.txt</filename><md5>${md5('a')}</md5><size>1</size>`,
    );
    expect(text).toMatch(/<modified>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z<\/modified>/);
    const folders = text.match(/<folder>/g)?.length;
    const files = text.match(/<file>/g)?.length;
    expect(text).toContain(`<stats><folders>${folders}</folders><files>${files}</files></stats>`);
    expect(files).toBe(2);
  });
});
