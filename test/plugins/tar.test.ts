import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTarProvider, readTarIndex } from '../../providers/tar/index.js';
import { startJottacloud, type JottacloudFixture } from '../provider/jottacloud-fixture.js';
import { pluginShell } from './harness.js';
import { makeTar, tempFolder } from './fixtures.js';

// Over 100 bytes: GNU tar needs a long-name entry, pax a path record, ustar the prefix field.
const LONG = `${'a'.repeat(60)}/${'b'.repeat(60)}/${'f'.repeat(90)}.txt`;
const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');

describe('Tar provider', () => {
  let folder: { dir: string; cleanup(): Promise<void> };
  beforeAll(async () => (folder = await tempFolder()));
  afterAll(() => folder?.cleanup());

  it.each(['gnu', 'pax', 'ustar'] as const)(
    'reads %s archives, long names included',
    async (format) => {
      const archive = await makeTar(folder.dir, { [LONG]: 'deep', 'x/empty.txt': '' }, format);
      const index = await readTarIndex(archive);
      const [first, second, file] = LONG.split('/');
      expect(index.folders.get(first)?.folders.get(second)?.files.get(file)?.size).toBe(4);
      expect(index.folders.get('x')?.files.get('empty.txt')?.size).toBe(0);
    },
  );

  it('refuses a file that is not a tar archive with an actionable error', async () => {
    const { shell, host, engine } = await pluginShell(folder.dir);
    engine.registerProvider(createTarProvider());
    await shell.run(
      `'not a tar archive' * 40 | Set-Content ./fake.tar; New-PSDrive B Tar '${folder.dir}/fake.tar'`,
    );
    expect(host.take().errors).toMatch(/not a readable tar archive: bad header/);

    await shell.run('New-PSDrive B Tar ./missing.tar');
    expect(host.take().errors).toContain(`${folder.dir}/missing.tar`);
  });

  it('opens an archive named relative to the file-system location, from any drive', async () => {
    const archive = await makeTar(folder.dir, { 'a/b.txt': 'bee' });
    const { shell, host, engine } = await pluginShell(folder.dir);
    engine.registerProvider(createTarProvider());
    await shell.run(`Rename-Item '${archive}' rel.tar; New-PSDrive R Tar ./rel.tar | Out-Null`);
    await shell.run('Set-Location R:\\a; New-PSDrive S Tar ./rel.tar | ForEach-Object Root');
    expect(host.take()).toEqual({ output: `${folder.dir}/rel.tar\n`, errors: '' });

    await shell.run('Get-Content R:\\a\\b.txt; Get-Content S:/a/b.txt; Get-PSDrive R | % Root');
    expect(host.take()).toEqual({ output: `bee\nbee\n${folder.dir}/rel.tar\n`, errors: '' });

    await shell.run('New-PSDrive Q Tar R:\\a\\b.txt');
    expect(host.take().errors).toContain('must be a file on this computer');
  });
});

describe('Copy-Item out of a Tar drive into JAFS: on the local server', () => {
  let jafs: JottacloudFixture;
  let folder: { dir: string; cleanup(): Promise<void> };
  const photos: Record<string, Buffer> = {
    'photos/2024/beach.jpg': randomBytes(300_000),
    'photos/2024/sunset.jpg': randomBytes(70_001),
    'photos/readme.txt': Buffer.from('holiday\n'),
    'photos/empty.bin': Buffer.alloc(0),
  };

  beforeAll(async () => {
    jafs = await startJottacloud();
    folder = await tempFolder();
  });

  afterAll(async () => {
    await jafs?.close();
    await folder?.cleanup();
  });

  it('copies a folder recursively with every byte intact', async () => {
    const archive = await makeTar(folder.dir, photos);
    const { shell, host, engine } = await pluginShell(folder.dir, jafs.client);
    engine.registerProvider(createTarProvider());

    await shell.run(`New-PSDrive Backup Tar '${archive}' | Out-Null`);
    await shell.run('Copy-Item Backup:\\photos JAFS:\\Jotta\\Archive\\photos -Recurse');
    expect(host.take().errors).toBe('');

    for (const [name, bytes] of Object.entries(photos)) {
      const download = await jafs.client.download(`/Jotta/Archive/${name}`);
      const chunks: Buffer[] = [];
      for await (const chunk of download.stream) chunks.push(chunk as Buffer);
      expect(md5(Buffer.concat(chunks)), name).toBe(md5(bytes));
    }

    await shell.run('Get-PSProvider Tar | ForEach-Object Capabilities');
    expect(host.take().output.trim()).toBe('Credentials, Filter, GetContent');
  });
});
