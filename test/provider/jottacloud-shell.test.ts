import { mkdir, mkdtemp, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJottacloudProvider } from '../../providers/jottacloud/index.js';
import { createFileSystemProvider } from '../../providers/filesystem/index.js';
import { ProviderEngine } from '../../src/provider/index.js';
import type { Shell } from '../../src/shell/api.js';
import { navigationCmdlets } from '../../src/shell/cmdlets/navigation/index.js';
import { createShell } from '../../src/shell/index.js';
import { RecordingHost } from './jottacloud-features-shell.js';
import { startJottacloud, type JottacloudFixture } from './jottacloud-fixture.js';

let jafs: JottacloudFixture;

beforeAll(async () => {
  jafs = await startJottacloud();
});

afterAll(async () => {
  await jafs?.close();
});

/** A fresh shell on a fresh engine with the file system and the JAFS: drive. */
async function shell(): Promise<{ shell: Shell; host: RecordingHost }> {
  const engine = new ProviderEngine();
  engine.registerProvider(createFileSystemProvider());
  engine.registerProvider(createJottacloudProvider({ client: jafs.client }));
  await engine.newDrive('Jottacloud', { name: 'JAFS', root: '/' });
  const host = new RecordingHost();
  return { shell: createShell({ host, engine, cmdlets: navigationCmdlets }), host };
}

async function run(script: string) {
  const session = await shell();
  const result = await session.shell.run(script);
  return { ...result, output: session.host.output, errors: session.host.errors };
}

const DOC_SCRIPT_CREATE = String.raw`Test-Path JAFS:\PC001
New-Item "JAFS:" -ItemType device -Value PSProviderTestDev -DeviceType LAPTOP
New-Item "JAFS:\PSProviderTestDev" -ItemType mountpoint -Value PSProviderTestMount
New-Item "JAFS:\PSProviderTestDev\PSProviderTestMount" -ItemType folder -Value PSProviderTestFolder
Test-Path JAFS:\PSProviderTestDev\PSProviderTestMount\PSProviderTestFolder
Get-Item JAFS:\PSProviderTestDev\PSProviderTestMount
Get-ChildItem JAFS:\PSProviderTestDev\PSProviderTestMount
Remove-Item JAFS:\PSProviderTestDev\PSProviderTestMount\PSProviderTestFolder
`;

const DOC_SCRIPT_REMOVE = String.raw`Remove-Item JAFS:\PSProviderTestDev\PSProviderTestMount
Remove-Item JAFS:\PSProviderTestDev -Permanent
Test-Path JAFS:\PSProviderTestDev
`;

const booleans = (output: string) =>
  output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line === 'True' || line === 'False');

describe('the JaFS documentation script through the shell', () => {
  let created: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    created = await run(DOC_SCRIPT_CREATE);
  });

  it('creates, lists and trashes the folder without errors', async () => {
    const result = created;
    expect(result.errors).toBe('');
    expect(result.failed).toBe(false);
    expect(booleans(result.output)).toEqual(['False', 'True']);
    const listing = result.output.split(
      'Directory: JAFS:\\PSProviderTestDev\\PSProviderTestMount\n',
    );
    expect(listing.pop()).toMatch(/^d----\s+PSProviderTestFolder$/m);
  });

  // The mount point still holds the trashed folder: it must not count as a child (no prompt).
  it('removes the mount point and the device without asking', async () => {
    const result = await run(DOC_SCRIPT_REMOVE);
    expect(result.errors).toBe('');
    expect(booleans(result.output)).toEqual(['False']);
  });
});

describe('the Jottacloud provider through the shell', () => {
  it('refuses to remove a device without -Permanent, then removes it with it', async () => {
    const refused = await run(
      'New-Item JAFS:\\Dev2 -ItemType device -DeviceType Laptop | Out-Null; Remove-Item JAFS:\\Dev2; Test-Path JAFS:\\Dev2',
    );
    expect(refused.errors).toContain(
      "Devices cannot be moved to Trash; use -Permanent to delete 'Dev2' permanently.",
    );
    expect(booleans(refused.output)).toEqual(['True']);

    const removed = await run('Remove-Item JAFS:\\Dev2 -Permanent; Test-Path JAFS:\\Dev2');
    expect(removed.errors).toBe('');
    expect(booleans(removed.output)).toEqual(['False']);
  });

  it('shows Trash only with -Force and refuses to rename a device', async () => {
    const plain = await run('Get-ChildItem JAFS:\\Jotta -Name');
    expect(plain.output.split('\n')).not.toContain('Trash');
    const forced = await run('Get-ChildItem JAFS:\\Jotta -Force -Name');
    expect(forced.output.split('\n')).toContain('Trash');

    const rename = await run('Rename-Item JAFS:\\Jotta -NewName Other');
    expect(rename.errors).toContain(
      'Renaming devices and mount points is not supported by Jottacloud',
    );
  });

  it('reaches the hidden Trash by name without -Force, as cd reaches a hidden folder', async () => {
    const result = await run(
      [
        "Set-Content JAFS:\\Jotta\\Archive\\binned.txt 'bye'",
        'Remove-Item JAFS:\\Jotta\\Archive\\binned.txt',
        'Get-ChildItem JAFS:\\Jotta\\Trash -Name',
        'Get-ChildItem JAFS:\\Jotta -Force | Where-Object Name -eq Trash | Get-ChildItem -Name',
        'Set-Location JAFS:\\Jotta\\Trash',
        '(Get-Location).Path',
        'Get-ChildItem JAFS:\\Jotta\\Tr* -Name',
      ].join('\n'),
    );
    expect(result.errors).toBe('');
    const lines = result.output.split('\n').map((line) => line.trim());
    expect(lines.filter((line) => line === 'binned.txt')).toHaveLength(2);
    expect(lines).toContain('JAFS:\\Jotta\\Trash');
    // A wildcard expands through the listing, where Trash stays hidden without -Force.
    expect(lines).not.toContain('Trash');
  });

  it('walks a folder that was trashed and made again as one folder with its live files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jafs-twin-'));
    try {
      const result = await run(
        [
          'New-Item JAFS:\\Jotta\\Archive\\walked -ItemType Directory | Out-Null',
          'Set-Location JAFS:\\Jotta\\Archive\\walked',
          'New-Item twin\\inner -ItemType Directory | Out-Null',
          "Set-Content twin\\old.txt 'old'",
          'Remove-Item twin -Recurse',
          'New-Item twin\\inner -ItemType Directory | Out-Null',
          "Set-Content twin\\new.txt 'new'",
          "Set-Content twin\\inner\\deep.txt 'deep'",
          'Get-ChildItem -Recurse -Name',
          "'--'",
          'Get-ChildItem -Recurse -Force -Name',
          `Copy-Item . '${join(dir, 'down')}' -Recurse`,
        ].join('\n'),
      );
      expect(result.errors).toBe('');
      const [plain, forced] = result.output.split('--').map((part) =>
        part
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      );
      expect(plain.sort()).toEqual([
        'twin',
        'twin\\inner',
        'twin\\inner\\deep.txt',
        'twin\\new.txt',
      ]);
      // -Force may add trashed leftovers, yet every live name appears once.
      for (const name of plain) expect(forced.filter((line) => line === name)).toHaveLength(1);
      expect(await readFile(join(dir, 'down', 'twin', 'new.txt'), 'utf8')).toBe('new\n');
      expect(await readFile(join(dir, 'down', 'twin', 'inner', 'deep.txt'), 'utf8')).toBe('deep\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to create, write or copy into Trash', async () => {
    const result = await run(
      [
        "Set-Content JAFS:\\Jotta\\Archive\\gone.txt 'x'",
        'Remove-Item JAFS:\\Jotta\\Archive\\gone.txt',
        "Set-Content JAFS:\\Jotta\\Trash\\t.txt 'x'",
        'New-Item JAFS:\\Jotta\\Trash\\newdir -ItemType Directory',
        'Copy-Item JAFS:\\Jotta\\Trash\\gone.txt JAFS:\\Jotta\\Trash\\copy.txt',
        'Get-ChildItem JAFS:\\Jotta\\Trash -Name',
      ].join('\n'),
    );
    const refusals = result.errors.match(/Trash holds only removed items/g) ?? [];
    expect(refusals).toHaveLength(3);
    const lines = result.output.split('\n').map((line) => line.trim());
    expect(lines).toContain('gone.txt');
    for (const name of ['t.txt', 'newdir', 'copy.txt']) expect(lines).not.toContain(name);
  });

  it('copies a tree up without following a link to a folder (a loop back to its parent)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jafs-loop-'));
    try {
      await mkdir(join(dir, 'loop', 'd'), { recursive: true });
      await writeFile(join(dir, 'loop', 'd', 'f.txt'), 'f\n');
      await symlink('..', join(dir, 'loop', 'd', 'up'));

      const result = await run(
        `Copy-Item '${join(dir, 'loop')}' JAFS:\\Jotta\\Archive\\loop -Recurse\n` +
          'Get-ChildItem JAFS:\\Jotta\\Archive\\loop -Recurse -Name',
      );
      expect(result.errors).toBe('');
      const listed = result.output
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      expect(listed.sort()).toEqual(['d', 'd\\f.txt']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads and deletes for good a file by its Trash path, never a live file made there since', async () => {
    const result = await run(
      [
        "Set-Content JAFS:\\Jotta\\Archive\\binned-once.txt 'hello'",
        'Remove-Item JAFS:\\Jotta\\Archive\\binned-once.txt',
        'Get-Content JAFS:\\Jotta\\Trash\\binned-once.txt',
        'Remove-Item JAFS:\\Jotta\\Trash\\binned-once.txt -Permanent -Confirm:$false',
        'Test-Path JAFS:\\Jotta\\Trash\\binned-once.txt',
        "Set-Content JAFS:\\Jotta\\Archive\\made-again.txt 'old'",
        'Remove-Item JAFS:\\Jotta\\Archive\\made-again.txt',
        "Set-Content JAFS:\\Jotta\\Archive\\made-again.txt 'new'",
        'Get-Content JAFS:\\Jotta\\Trash\\made-again.txt',
        'Remove-Item JAFS:\\Jotta\\Trash\\made-again.txt -Permanent -Confirm:$false',
        'Get-Content JAFS:\\Jotta\\Archive\\made-again.txt',
      ].join('\n'),
    );
    const lines = result.output
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    expect(lines).toEqual(['hello', 'False', 'new']);
    expect(result.errors).toContain(
      "Cannot read 'JAFS:\\Jotta\\Trash\\made-again.txt': a live item now has its original path",
    );
    expect(result.errors).toContain(
      "Cannot delete 'JAFS:\\Jotta\\Trash\\made-again.txt' for good: a live item now has",
    );
  });

  it('writes and reads content, and the item shows its length and MD5', async () => {
    const result = await run(
      "Set-Content JAFS:\\Jotta\\Archive\\hello.txt -Value 'hej verden'\n" +
        'Get-Content JAFS:\\Jotta\\Archive\\hello.txt\n' +
        '(Get-Item JAFS:\\Jotta\\Archive\\hello.txt).MD5\n' +
        '(Get-Item JAFS:\\Jotta\\Archive\\hello.txt).Length',
    );
    expect(result.errors).toBe('');
    const lines = result.output.split('\n').map((line) => line.trim());
    expect(lines).toContain('hej verden');
    expect(lines).toContain(String(Buffer.byteLength('hej verden\n')));
  });

  it('mounts a second drive at a mount point with New-PSDrive', async () => {
    const result = await run(
      'New-Item JAFS:\\Jotta\\Archive\\mounted -ItemType folder | Out-Null\n' +
        'New-PSDrive -Name Cloud -PSProvider Jottacloud -Root \\Jotta\\Archive | Out-Null\n' +
        'Get-ChildItem Cloud:\\ -Name',
    );
    expect(result.errors).toBe('');
    expect(result.output.split('\n').map((line) => line.trim())).toContain('mounted');
  });

  it('copies a local folder up to JAFS: and back down with its bytes and times', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jafs-shell-copy-'));
    try {
      const when = new Date('2021-06-07T08:09:10Z');
      await mkdir(join(dir, 'src', 'inner'), { recursive: true });
      const files = { 'a.txt': 'alpha', 'inner/b.bin': 'b'.repeat(70_000) };
      for (const [name, text] of Object.entries(files)) {
        await writeFile(join(dir, 'src', name), text);
        await utimes(join(dir, 'src', name), when, when);
      }

      const up = await run(
        `Copy-Item '${join(dir, 'src')}' JAFS:\\Jotta\\Archive\\uploaded -Recurse\n` +
          'Get-ChildItem JAFS:\\Jotta\\Archive\\uploaded -Recurse -Name',
      );
      expect(up.errors).toBe('');
      const listed = up.output.split('\n').map((line) => line.trim());
      expect(listed).toEqual(expect.arrayContaining(['a.txt', 'inner', 'inner\\b.bin']));

      const down = await run(
        `Copy-Item JAFS:\\Jotta\\Archive\\uploaded '${join(dir, 'down')}' -Recurse`,
      );
      expect(down.errors).toBe('');
      for (const [name, text] of Object.entries(files)) {
        expect(await readFile(join(dir, 'down', name), 'utf8')).toBe(text);
        expect((await stat(join(dir, 'down', name))).mtime.getTime()).toBe(when.getTime());
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
