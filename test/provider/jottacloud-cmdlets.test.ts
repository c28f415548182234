import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJottacloudProvider } from '../../providers/jottacloud/index.js';
import { ProviderEngine } from '../../src/provider/index.js';
import { navigationCmdlets } from '../../src/shell/cmdlets/navigation/index.js';
import { messages, runCmdlet } from './cmdlet-context.js';
import { startJottacloud, type JottacloudFixture } from './jottacloud-fixture.js';

const cmdlet = (name: string) => navigationCmdlets.find((c) => c.name === name)!;

let jafs: JottacloudFixture;
let engine: ProviderEngine;

beforeAll(async () => {
  jafs = await startJottacloud();
  engine = new ProviderEngine();
  engine.registerProvider(createJottacloudProvider({ client: jafs.client }));
  await engine.newDrive('Jottacloud', { name: 'JAFS', root: '/' });
});

afterAll(async () => {
  await jafs?.close();
});

async function run(name: string, params: Record<string, unknown>) {
  const result = await runCmdlet(cmdlet(name), engine, params);
  return { ...result, errorMessages: messages(result.errors) };
}

async function exists(path: string): Promise<boolean> {
  const result = await run('Test-Path', { Path: [path] });
  return result.output[0] as boolean;
}

describe('the JaFS documentation script, cmdlet by cmdlet on the engine', () => {
  const device = 'JAFS:\\PSProviderTestDev';
  const mount = `${device}\\PSProviderTestMount`;
  const folder = `${mount}\\PSProviderTestFolder`;

  it('creates a device, a mount point and a folder the way JaFS did (-Value names them)', async () => {
    expect(await exists('JAFS:\\PC001')).toBe(false);

    const dev = await run('New-Item', {
      Path: ['JAFS:'],
      ItemType: 'device',
      Value: 'PSProviderTestDev',
      DeviceType: 'LAPTOP',
    });
    expect(dev.errorMessages).toEqual([]);
    expect(dev.output[0]).toMatchObject({ Name: 'PSProviderTestDev', DeviceType: 'LAPTOP' });

    const mp = await run('New-Item', {
      Path: [device],
      ItemType: 'mountpoint',
      Value: 'PSProviderTestMount',
    });
    expect(mp.errorMessages).toEqual([]);
    const made = await run('New-Item', {
      Path: [mount],
      ItemType: 'folder',
      Value: 'PSProviderTestFolder',
    });
    expect(made.errorMessages).toEqual([]);
    expect(await exists(folder)).toBe(true);

    const item = await run('Get-Item', { Path: [mount] });
    expect(item.output[0]).toMatchObject({ Name: 'PSProviderTestMount', PSIsContainer: true });
    const listing = await run('Get-ChildItem', { Path: [mount] });
    expect(listing.output.map((o) => (o as { Name: string }).Name)).toEqual([
      'PSProviderTestFolder',
    ]);
    expect(listing.output[0]).toMatchObject({ Mode: 'd----' });
  });

  it('moves the (empty) folder to Trash', async () => {
    expect((await run('Remove-Item', { Path: [folder] })).errorMessages).toEqual([]);
    expect((await run('Get-ChildItem', { Path: [mount] })).output).toEqual([]);
    const forced = await run('Get-ChildItem', { Path: [mount], Force: true });
    expect(forced.output).toEqual([expect.objectContaining({ Name: 'PSProviderTestFolder' })]);
  });

  // Trashed items are gone for Test-Path and for Remove-Item's "has children" question: the
  // engine skips items the provider marks `deleted`.
  it('says a trashed folder no longer exists', async () => {
    expect(await exists(folder)).toBe(false);
  });

  it('moves a mount point holding only trashed items to Trash without asking', async () => {
    expect((await run('Remove-Item', { Path: [mount] })).errorMessages).toEqual([]);
    expect(await exists(mount)).toBe(false);
  });

  it('removes a device only with -Permanent', async () => {
    expect(
      (await run('New-Item', { Path: ['JAFS:\\Spare'], ItemType: 'device' })).errorMessages,
    ).toEqual([]);

    const refused = await run('Remove-Item', { Path: ['JAFS:\\Spare'] });
    expect(refused.errorMessages).toEqual([
      "Devices cannot be moved to Trash; use -Permanent to delete 'Spare' permanently.",
    ]);
    expect(await exists('JAFS:\\Spare')).toBe(true);

    const removed = await run('Remove-Item', { Path: ['JAFS:\\Spare'], Permanent: true });
    expect(removed.errorMessages).toEqual([]);
    expect(await exists('JAFS:\\Spare')).toBe(false);
  });

  it('lists hidden items with -Force only', async () => {
    const plain = await run('Get-ChildItem', { Path: ['JAFS:\\Jotta'] });
    const forced = await run('Get-ChildItem', { Path: ['JAFS:\\Jotta'], Force: true });
    const names = (output: unknown[]) => output.map((o) => (o as { Name: string }).Name);
    expect(names(plain.output)).not.toContain('Trash');
    expect(names(forced.output)).toContain('Trash');
  });

  it('refuses to rename a device with the provider message', async () => {
    const result = await run('Rename-Item', { Path: ['JAFS:\\Jotta'], NewName: 'Other' });
    expect(result.errorMessages.join('\n')).toContain(
      'Renaming devices and mount points is not supported by Jottacloud',
    );
  });
});
