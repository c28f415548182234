import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SharedDrive } from './drives.js';
import { DRIVES, sharedSession } from './shared-shell.js';

const TREE = { 'a.txt': 'A\n', 'sub/c.txt': 'C\n', '.dot': 'dot\n' };

/** PowerShell's aliases of the navigation cmdlets (all platforms plus the Windows extras). */
const ALIASES: Record<string, string[]> = {
  'Get-ChildItem': ['dir', 'gci', 'ls'],
  'Set-Location': ['cd', 'chdir', 'sl'],
  'Get-Location': ['gl', 'pwd'],
  'Push-Location': ['pushd'],
  'Pop-Location': ['popd'],
  'New-Item': ['ni'],
  'Remove-Item': ['del', 'erase', 'rd', 'ri', 'rm', 'rmdir'],
  'Move-Item': ['mi', 'move', 'mv'],
  'Copy-Item': ['copy', 'cpi', 'cp'],
  'Rename-Item': ['ren', 'rni'],
  'Get-Item': ['gi'],
  'Get-Content': ['gc', 'type', 'cat'],
  'Add-Content': ['ac'],
  'Clear-Content': ['clc'],
  'Resolve-Path': ['rvpa'],
  'Convert-Path': ['cvpa'],
  'Get-PSDrive': ['gdr'],
  'New-PSDrive': ['ndr', 'mount'],
  'Remove-PSDrive': ['rdr'],
};

describe.each(DRIVES)('aliases and hidden items on $label', ({ open }) => {
  let drive: SharedDrive;
  beforeAll(async () => void (drive = await open()));
  afterAll(() => drive.close());

  it('resolves every PowerShell alias of the navigation cmdlets', async () => {
    const s = await sharedSession(drive, TREE);
    const all = Object.values(ALIASES).flat();

    const typed = await s.type(
      `'${all.join("','")}' | ForEach-Object { (Get-Alias $_).Definition }`,
    );

    expect(typed.err).toBe('');
    const expected = Object.entries(ALIASES).flatMap(([cmdlet, names]) => names.map(() => cmdlet));
    expect(typed.lines).toEqual(expected);
  });

  it('runs a working session typed with aliases only', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      'ni n.txt -Value x | Out-Null; ren n.txt m.txt; cpi m.txt sub; mi m.txt sub/moved.txt; ' +
        'ac a.txt more; clc sub/m.txt; pushd sub; (gl).Path; (ls -n) -join ","; popd; ' +
        "del sub/moved.txt; (gc a.txt) -join ','; rvpa a.txt | % Path; sl sub; cd..; (pwd).Path",
    );

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual([
      s.p('sub'),
      'c.txt,m.txt,moved.txt',
      'A,more',
      s.p('a.txt'),
      s.p(),
    ]);
    expect(await s.read('sub/m.txt')).toBe('');
    expect(await s.list('sub')).toEqual(['c.txt', 'm.txt']);
  });

  it('has cd.. and cd\\ as commands of their own (no space)', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      "(Get-Command cd..).Name; (Get-Command 'cd\\').Name; cd sub; cd..; (gl).Path",
    );

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual(['cd..', 'cd\\', s.p()]);
  });

  it('finds a dot file named exactly, and lists it by the drive’s rule for hidden items', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      '(Get-Item .dot).Name; (gc .dot); (Get-ChildItem -Name) -join ","; (Get-ChildItem -Force -Name) -join ","',
    );

    expect(typed.err).toBe('');
    // A dot file is hidden on a Linux disk (as in pwsh); on Jottacloud it is an ordinary file.
    const listed = drive.label === 'FileSystem' ? 'a.txt,sub' : '.dot,a.txt,sub';
    expect(typed.lines).toEqual(['.dot', 'dot', listed, '.dot,a.txt,sub']);
  });
});
