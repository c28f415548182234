import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jottacloudCmdlets } from '../../src/shell/cmdlets/jottacloud/index.js';
import { USERNAME, startJottacloud, type JottacloudFixture } from './jottacloud-fixture.js';
import { lines, runScript } from './jottacloud-features-shell.js';

let jafs: JottacloudFixture;
let local: string;
const GB = 1024 ** 3;

beforeAll(async () => {
  jafs = await startJottacloud();
  jafs.server.setQuota(USERNAME, 5 * GB);
  local = await mkdtemp(join(tmpdir(), 'jafs-drive-'));
});

afterAll(async () => {
  await jafs?.close();
  if (local) await rm(local, { recursive: true, force: true });
});

const run = (script: string) => runScript(jafs, script);

describe('Get-PSDrive JAFS', () => {
  it("shows the account's used and free space", async () => {
    const result = await run(
      "Set-Content JAFS:\\Jotta\\Archive\\space.txt -Value ('x' * 999)\n" +
        '$d = Get-PSDrive JAFS; $d.Used; $d.Free; $d.Used + $d.Free\n' +
        'Get-PSDrive JAFS',
    );
    expect(result.errors).toBe('');
    const [used, free, total] = lines(result.output).slice(0, 3).map(Number);
    expect(used).toBeGreaterThanOrEqual(1000);
    expect(free).toBe(5 * GB - used);
    expect(total).toBe(5 * GB);
    expect(result.output).toMatch(/JAFS\s+0\.00\s+5\.00\s+Jottacloud/);
  });
});

describe('a corrupt file', () => {
  it('is listed marked, shows its State, and is never read as if whole', async () => {
    const bytes = Buffer.from('these bytes do not match the hash the uploader claimed\n');
    const wrong = createHash('md5').update('something else').digest('hex');
    await jafs.client
      .upload('/Jotta/Archive/broken/bad.txt', {
        size: bytes.length,
        md5: wrong,
        open: async (offset = 0) => Readable.from([bytes.subarray(offset)]),
      })
      .catch(() => undefined);

    const result = await run(
      'Get-ChildItem JAFS:\\Jotta\\Archive\\broken\n' +
        'Get-ItemPropertyValue JAFS:\\Jotta\\Archive\\broken\\bad.txt -Name State\n' +
        'Get-Content JAFS:\\Jotta\\Archive\\broken\\bad.txt\n' +
        `Copy-Item JAFS:\\Jotta\\Archive\\broken\\bad.txt ${local}`,
    );
    expect(result.output).toMatch(/-a-c-\s.*bad\.txt/);
    expect(lines(result.output)).toContain('CORRUPT');
    expect(result.output).not.toContain('these bytes');
    expect(result.errors).toMatch(/Get-Content:[\s\S]*bad\.txt/);
    expect(result.errors).toMatch(/Copy-Item:[\s\S]*bad\.txt/);
    expect(await readdir(local)).toEqual([]);
  });
});

describe('mount points and devices', () => {
  it('are made on the built-in device only with -Force', async () => {
    const refused = await run('New-Item JAFS:\\Jotta\\Extra -ItemType mountpoint');
    expect(refused.errors).toContain(
      "Cannot create mount point 'JAFS:\\Jotta\\Extra' on the built-in device; use -Force to create it anyway.",
    );
    const absent = await run('Test-Path JAFS:\\Jotta\\Extra');
    expect(lines(absent.output)).toEqual(['False']);

    const made = await run(
      'New-Item JAFS:\\Jotta\\Extra -ItemType mountpoint -Force | Out-Null\n' +
        'Test-Path JAFS:\\Jotta\\Extra -PathType Container',
    );
    expect(made.errors).toBe('');
    expect(lines(made.output)).toEqual(['True']);
  });

  it('cannot be renamed: Jottacloud has no such request', async () => {
    const result = await run(
      'New-Item JAFS:\\Laptop -ItemType device | Out-Null\n' +
        'New-Item JAFS:\\Laptop\\Disk -ItemType mountpoint | Out-Null\n' +
        'Rename-Item JAFS:\\Laptop Desktop\n' +
        'Rename-Item JAFS:\\Laptop\\Disk Disk2\n' +
        'Test-Path JAFS:\\Laptop\\Disk; Test-Path JAFS:\\Desktop',
    );
    expect(result.errors).toContain(
      "Renaming devices and mount points is not supported by Jottacloud: 'JAFS:\\Laptop' was not changed.",
    );
    expect(result.errors).toContain(
      "Renaming devices and mount points is not supported by Jottacloud: 'JAFS:\\Laptop\\Disk' was not changed.",
    );
    expect(lines(result.output)).toEqual(['True', 'False']);
  });
});

describe('Get-Help of the Jottacloud cmdlets', () => {
  it.each(jottacloudCmdlets.map((cmdlet) => cmdlet.name))(
    '%s has a synopsis, a syntax, a description and examples',
    async (name) => {
      const result = await run(`Get-Help ${name} -Full`);
      expect(result.errors).toBe('');
      const cmdlet = jottacloudCmdlets.find((entry) => entry.name === name)!;
      expect(result.output).toContain(cmdlet.synopsis);
      expect(result.output).toMatch(new RegExp(`SYNTAX\\s+${name} `));
      expect(result.output).toContain('DESCRIPTION');
      expect(result.output).toContain('Example 1');
    },
  );
});
