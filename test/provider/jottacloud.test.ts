import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BuiltInItemError,
  BuiltInMountPointError,
  DevicePermanentOnlyError,
  InvalidDeviceTypeError,
  ItemExistsError,
  ItemTypeError,
  RenameNotSupportedError,
} from '../../providers/jottacloud/index.js';
import {
  children,
  names,
  startJottacloud,
  USERNAME,
  type JottacloudFixture,
} from './jottacloud-fixture.js';

let jafs: JottacloudFixture;

beforeAll(async () => {
  jafs = await startJottacloud();
});

afterAll(async () => {
  await jafs?.close();
});

describe('Jottacloud provider: the account hierarchy', () => {
  it('shows the account as a container root holding the built-in device', async () => {
    const { provider } = jafs;
    const ctx = jafs.context();

    const root = await provider.getItem('/', ctx);
    expect(root).toMatchObject({ name: USERNAME, isContainer: true });
    expect(root?.typeNames).toEqual(['Jafs.Jottacloud.Account']);

    const devices = await children(provider, '/', ctx);
    const jotta = devices.find((item) => item.name === 'Jotta');
    expect(jotta).toMatchObject({ isContainer: true, typeNames: ['Jafs.Jottacloud.Device'] });
    expect(jotta?.properties).toMatchObject({ Name: 'Jotta', DeviceType: 'JOTTA', Mode: 'd----' });
    expect(jotta?.properties).toHaveProperty('LastWriteTime');
  });

  it('matches names case-insensitively and reports the stored spelling', async () => {
    const item = await jafs.provider.getItem('/jOTTA/aRCHIVE', jafs.context());
    expect(item).toMatchObject({ name: 'Archive', isContainer: true });
    expect(item?.typeNames).toEqual(['Jafs.Jottacloud.MountPoint']);
  });

  it('answers undefined for paths that do not exist, at every level', async () => {
    const ctx = jafs.context();
    for (const path of [
      '/NoDevice',
      '/Jotta/NoMount',
      '/Jotta/Archive/none',
      '/Jotta/Archive/a/b',
    ]) {
      expect(await jafs.provider.getItem(path, ctx)).toBeUndefined();
    }
  });

  it('runs the JaFS script: device, mount point, folder, Trash, permanent device removal', async () => {
    const { provider } = jafs;
    const ctx = jafs.context();
    const withType = jafs.context({ dynamic: { DeviceType: 'Laptop' } });

    const device = await provider.newItem!('/MyLaptop', 'device', undefined, withType);
    expect(device.properties).toMatchObject({ Name: 'MyLaptop', DeviceType: 'LAPTOP' });

    const mountPoint = await provider.newItem!('/MyLaptop/Backup', 'mountpoint', undefined, ctx);
    expect(mountPoint).toMatchObject({ name: 'Backup', isContainer: true });

    const folder = await provider.newItem!('/MyLaptop/Backup/Docs', 'folder', undefined, ctx);
    expect(folder.typeNames).toEqual(['Jafs.Jottacloud.Folder']);
    expect(names(await children(provider, '/MyLaptop/Backup', ctx))).toEqual(['Docs']);
    expect(names(await children(provider, '/MyLaptop', ctx))).toEqual(['Backup']);

    // Folder to Trash: gone from plain listings, back with -Force as a hidden, deleted item.
    await provider.removeItem!('/MyLaptop/Backup/Docs', { recurse: true }, ctx);
    expect(names(await children(provider, '/MyLaptop/Backup', ctx))).toEqual([]);
    expect(await provider.getItem('/MyLaptop/Backup/Docs', ctx)).toBeUndefined();
    const trashed = await provider.getItem('/MyLaptop/Backup/Docs', jafs.context({ force: true }));
    expect(trashed).toMatchObject({ hidden: true, deleted: true, properties: { Mode: 'd--h-' } });
    expect(trashed?.properties.Deleted).toBeInstanceOf(Date);

    // Mount point to Trash likewise.
    await provider.removeItem!('/MyLaptop/Backup', { recurse: true }, ctx);
    expect(names(await children(provider, '/MyLaptop', ctx))).toEqual([]);
    const forced = await children(provider, '/MyLaptop', jafs.context({ force: true }));
    expect(forced.map((item) => [item.name, item.hidden, item.deleted])).toEqual([
      ['Backup', true, true],
    ]);

    // A device has no Trash: without -Permanent it is an error and the device stays.
    const refusal = provider.removeItem!('/MyLaptop', { recurse: true }, ctx);
    await expect(refusal).rejects.toBeInstanceOf(DevicePermanentOnlyError);
    await expect(refusal).rejects.toThrow(
      "Devices cannot be moved to Trash; use -Permanent to delete 'MyLaptop' permanently.",
    );
    expect(await provider.getItem('/MyLaptop', ctx)).toBeDefined();

    const permanent = jafs.context({ dynamic: { Permanent: true } });
    await provider.removeItem!('/MyLaptop', { recurse: true }, permanent);
    expect(await provider.getItem('/MyLaptop', ctx)).toBeUndefined();
    expect(names(await children(provider, '/', ctx))).not.toContain('MyLaptop');
  });

  it('gives a new device type WORKSTATION by default and reads -DeviceType leniently', async () => {
    const { provider } = jafs;
    const plain = await provider.newItem!('/Plain', 'Device', undefined, jafs.context());
    expect(plain.properties.DeviceType).toBe('WORKSTATION');

    const phone = jafs.context({ dynamic: { DeviceType: 'WindowsPhone' } });
    const created = await provider.newItem!('/Phone', 'device', undefined, phone);
    expect(created.properties.DeviceType).toBe('WINDOWS_PHONE');

    const wrong = jafs.context({ dynamic: { DeviceType: 'Toaster' } });
    await expect(provider.newItem!('/Toaster', 'device', undefined, wrong)).rejects.toBeInstanceOf(
      InvalidDeviceTypeError,
    );
    expect(await provider.getItem('/Toaster', jafs.context())).toBeUndefined();
  });

  it('refuses an existing name and item types that do not fit the level', async () => {
    const { provider } = jafs;
    const ctx = jafs.context();
    await expect(provider.newItem!('/Jotta', 'device', undefined, ctx)).rejects.toBeInstanceOf(
      ItemExistsError,
    );
    await expect(provider.newItem!('/Folder', 'folder', undefined, ctx)).rejects.toBeInstanceOf(
      ItemTypeError,
    );
    await expect(
      provider.newItem!('/Jotta/Archive/x', 'mountpoint', undefined, ctx),
    ).rejects.toThrow('Item types allowed here: folder, file.');

    expect(provider.newItemTypes!('/')).toEqual(['device']);
    expect(provider.newItemTypes!('/Jotta')).toEqual(['mountpoint']);
    expect(provider.newItemTypes!('/Jotta/Archive')).toEqual(['folder', 'file']);
    expect(provider.newItemTypes!('/Jotta/Archive/docs')).toEqual(['folder', 'file']);

    const made = await provider.newItem!('/Jotta/Archive/generic', 'Directory', undefined, ctx);
    expect(made.isContainer).toBe(true);
    const again = provider.newItem!('/Jotta/Archive/generic', 'Directory', undefined, ctx);
    await expect(again).rejects.toBeInstanceOf(ItemExistsError);
    const forced = jafs.context({ force: true });
    const existing = await provider.newItem!('/Jotta/Archive/GENERIC', 'folder', undefined, forced);
    expect(existing.name).toBe('generic');
  });
});

describe('Jottacloud provider: makeContainer (mkdir -p)', () => {
  it('creates a mount point and folders below an existing device, and reuses what exists', async () => {
    const { provider } = jafs;
    const ctx = jafs.context();
    await provider.newItem!('/Maker', 'device', undefined, ctx);

    const deep = await provider.makeContainer!('/Maker/Set/a/b', ctx);
    expect(deep).toMatchObject({ name: 'b', isContainer: true });
    expect(await provider.getItem('/Maker/Set', ctx)).toMatchObject({
      typeNames: ['Jafs.Jottacloud.MountPoint'],
    });
    expect(names(await children(provider, '/Maker/Set/a', ctx))).toEqual(['b']);
    expect((await provider.makeContainer!('/maker/set/A', ctx)).name).toBe('a');
  });

  it('refuses to invent devices or mount points of the built-in device', async () => {
    const { provider } = jafs;
    const ctx = jafs.context();
    await expect(provider.makeContainer!('/Nobody/Set/x', ctx)).rejects.toThrow(
      "device 'Nobody' does not exist",
    );
    await expect(provider.makeContainer!('/Jotta/Invented/x', ctx)).rejects.toBeInstanceOf(
      BuiltInMountPointError,
    );
    expect(
      await provider.getItem('/Jotta/Invented', jafs.context({ force: true })),
    ).toBeUndefined();
  });
});

describe('Jottacloud provider: the built-in device', () => {
  it('hides Trash, Links, Latest and Shared from listings unless -Force', async () => {
    const { provider } = jafs;
    const plain = names(await children(provider, '/Jotta', jafs.context()));
    expect(plain).toContain('Archive');
    expect(plain).toContain('Sync');
    for (const special of ['Trash', 'Links', 'Latest', 'Shared'])
      expect(plain).not.toContain(special);

    const forced = await children(provider, '/Jotta', jafs.context({ force: true }));
    expect(names(forced)).toEqual(expect.arrayContaining(['Archive', 'Sync', 'Trash', 'Links']));
    expect(forced.find((item) => item.name === 'Trash')?.hidden).toBe(true);
    expect(forced.find((item) => item.name === 'Archive')?.hidden).toBeFalsy();

    // Hidden from listings, yet reachable by name (as `cd` reaches a hidden folder on a disk).
    for (const force of [false, true]) {
      expect(await provider.getItem('/Jotta/Trash', jafs.context({ force }))).toMatchObject({
        name: 'Trash',
        isContainer: true,
        hidden: true,
      });
    }
  });

  it('finds a trashed leftover outside the Trash view only with -Force', async () => {
    const { provider } = jafs;
    const ctx = jafs.context();
    await provider.newItem!('/Jotta/Archive/leftover.txt', 'file', 'x', ctx);
    await provider.removeItem!('/Jotta/Archive/leftover.txt', { recurse: false }, ctx);

    expect(await provider.getItem('/Jotta/Archive/leftover.txt', ctx)).toBeUndefined();
    const forced = await provider.getItem(
      '/Jotta/Archive/leftover.txt',
      jafs.context({ force: true }),
    );
    expect(forced).toMatchObject({ name: 'leftover.txt', hidden: true });
  });

  it('lists trashed items in the Trash view as ordinary items', async () => {
    const { provider } = jafs;
    const ctx = jafs.context();
    await provider.newItem!('/Jotta/Archive/binned', 'folder', undefined, ctx);
    await provider.removeItem!('/Jotta/Archive/binned', { recurse: true }, ctx);

    await provider.newItem!('/Jotta/Archive/old.txt', 'file', 'old', ctx);
    await provider.removeItem!('/Jotta/Archive/old.txt', { recurse: false }, ctx);

    const force = jafs.context({ force: true });
    const trash = await children(provider, '/Jotta/Trash', force);
    const binned = trash.find((item) => item.name === 'binned');
    expect(binned).toMatchObject({ isContainer: true });
    expect(binned?.hidden).toBeFalsy();
    expect(binned?.deleted).toBeFalsy();
    const old = trash.find((item) => item.name === 'old.txt');
    expect(old?.properties).toMatchObject({ OriginalPath: 'JAFS:\\Jotta\\Archive\\old.txt' });

    // A trashed folder of the view lists what it held (it held nothing); see
    // jottacloud-trash-folders.test.ts for browsing one with content.
    await expect(children(provider, '/Jotta/Trash/binned', force)).resolves.toEqual([]);
  });

  it('walks the whole account with -Force, skipping what cannot be listed', async () => {
    const { provider } = jafs;
    const force = jafs.context({ force: true });
    const walked: string[] = [];
    for await (const entry of provider.walk!('/', force)) walked.push(entry.path);

    expect(walked).toEqual(expect.arrayContaining(['/Jotta', '/Jotta/Trash', '/Jotta/Links']));
    expect(walked).toContain('/Jotta/Trash/binned');
    expect(walked).toContain('/Jotta/Archive/binned');
    expect(walked.some((path) => path.startsWith('/Jotta/Trash/binned/'))).toBe(false);

    // Links is a view of shared files (none here), listed but never walked into.
    expect(await children(provider, '/Jotta/Links', force)).toEqual([]);
    expect(walked.some((path) => path.startsWith('/Jotta/Links/'))).toBe(false);
  });

  it('refuses to remove the built-in device and its built-in mount points', async () => {
    const { provider } = jafs;
    const permanent = jafs.context({ dynamic: { Permanent: true } });
    await expect(
      provider.removeItem!('/Jotta', { recurse: true }, permanent),
    ).rejects.toBeInstanceOf(BuiltInItemError);
    for (const path of ['/Jotta/Archive', '/Jotta/sync']) {
      await expect(provider.removeItem!(path, { recurse: true }, permanent)).rejects.toBeInstanceOf(
        BuiltInItemError,
      );
    }
    expect(await provider.getItem('/Jotta/Archive', jafs.context())).toBeDefined();
  });

  it('creates a mount point on the built-in device only with -Force', async () => {
    const { provider } = jafs;
    const refused = provider.newItem!('/Jotta/Extra', 'mountpoint', undefined, jafs.context());
    await expect(refused).rejects.toBeInstanceOf(BuiltInMountPointError);
    expect(await provider.getItem('/Jotta/Extra', jafs.context())).toBeUndefined();

    const forced = jafs.context({ force: true });
    const made = await provider.newItem!('/Jotta/Extra', 'mountpoint', undefined, forced);
    expect(made.name).toBe('Extra');
    expect(names(await children(provider, '/Jotta', jafs.context()))).toContain('Extra');
  });
});

describe('Jottacloud provider: rename and move', () => {
  it('refuses to rename devices and mount points with a clear error', async () => {
    const { provider } = jafs;
    const ctx = jafs.context();
    await provider.newItem!('/Renamer', 'device', undefined, ctx);
    await provider.newItem!('/Renamer/Set', 'mountpoint', undefined, ctx);

    for (const path of ['/Renamer', '/Renamer/Set']) {
      const attempt = provider.renameItem!(path, 'Other', ctx);
      await expect(attempt).rejects.toBeInstanceOf(RenameNotSupportedError);
      await expect(attempt).rejects.toThrow(
        'Renaming devices and mount points is not supported by Jottacloud',
      );
    }
    await expect(provider.moveItem!('/Renamer/Set', '/Jotta/Archive/Set', ctx)).rejects.toThrow(
      RenameNotSupportedError,
    );
    expect(await provider.getItem('/Renamer/Set', ctx)).toBeDefined();
  });

  it('renames and moves folders and files', async () => {
    const { provider } = jafs;
    const ctx = jafs.context();
    await provider.newItem!('/Jotta/Archive/move-me', 'folder', undefined, ctx);
    await provider.newItem!('/Jotta/Archive/move-me/note.txt', 'file', 'hi', ctx);

    const renamed = await provider.renameItem!('/Jotta/Archive/move-me', 'moved', ctx);
    expect(renamed).toMatchObject({ name: 'moved', isContainer: true });
    expect(await provider.getItem('/Jotta/Archive/move-me', ctx)).toBeUndefined();
    expect(names(await children(provider, '/Jotta/Archive/moved', ctx))).toEqual(['note.txt']);

    await provider.newItem!('/Jotta/Archive/target', 'folder', undefined, ctx);
    const file = await provider.moveItem!(
      '/Jotta/Archive/moved/note.txt',
      '/Jotta/Archive/target/renamed.txt',
      ctx,
    );
    expect(file).toMatchObject({ name: 'renamed.txt', isContainer: false, size: 2 });
    expect(names(await children(provider, '/Jotta/Archive/moved', ctx))).toEqual([]);

    const clash = provider.renameItem!('/Jotta/Archive/moved', 'target', ctx);
    await expect(clash).rejects.toBeInstanceOf(ItemExistsError);

    // mv refuses to overwrite; -Force sends the old file to Trash first.
    await provider.newItem!('/Jotta/Archive/target/other.txt', 'file', 'other', ctx);
    const from = '/Jotta/Archive/target/other.txt';
    const onto = '/Jotta/Archive/target/renamed.txt';
    await expect(provider.moveItem!(from, onto, ctx)).rejects.toBeInstanceOf(ItemExistsError);
    const replaced = await provider.moveItem!(from, onto, jafs.context({ force: true }));
    expect(replaced).toMatchObject({ name: 'renamed.txt', size: 5 });
    expect(names(await children(provider, '/Jotta/Archive/target', ctx))).toEqual(['renamed.txt']);

    // A change of case only is a rename too (names are case-insensitive, case-preserving).
    const recased = await provider.renameItem!(onto, 'Renamed.TXT', ctx);
    expect(recased.name).toBe('Renamed.TXT');
    expect(names(await children(provider, '/Jotta/Archive/target', ctx))).toEqual(['Renamed.TXT']);
  });
});

describe('Jottacloud provider: drives, space and parameters', () => {
  it('lets one caller cancel a shared listing without failing the other', async () => {
    const { provider, server } = jafs;
    await provider.newItem!('/Jotta/Archive/shared-load', 'folder', undefined, jafs.context());
    await provider.newItem!('/Jotta/Archive/shared-load/x.txt', 'file', 'x', jafs.context());
    jafs.drive.state.listings.invalidate('/Jotta/Archive/shared-load/x.txt');
    const slow = server.faults.add({ method: 'GET', path: 'shared-load', delayMs: 400, times: 1 });

    const first = new AbortController();
    const canceled = children(provider, '/Jotta/Archive/shared-load', {
      ...jafs.context(),
      signal: first.signal,
    });
    const other = children(provider, '/Jotta/Archive/shared-load', jafs.context());
    setTimeout(() => first.abort(), 50);

    await expect(canceled).rejects.toThrow();
    expect(names(await other)).toEqual(['x.txt']);
    expect(slow.hits).toBe(1);
  });

  it('mounts a second drive on the same account at a mount point and sees changes at once', async () => {
    const { provider } = jafs;
    const signal = new AbortController().signal;
    const root = '/Jotta/Archive';
    const state = await provider.newDrive!({ name: 'Cloud', root: '\\Jotta\\Archive' }, signal);
    expect(state.client).toBe(jafs.drive.state.client);

    const cloud = { ...jafs.drive, name: 'Cloud', root, state };
    const cloudCtx = { ...jafs.context(), drive: cloud };
    expect(names(await children(provider, root, cloudCtx))).not.toContain('shared-view');

    await provider.newItem!('/Jotta/Archive/shared-view', 'folder', undefined, jafs.context());
    expect(names(await children(provider, root, cloudCtx))).toContain('shared-view');
    const read = provider.getContent!('/Jotta/Archive/shared-view', cloudCtx);
    await expect(read).rejects.toThrow("Cannot read 'Cloud:\\shared-view': it is a container.");

    const missing = provider.newDrive!({ name: 'Bad', root: '/Jotta/Nowhere' }, signal);
    await expect(missing).rejects.toThrow(/Nowhere/);
  });

  it('reports used and free space of the account', async () => {
    const space = await jafs.provider.driveSpace!(jafs.drive, new AbortController().signal);
    expect(space.used).toBeGreaterThanOrEqual(0);
    const user = await jafs.client.getUser();
    expect(space.used).toBe(user.usage);
    expect(space.free).toBe(user.capacity < 0 ? undefined : user.capacity - user.usage);
  });

  it('reports free space under a quota and none when unlimited', async () => {
    const { provider, server, drive } = jafs;
    const signal = new AbortController().signal;
    server.setQuota('demo', 50_000_000);
    drive.state.listings.clear(); // as after the cache's few seconds
    try {
      const space = await provider.driveSpace!(drive, signal);
      expect(space.free).toBe(50_000_000 - (space.used ?? 0));
    } finally {
      server.setQuota('demo', -1);
      drive.state.listings.clear();
    }
    expect((await provider.driveSpace!(drive, signal)).free).toBeUndefined();
  });

  it('declares -DeviceType for New-Item and -Permanent for Remove-Item', () => {
    const { provider } = jafs;
    const newItem = provider.dynamicParameters!('New-Item', '/');
    expect(newItem.map((p) => p.name)).toEqual(['DeviceType']);
    expect(newItem[0].values).toEqual(expect.arrayContaining(['WORKSTATION', 'LAPTOP']));

    const remove = provider.dynamicParameters!('Remove-Item', '/Jotta');
    expect(remove).toEqual([expect.objectContaining({ name: 'Permanent', type: 'switch' })]);
    expect(provider.dynamicParameters!('Get-ChildItem', '/')).toEqual([]);
  });
});
