import { describe, expect, it } from 'vitest';

import {
  AuthError,
  InvalidPathError,
  Jottacloud,
  NotFoundError,
  type JfsFile,
} from '../../src/jfs/index.js';
import { basicClient, bufferSource, md5, readAll, startTestServer } from './helpers.js';

describe('Jottacloud client against the local server', () => {
  it('reads the account, the built-in device and an unused mount point', async () => {
    const client = basicClient(await startTestServer());

    expect(await client.username()).toBe('alice');
    const user = await client.getUser();
    expect(user.kind).toBe('user');
    expect(user.username).toBe('alice');
    expect(user.devices.map((d) => d.name)).toContain('Jotta');

    const jotta = await client.getDevice('Jotta');
    expect(jotta).toMatchObject({ kind: 'device', name: 'Jotta', type: 'JOTTA' });
    expect(jotta.mountPoints.map((m) => m.name)).toEqual(
      expect.arrayContaining(['Archive', 'Sync']),
    );

    const sync = await client.getObject('/Jotta/Sync');
    expect(sync).toMatchObject({ kind: 'mountPoint', name: 'Sync', folders: [], files: [] });
  });

  it('creates and deletes devices and mount points', async () => {
    const client = basicClient(await startTestServer());

    const device = await client.createDevice('My Laptop', 'LAPTOP');
    expect(device).toMatchObject({ kind: 'device', name: 'My Laptop', type: 'LAPTOP' });
    const mountPoint = await client.createMountPoint('My Laptop', 'My Documents');
    expect(mountPoint).toMatchObject({ kind: 'mountPoint', name: 'My Documents' });
    expect((await client.getDevice('My Laptop')).mountPoints.map((m) => m.name)).toEqual([
      'My Documents',
    ]);

    await client.deleteMountPoint('My Laptop', 'My Documents', { permanent: true });
    expect((await client.getDevice('My Laptop')).mountPoints).toEqual([]);
    await client.deleteDevice('My Laptop');
    await expect(client.getDevice('My Laptop')).rejects.toBeInstanceOf(NotFoundError);
    expect((await client.getUser()).devices.map((d) => d.name)).not.toContain('My Laptop');
  });

  it('creates folders (mkdir -p), lists them and deletes to trash and permanently', async () => {
    const client = basicClient(await startTestServer());

    const folder = await client.createFolder('/Jotta/Archive/a/b/c');
    expect(folder).toMatchObject({ kind: 'folder', name: 'c', path: '/Jotta/Archive/a/b' });
    const again = await client.createFolder('/Jotta/Archive/a/b/c');
    expect(again.name).toBe('c');

    const a = await client.getObject('/Jotta/Archive/a');
    expect(a.kind === 'folder' && a.folders.map((f) => f.name)).toEqual(['b']);

    await client.deleteFolder('/Jotta/Archive/a/b', { permanent: false });
    const trashed = await client.getObject('/Jotta/Archive/a/b');
    expect(trashed.kind === 'folder' && trashed.deleted).toBeInstanceOf(Date);

    await client.deleteFolder('/Jotta/Archive/a', { permanent: true });
    await expect(client.getObject('/Jotta/Archive/a')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('moves, renames, copies and deletes files', async () => {
    const client = basicClient(await startTestServer());
    const data = Buffer.from('hello world\n');
    await client.upload('/Jotta/Archive/docs/a.txt', bufferSource(data).source);

    const moved = await client.moveFile('/Jotta/Archive/docs/a.txt', '/Jotta/Archive/other/b.txt');
    expect(moved).toMatchObject({ kind: 'file', name: 'b.txt', md5: md5(data) });
    await expect(client.getObject('/Jotta/Archive/docs/a.txt')).rejects.toBeInstanceOf(
      NotFoundError,
    );

    const copy = await client.copyFile('/Jotta/Archive/other/b.txt', '/Jotta/Sync/c.txt');
    expect(copy).toMatchObject({ name: 'c.txt', md5: md5(data), size: data.length });
    const { stream } = await client.download('/Jotta/Sync/c.txt');
    expect((await readAll(stream)).toString()).toBe('hello world\n');

    await client.deleteFile('/Jotta/Sync/c.txt', { permanent: false });
    const trashed = (await client.getObject('/Jotta/Sync/c.txt')) as JfsFile;
    expect(trashed.deleted).toBeInstanceOf(Date);
    await client.deleteFile('/Jotta/Archive/other/b.txt', { permanent: true });
    await expect(
      client.deleteFile('/Jotta/Archive/other/b.txt', { permanent: true }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('moves folders with their content', async () => {
    const client = basicClient(await startTestServer());
    await client.upload('/Jotta/Archive/src/x/f.txt', bufferSource(Buffer.from('f')).source);

    const moved = await client.moveFolder('/Jotta/Archive/src', '/Jotta/Archive/dst');
    expect(moved).toMatchObject({ kind: 'folder', name: 'dst' });
    const file = await client.getObject('/Jotta/Archive/dst/x/f.txt');
    expect(file).toMatchObject({ kind: 'file', size: 1 });
    await expect(client.getObject('/Jotta/Archive/src')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists a subtree with mode=list', async () => {
    const client = basicClient(await startTestServer());
    await client.upload('/Jotta/Archive/t/one.txt', bufferSource(Buffer.from('1')).source);
    await client.upload('/Jotta/Archive/t/sub/two.txt', bufferSource(Buffer.from('22')).source);
    await client.createFolder('/Jotta/Archive/t/empty');

    const tree = await client.listTree('/Jotta/Archive/t');
    const byPath = Object.fromEntries(
      tree.folders.map((f) => [`${f.path}/${f.name}`, f.files.map((file) => file.name)]),
    );
    expect(byPath).toEqual({
      '/Jotta/Archive/t': ['one.txt'],
      '/Jotta/Archive/t/sub': ['two.txt'],
      '/Jotta/Archive/t/empty': [],
    });
  });

  it('maps failures to error classes with the device-relative path and no secret', async () => {
    const server = await startTestServer();
    const client = basicClient(server);

    const missing = await client.getObject('/Jotta/Archive/nope.txt').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as NotFoundError).status).toBe(404);
    expect((missing as NotFoundError).path).toBe('/Jotta/Archive/nope.txt');
    expect((missing as Error).message).toContain('/Jotta/Archive/nope.txt');

    await expect(
      client.upload(`/Jotta/Archive/${'n'.repeat(256)}`, bufferSource(Buffer.from('x')).source),
    ).rejects.toBeInstanceOf(InvalidPathError);

    const wrong = new Jottacloud({
      baseUrl: server.url,
      auth: { type: 'basic', username: 'alice', password: 'secret-wrong' },
    });
    const refused = await wrong.getUser().catch((e: unknown) => e);
    await wrong.close();
    expect(refused).toBeInstanceOf(AuthError);
    expect((refused as Error).message).not.toContain('secret-wrong');
    expect((refused as Error).message).toMatch(/log in again/i);
  });

  it('makes a new revision when uploading to an existing file', async () => {
    const client = basicClient(await startTestServer());
    await client.upload('/Jotta/Archive/r.txt', bufferSource(Buffer.from('one')).source);
    const second = await client.upload(
      '/Jotta/Archive/r.txt',
      bufferSource(Buffer.from('two')).source,
    );
    expect(second.md5).toBe(md5(Buffer.from('two')));
    const file = (await client.getObject('/Jotta/Archive/r.txt')) as JfsFile;
    expect(file.revisions.map((r) => r.md5)).toContain(md5(Buffer.from('one')));
    expect(file.currentRevision?.number).toBeGreaterThan(file.revisions[0].number);
  });
});
