import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSystemDrive, jottacloudDrive, type SharedDrive } from './drives.js';
import { sharedSession } from './shared-shell.js';

/**
 * The jafs extension documented in docs/powershell-differences.md: Copy-Item and Move-Item
 * between the local disk and JAFS: are downloads and uploads (PowerShell refuses them).
 */
describe('Copy-Item and Move-Item between FileSystem and Jottacloud', () => {
  let cloud: SharedDrive;
  let disk: SharedDrive;
  beforeAll(async () => {
    cloud = await jottacloudDrive();
    disk = await fileSystemDrive();
  });
  afterAll(async () => {
    await cloud.close();
    await disk.close();
  });

  it('uploads a local tree into the current JAFS: folder with -Recurse', async () => {
    const local = await disk.makeFolder({ 'up/a.txt': 'A\n', 'up/in/b.txt': 'B\n' });
    const s = await sharedSession(cloud, {});

    const typed = await s.type(
      `Copy-Item '${local}/up' . -Recurse; (Get-ChildItem -Recurse -Name) -join ','`,
    );

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual(['up,up\\a.txt,up\\in,up\\in\\b.txt']);
    expect(await s.read('up/in/b.txt')).toBe('B\n');
    expect(await disk.read(local, 'up/a.txt')).toBe('A\n');
  });

  it('downloads a JAFS: tree to a local folder with -Recurse', async () => {
    const local = await disk.makeFolder({});
    const s = await sharedSession(cloud, { 'sub/c.txt': 'C\n', 'sub/deep/d.txt': 'D\n' });

    const typed = await s.type(`Copy-Item sub '${local}/down' -Recurse`);

    expect(typed.out + typed.err).toBe('');
    expect(await disk.list(local, 'down')).toEqual(['c.txt', 'deep']);
    expect(await disk.read(local, 'down/deep/d.txt')).toBe('D\n');
  });

  it('moves a local file to JAFS:, removing the local one', async () => {
    const local = await disk.makeFolder({ 'm.txt': 'M\n' });
    const s = await sharedSession(cloud, {});

    const typed = await s.type(`Move-Item '${local}/m.txt' .; Test-Path '${local}/m.txt'`);

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual(['False']);
    expect(await s.read('m.txt')).toBe('M\n');
    expect(await disk.list(local)).toEqual([]);
  });
});
