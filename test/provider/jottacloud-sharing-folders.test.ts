import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJottacloud, type JottacloudFixture } from './jottacloud-fixture.js';
import { lines, runScript } from './jottacloud-features-shell.js';

let jafs: JottacloudFixture;

beforeAll(async () => {
  jafs = await startJottacloud();
});

afterAll(async () => {
  await jafs?.close();
});

const run = (script: string) => runScript(jafs, script);

/** `<server>/opin/io/downloadPublic/demo/<32 hex>`, the link the fixture's server answers. */
const linkPattern = () =>
  new RegExp(
    `${jafs.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/opin/io/downloadPublic/demo/[0-9a-f]{32}`,
  );

describe('Share links of folders', () => {
  it('are turned on with the link printed, listed by Get-ItemShare and in Links', async () => {
    const shared = await run(
      'New-Item JAFS:\\Jotta\\Archive\\album -ItemType folder | Out-Null\n' +
        "Set-Content JAFS:\\Jotta\\Archive\\album\\cover.txt -Value 'cover'\n" +
        'Enable-ItemShare JAFS:\\Jotta\\Archive\\album',
    );
    expect(shared.errors).toBe('');
    expect(shared.host.warnings).toEqual([]);
    expect(shared.output).toMatch(/Shared\s+Path\s+PublicLink/);
    expect(shared.output).toMatch(/True\s+JAFS:\\Jotta\\Archive\\album\s+http/);
    const link = linkPattern().exec(shared.output)?.[0];
    expect(link).toBeDefined();

    const listed = await run(
      "Get-ItemShare | Where-Object Name -eq 'album' | ForEach-Object { $_.ItemType; $_.PublicLink }\n" +
        "Get-ChildItem JAFS:\\Jotta\\Links -Force | Where-Object Name -eq 'album' | " +
        'ForEach-Object { $_.PSIsContainer; $_.Mode; $_.OriginalPath }',
    );
    expect(listed.errors).toBe('');
    expect(lines(listed.output)).toEqual([
      'Folder',
      link,
      'True',
      'd----',
      'JAFS:\\Jotta\\Archive\\album',
    ]);
  });

  it('are turned off again: Shared False, no link, gone from Links', async () => {
    const off = await run(
      'New-Item JAFS:\\Jotta\\Archive\\private -ItemType folder | Out-Null\n' +
        'Enable-ItemShare JAFS:\\Jotta\\Archive\\private | Out-Null\n' +
        'Disable-ItemShare JAFS:\\Jotta\\Archive\\private | ' +
        'ForEach-Object { $_.Shared; $null -eq $_.PublicLink }\n' +
        "(Get-ItemShare | Where-Object Name -eq 'private').Count\n" +
        "(Get-ChildItem JAFS:\\Jotta\\Links -Force | Where-Object Name -eq 'private').Count",
    );
    expect(off.errors).toBe('');
    expect(lines(off.output)).toEqual(['False', 'True', '0', '0']);
  });

  it('copy from Links to where they live on the same drive', async () => {
    const copied = await run(
      'New-Item JAFS:\\Jotta\\Archive\\gallery -ItemType folder | Out-Null\n' +
        "Set-Content JAFS:\\Jotta\\Archive\\gallery\\one.txt -Value 'one'\n" +
        'Enable-ItemShare JAFS:\\Jotta\\Archive\\gallery | Out-Null\n' +
        'Copy-Item JAFS:\\Jotta\\Links\\gallery JAFS:\\Jotta\\Archive\\gallery-copy -Recurse -Force\n' +
        'Get-Content JAFS:\\Jotta\\Archive\\gallery-copy\\one.txt',
    );
    expect(copied.errors).toBe('');
    expect(lines(copied.output)).toEqual(['one']);
  });

  it('keep the files of Links working beside them', async () => {
    const both = await run(
      'New-Item JAFS:\\Jotta\\Archive\\mixed -ItemType folder | Out-Null\n' +
        "Set-Content JAFS:\\Jotta\\Archive\\mixed\\note.txt -Value 'shared note'\n" +
        'Enable-ItemShare JAFS:\\Jotta\\Archive\\mixed, JAFS:\\Jotta\\Archive\\mixed\\note.txt | Out-Null\n' +
        "Get-ItemShare | Where-Object { $_.Path -like '*mixed*' } | ForEach-Object ItemType\n" +
        'Get-Content JAFS:\\Jotta\\Links\\note.txt -Force',
    );
    expect(both.errors).toBe('');
    expect(lines(both.output)).toEqual(['Folder', 'File', 'shared note']);
  });
});

describe('Items piped from the Links view', () => {
  it('are shared, unshared and listed by revision where they live', async () => {
    const piped = await run(
      "Set-Content JAFS:\\Jotta\\Archive\\piped-link.txt -Value 'v1'\n" +
        "Set-Content JAFS:\\Jotta\\Archive\\piped-link.txt -Value 'v2'\n" +
        'Enable-ItemShare JAFS:\\Jotta\\Archive\\piped-link.txt | Out-Null\n' +
        "$entry = Get-ChildItem JAFS:\\Jotta\\Links -Force | Where-Object Name -eq 'piped-link.txt'\n" +
        '$entry | Get-ItemRevision | ForEach-Object { "$($_.Number) $($_.Path)" }\n' +
        '$entry | Disable-ItemShare | ForEach-Object { "$($_.Shared) $($_.Path)" }\n' +
        "(Get-ItemShare | Where-Object Name -eq 'piped-link.txt').Count",
    );
    expect(piped.errors).toBe('');
    expect(lines(piped.output)).toEqual([
      '2 JAFS:\\Jotta\\Archive\\piped-link.txt',
      '1 JAFS:\\Jotta\\Archive\\piped-link.txt',
      'False JAFS:\\Jotta\\Archive\\piped-link.txt',
      '0',
    ]);
  });
});
