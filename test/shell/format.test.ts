import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTypeNames } from '../../src/core/psobject.js';
import type { CmdletDefinition } from '../../src/shell/api.js';
import { fsShell } from './helpers/fs-shell.js';
import { testShell } from './helpers/recording-host.js';

const emit = (name: string, values: unknown[]): CmdletDefinition => ({
  name,
  synopsis: 'Emits fixed objects.',
  parameters: [],
  async process(ctx) {
    for (const value of values) await ctx.write(value);
  },
});

describe('Out-Default formatting', () => {
  it('prints scalars one per line, booleans as True/False, and nothing for $null', async () => {
    const t = testShell();
    expect((await t.run("'a'; 42; 1.5; $true; $false; $null; @()")).out).toBe(
      'a\n42\n1.5\nTrue\nFalse\n',
    );
    expect((await t.run('0.1 + 0.2; 1e20; 2/3')).out).toBe('0.3\n1E+20\n0.666666666666667\n');
  });

  it('prints the grouped children table for provider items', async () => {
    const t = await fsShell({ 'sub/': '', 'sub/deep.txt': 'deep', 'a.txt': 'hello' });
    try {
      const when = new Date(2026, 11, 4, 15, 34);
      for (const name of ['sub', 'sub/deep.txt', 'a.txt'])
        await fs.utimes(path.join(t.root, name), when, when);
      const r = await t.run('Get-ChildItem -Recurse');
      const header =
        'Mode                 LastWriteTime         Length Name\n----                 -------------         ------ ----\n';
      expect(r.out).toBe(
        `\n    Directory: ${t.root}\n\n${header}` +
          '-a---          12/4/2026   3:34 PM              5 a.txt\n' +
          'd----          12/4/2026   3:34 PM                sub\n' +
          `\n    Directory: ${t.root}/sub\n\n${header}` +
          '-a---          12/4/2026   3:34 PM              4 deep.txt\n\n',
      );
    } finally {
      await t.dispose();
    }
  });

  it('uses registered views for PathInfo, PSDriveInfo and ProviderInfo', async () => {
    const drive = withTypeNames(
      {
        Name: 'JAFS',
        Used: 2 * 1024 ** 3,
        Free: 98 * 1024 ** 3,
        Provider: { Name: 'Jottacloud' },
        Root: '\\',
        CurrentLocation: 'Dev',
      },
      'System.Management.Automation.PSDriveInfo',
    );
    const provider = withTypeNames(
      {
        Name: 'Jottacloud',
        Capabilities: ['ShouldProcess', 'Filter'],
        Drives: [{ Name: 'JAFS' }, { Name: 'Backup' }],
      },
      'System.Management.Automation.ProviderInfo',
    );
    const t = testShell({ cmdlets: [emit('Get-Drive', [drive]), emit('Get-Prov', [provider])] });
    expect((await t.run('Get-Drive')).out).toBe(
      '\nName           Used (GB)     Free (GB) Provider      Root                                CurrentLocation\n' +
        '----           ---------     --------- --------      ----                                ---------------\n' +
        'JAFS                2.00         98.00 Jottacloud    \\                                               Dev\n\n',
    );
    expect((await t.run('Get-Prov')).out).toBe(
      '\nName                 Capabilities                             Drives\n' +
        '----                 ------------                             ------\n' +
        'Jottacloud           ShouldProcess, Filter                    {JAFS, Backup}\n\n',
    );
    expect((await t.run('$PWD')).out).toBe('\nPath\n----\nJAFS:\\\n\n');
  });

  it('shows up to four properties as a table and more as a list', async () => {
    const t = testShell();
    expect((await t.run("[pscustomobject]@{ Name = 'x'; Size = 5 }")).out).toBe(
      '\nName Size\n---- ----\nx       5\n\n',
    );
    expect((await t.run('[pscustomobject]@{ a = 1; b = 2; c = 3; d = 4; e = $null }')).out).toBe(
      '\na : 1\nb : 2\nc : 3\nd : 4\ne :\n\n',
    );
  });

  it('fits tables to the host width, truncating with an ellipsis', async () => {
    const t = testShell({ width: 20 });
    const r = await t.run("[pscustomobject]@{ Name = 'a-very-long-name-indeed'; Size = 12345 }");
    expect(r.out).toBe('\nName            Size\n----            ----\na-very-long-n… 12345\n\n');
  });

  it('renders hashtables as Name/Value tables and arrays in cells as {a, b}', async () => {
    const t = testShell();
    expect((await t.run("@{ Tags = 'a', 'b', 'c', 'd', 'e' }")).out).toBe(
      '\nName                           Value\n----                           -----\nTags                           {a, b, c, d…}\n\n',
    );
  });

  it('formats Format-Table -GroupBy, Format-List -Property and Out-String', async () => {
    const t = testShell();
    await t.run(
      "$rows = @([pscustomobject]@{ K = 'x'; V = 1 }, [pscustomobject]@{ K = 'x'; V = 2 }, [pscustomobject]@{ K = 'y'; V = 3 })",
    );
    expect((await t.run('$rows | Format-Table V -GroupBy K')).out).toBe(
      '\n    K: x\n\nV\n-\n1\n2\n\n\n    K: y\n\nV\n-\n3\n\n',
    );
    expect((await t.run('$rows[0] | Format-List V')).out).toBe('\nV : 1\n\n');
    expect(
      (await t.run("($rows | Out-String).Length -gt 0; 'x','y' | Out-String -Stream")).out,
    ).toBe('True\nx\ny\n');
  });

  it('writes Write-Host text directly and in order with output', async () => {
    const t = testShell();
    expect((await t.run('1..2 | ForEach-Object { Write-Host "host $_"; $_ }')).out).toBe(
      'host 1\n1\nhost 2\n2\n',
    );
    expect(
      (await t.run("Write-Host 'a' 'b' -Separator ','; Write-Host 'x' -NoNewline; 'y'")).out,
    ).toBe('a,b\nxy\n');
  });
});
