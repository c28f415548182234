import { describe, expect, it } from 'vitest';

import { InvalidPathError, type Folder, type JfsFile } from '../../src/jfs/index.js';
import { basicClient, bufferSource, readAll, startTestServer } from './helpers.js';

/** Names that broke real clients (§1.4, B17, B19, B23, B25). */
const NAMES = [
  'with space.txt',
  'notepad++.exe',
  'hash#tag.txt',
  'a%20b.jpg',
  '100% sure.txt',
  'name;x.pdf',
  'what?.txt',
  'back\\slash.txt',
  ' leading.txt',
  'trailing.txt ',
  'Привет.txt',
  'Tõõtöö äü.txt',
  'Čšž+1',
  'emoji 😀.txt',
  'amp&eq=comma,at@dollar$.txt',
  'quote\'and"double.txt',
  '<angle>.txt',
  'x'.repeat(255),
];

describe('names round-trip through the server', () => {
  it('uploads, lists, reads and downloads every awkward name in a folder of awkward name', async () => {
    const client = basicClient(await startTestServer());
    const folder = '/Jotta/Archive/Notepad++ #1; Привет ';

    for (const [index, name] of NAMES.entries()) {
      const content = Buffer.from(`content ${index}`);
      const uploaded = await client.upload(`${folder}/${name}`, bufferSource(content).source);
      expect(uploaded.name).toBe(name);
    }

    const listing = (await client.getObject(folder)) as Folder;
    expect(listing.kind).toBe('folder');
    expect(listing.name).toBe('Notepad++ #1; Привет ');
    expect(listing.files.map((file) => file.name).sort()).toEqual([...NAMES].sort());

    for (const [index, name] of NAMES.entries()) {
      const file = (await client.getObject(`${folder}/${name}`)) as JfsFile;
      expect(file.name).toBe(name);
      const { stream } = await client.download(`${folder}/${name}`);
      expect((await readAll(stream)).toString()).toBe(`content ${index}`);
    }
  });

  it('moves and copies to awkward destination names', async () => {
    const client = basicClient(await startTestServer());
    await client.upload('/Jotta/Archive/plain.txt', bufferSource(Buffer.from('p')).source);

    const moved = await client.moveFile('/Jotta/Archive/plain.txt', '/Jotta/Archive/n ew+#%;.txt');
    expect(moved.name).toBe('n ew+#%;.txt');
    const copied = await client.copyFile('/Jotta/Archive/n ew+#%;.txt', '/Jotta/Sync/ c+p.txt');
    expect(copied.name).toBe(' c+p.txt');
    const folder = await client.createFolder('/Jotta/Archive/d+ir #x');
    const movedFolder = await client.moveFolder('/Jotta/Archive/d+ir #x', '/Jotta/Archive/e %y');
    expect([folder.name, movedFolder.name]).toEqual(['d+ir #x', 'e %y']);
  });

  it('addresses devices and mount points with spaces and uploads to them (B09, B25)', async () => {
    const client = basicClient(await startTestServer());
    await client.createDevice('My Laptop Air', 'MACBOOK');
    await client.createMountPoint('My Laptop Air', 'My Documents');

    const file = await client.upload(
      '/My Laptop Air/My Documents/sub/a.txt',
      bufferSource(Buffer.from('on a backup device')).source,
    );
    expect(file).toMatchObject({ state: 'COMPLETED', path: '/My Laptop Air/My Documents/sub' });
    const { stream } = await client.download('/My Laptop Air/My Documents/sub/a.txt');
    expect((await readAll(stream)).toString()).toBe('on a backup device');
    await expect(client.getObject('/Jotta/Archive/sub/a.txt')).rejects.toThrow(/does not exist/);
  });
});

describe('names against the reported server quirks (§1.4)', () => {
  it('survives `;` as a segment end and explains the refusal of %XX-looking names', async () => {
    const server = await startTestServer({
      quirks: { semicolonEndsSegment: true, rejectPercentNames: true },
    });
    const client = basicClient(server);

    const file = await client.upload(
      '/Jotta/Archive/x;y.txt',
      bufferSource(Buffer.from('s')).source,
    );
    expect(file.name).toBe('x;y.txt');
    const { stream } = await client.download('/Jotta/Archive/x;y.txt');
    expect((await readAll(stream)).toString()).toBe('s');

    const refused = await client
      .upload('/Jotta/Archive/a%20b.jpg', bufferSource(Buffer.from('p')).source)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InvalidPathError);
    expect((refused as Error).message).toMatch(/percent-encoded.*Rename it/);
  });
});
