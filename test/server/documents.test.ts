import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, USER, xml } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

const JFS_TIME = /^\d{4}-\d{2}-\d{2}-T\d{2}:\d{2}:\d{2}Z$/;

describe('a new account', () => {
  it('user document lists the built-in device', async () => {
    const response = await t.jfs('');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/xml');
    const { name, root, text } = await xml(response);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<user ')).toBe(true);
    expect(name).toBe('user');
    expect(root['@time']).toMatch(JFS_TIME);
    expect(root['@host']).toBe('dn-100');
    expect(root.capacity).toBe('-1');
    expect(root.devices.device.map((d: any) => d.name['#text'])).toEqual(['Jotta']);
    expect(root.devices.device[0].type).toBe('JOTTA');
    expect(root.devices.device[0].name['@xml:space']).toBe('preserve');
  });

  it('device Jotta lists Archive, Shared and Sync with empty modified', async () => {
    const { name, root, text } = await xml(await t.jfs('/Jotta'));
    expect(name).toBe('device');
    const mounts = root.mountPoints.mountPoint;
    expect(mounts.map((m: any) => m.name['#text'])).toEqual(['Archive', 'Shared', 'Sync']);
    expect(mounts[2].modified).toBe('');
    expect(text).toContain('<modified></modified>');
    expect(root.metadata['@total']).toBe('3');
    expect(root.metadata['@num_mountpoints']).toBe('3');
    expect(root.metadata['@first']).toBe('');
  });

  it('an empty mount point omits folders and files but keeps metadata zeros', async () => {
    const { name, root, text } = await xml(await t.jfs('/Jotta/Sync'));
    expect(name).toBe('mountPoint');
    expect(root.path['#text']).toBe(`/${USER}/Jotta`);
    expect(root.abspath['#text']).toBe(`/${USER}/Jotta`);
    expect(root.size).toBe('0');
    expect(text).not.toContain('<folders>');
    expect(text).not.toContain('<files>');
    expect(root.metadata['@num_folders']).toBe('0');
    expect(root.metadata['@num_files']).toBe('0');
  });

  it('Trash and Links are requestable views; Latest too', async () => {
    const trash = await xml(await t.jfs('/Jotta/Trash'));
    expect(trash.name).toBe('mountPoint');
    expect(trash.root.name['#text']).toBe('Trash');
    expect(trash.root.size).toBe('');
    expect((await xml(await t.jfs('/Jotta/Links'))).name).toBe('searchresult');
    expect((await xml(await t.jfs('/Jotta/Latest?sort=updated&max=10&web=true'))).name).toBe(
      'searchresult',
    );
  });
});

describe('mkDir', () => {
  it('creates missing parents and answers 200, also when it exists', async () => {
    const first = await t.post('/Jotta/Archive/a/b/c?mkDir=true');
    expect(first.status).toBe(200);
    const { name, root, text } = await xml(first);
    expect(name).toBe('folder');
    expect(root['@name']).toBe('c');
    expect(root.path['#text']).toBe(`/${USER}/Jotta/Archive/a/b`);
    expect(text).not.toContain('<metadata');

    expect((await t.post('/Jotta/Archive/a/b/c?mkDir=true')).status).toBe(200);
    const parent = await xml(await t.jfs('/Jotta/Archive/a/b'));
    expect(parent.root.folders.folder.map((f: any) => f['@name'])).toEqual(['c']);
    expect(parent.root.metadata['@num_folders']).toBe('1');
  });

  it('on the mount point itself succeeds', async () => {
    expect((await t.post('/Jotta/Archive?mkDir=true')).status).toBe(200);
  });

  it('is case-insensitive and keeps the first spelling', async () => {
    await t.post('/Jotta/Archive/Photos?mkDir=true');
    expect((await t.post('/Jotta/Archive/PHOTOS?mkDir=true')).status).toBe(200);
    const listing = await xml(await t.jfs('/Jotta/Archive'));
    const names = listing.root.folders.folder.map((f: any) => f['@name']);
    expect(names.filter((n: string) => n.toLowerCase() === 'photos')).toEqual(['Photos']);
    const viaOtherCase = await xml(await t.jfs('/jotta/archive/photos'));
    expect(viaOtherCase.root['@name']).toBe('Photos');
  });
});

describe('names in paths', () => {
  it('a literal + is a space, %2B is a plus', async () => {
    await t.post('/Jotta/Archive/Notepad%2B%2B?mkDir=true');
    await t.post('/Jotta/Archive/Home+Videos?mkDir=true');
    const listing = await xml(await t.jfs('/Jotta/Archive'));
    const names = listing.root.folders.folder.map((f: any) => f['@name']);
    expect(names).toContain('Notepad++');
    expect(names).toContain('Home Videos');
    expect((await t.jfs('/Jotta/Archive/Home%20Videos')).status).toBe(200);
    expect((await t.jfs('/Jotta/Archive/Notepad++')).status).toBe(404);
  });

  it('keeps leading and trailing spaces, non-ASCII and reserved characters', async () => {
    const names = [' leading', 'trailing ', 'Привет', 'Tõõtöö äü', 'Čšž+1', 'a#b;c?d&e=f@g$h,i%j'];
    for (const name of names) {
      const response = await t.upload(`/Jotta/Archive/chars/${encodeURIComponent(name)}`, name);
      expect(response.status).toBe(201);
    }
    const listing = await xml(await t.jfs('/Jotta/Archive/chars'));
    const listed = listing.root.files.file.map((f: any) => f['@name']).sort();
    expect(listed).toEqual([...names].sort());
    const body = await (
      await t.jfs(`/Jotta/Archive/chars/${encodeURIComponent('Čšž+1')}?mode=bin`)
    ).text();
    expect(body).toBe('Čšž+1');
  });

  it('rejects a name over 255 characters with 400 InvalidArgumentException', async () => {
    const response = await t.post(`/Jotta/Archive/${'a'.repeat(256)}?mkDir=true`);
    expect(response.status).toBe(400);
    expect((await xml(response)).root.message).toBe(
      'no.jotta.backup.errors.InvalidArgumentException: JFS file names may not be longer than 255 characters',
    );
    expect((await t.post(`/Jotta/Archive/${'b'.repeat(255)}?mkDir=true`)).status).toBe(200);
  });

  it('answers a malformed escape with 400 and keeps serving', async () => {
    const response = await t.jfs('/Jotta/Archive/bad%E0%A4%A');
    expect(response.status).toBe(400);
    expect((await xml(response)).root.message).toContain('IllegalArgumentException');
    expect((await t.jfs('/Jotta')).status).toBe(200);
  });
});

describe('devices and mount points', () => {
  it('creates a device (201, also when it exists) and lists it', async () => {
    const created = await t.post('/My%20Laptop%20Air?type=LAPTOP');
    expect(created.status).toBe(201);
    const { name, root, text } = await xml(created);
    expect(name).toBe('device');
    expect(root.type).toBe('LAPTOP');
    expect(text).not.toContain('<mountPoints>');
    expect((await t.post('/My%20Laptop%20Air?type=LAPTOP')).status).toBe(201);

    const user = await xml(await t.jfs(''));
    expect(user.root.devices.device.map((d: any) => d.name['#text'])).toContain('My Laptop Air');
  });

  it('creates a mount point (201 then 200), trashes and removes it', async () => {
    await t.post('/PC1?type=WORKSTATION');
    const created = await t.post('/PC1/My%20Documents');
    expect(created.status).toBe(201);
    expect((await xml(created)).root.name['#text']).toBe('My Documents');
    expect((await t.post('/PC1/My%20Documents')).status).toBe(200);

    await t.upload('/PC1/My%20Documents/a.txt', 'abc');
    const trashed = await t.post('/PC1/My%20Documents?dl=true');
    expect(trashed.status).toBe(200);
    const device = await xml(await t.jfs('/PC1'));
    const mount = device.root.mountPoints.mountPoint[0];
    expect(mount.deleted).toMatch(JFS_TIME);
    expect(mount.abspath['#text']).toBe(`/${USER}/PC1`);
    const trash = await xml(await t.jfs('/Jotta/Trash'));
    expect(trash.root.folders.folder.map((f: any) => f['@name'])).toContain('My Documents');

    const removed = await t.post('/PC1/My%20Documents?rm=true');
    expect(removed.status).toBe(200);
    expect((await xml(removed)).name).toBe('device');
    expect((await t.jfs('/PC1/My%20Documents')).status).toBe(404);
  });

  it('deletes a device permanently and refuses to delete Jotta', async () => {
    await t.post('/Gone?type=WORKSTATION');
    const removed = await t.post('/Gone?rm=true');
    expect(removed.status).toBe(200);
    expect((await xml(removed)).name).toBe('user');
    expect((await t.jfs('/Gone')).status).toBe(404);
    expect((await t.post('/Jotta?rm=true')).status).toBe(400);
  });

  it('answers a missing mount point with NoSuchMountPointException', async () => {
    const response = await t.jfs('/Jotta/Nowhere/x');
    expect(response.status).toBe(404);
    expect((await xml(response)).root.message).toContain('NoSuchMountPointException');
  });
});

describe('errors', () => {
  it('an unknown POST command is 500 with the service message (sic)', async () => {
    await t.upload('/Jotta/Archive/r.txt', 'r');
    const response = await t.post('/Jotta/Archive/r.txt?restore=true');
    expect(response.status).toBe(500);
    expect((await xml(response)).root.message).toContain(
      "POST Request is missing multipart content or don't dont have any command parameters",
    );
  });

  it('a missing file is 404 NoSuchPathException on GET', async () => {
    const response = await t.jfs('/Jotta/Archive/missing.txt');
    expect(response.status).toBe(404);
    const { root } = await xml(response);
    expect(root.code).toBe('404');
    expect(root.message).toMatch(/^no\.jotta\.backup\.errors\.NoSuchPathException/);
  });

  it('JSON API errors are JSON', async () => {
    const response = await fetch(`${t.url}/files/v1/allocate`, {
      method: 'POST',
      headers: { Authorization: t.auth, 'Content-Type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.code).toBe(400);
    expect(body.error_id).toBe('InvalidArgumentException');
  });

  it('an unsupported method is 405', async () => {
    expect((await t.jfs('/Jotta/Archive', { method: 'DELETE' })).status).toBe(405);
  });
});

describe('server API', () => {
  it('addAccount creates an account at run time with the standard layout', async () => {
    t.server.addAccount({ username: 'late', password: 'late-pass' });
    const response = await fetch(`${t.url}/jfs/late/Jotta`, {
      headers: { Authorization: `Basic ${Buffer.from('late:late-pass').toString('base64')}` },
    });
    expect(response.status).toBe(200);
    expect((await xml(response)).root.mountPoints.mountPoint).toHaveLength(3);
  });

  it('mode=thumb is not served (404)', async () => {
    await t.upload('/Jotta/Archive/pic.jpg', 'not really a jpeg');
    expect((await t.jfs('/Jotta/Archive/pic.jpg?mode=thumb&ts=WS')).status).toBe(404);
  });
});
