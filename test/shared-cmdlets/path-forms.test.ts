import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SharedDrive } from './drives.js';
import { DRIVES, sharedSession } from './shared-shell.js';

const TREE = {
  'a.txt': 'A\n',
  'sub/c.txt': 'C\n',
  'sub/deep/d.txt': 'D\n',
  'My Files/x y.txt': 'XY\n',
  'x[1].txt': 'bracket\n',
};

describe.each(DRIVES)('path forms on $label', ({ open }) => {
  let drive: SharedDrive;
  beforeAll(async () => void (drive = await open()));
  afterAll(() => drive.close());

  it('reads a file by its drive-qualified path with either separator and a trailing one', async () => {
    const s = await sharedSession(drive, TREE);
    const backslashed = s.p('sub\\c.txt').replaceAll('/', '\\');
    const slashed = s.p('sub/c.txt').replaceAll('\\', '/');

    const typed = await s.type(
      `gc '${backslashed}'; gc '${slashed}'; (Get-Item '${s.p('sub')}${drive.sep}').Name`,
    );

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual(['C', 'C', 'sub']);
  });

  it('reads a file by its provider-qualified path and by the PSPath an item carries', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      `gc '${s.qualified('sub/c.txt')}'; (Get-Item a.txt).PSPath; gc (Get-Item a.txt).PSPath`,
    );

    expect(typed.err).toBe('');
    // PSPath keeps the drive (`Jottacloud::JAFS:\…`): see docs/powershell-differences.md.
    expect(typed.lines).toEqual(['C', `${drive.label}::${s.p('a.txt')}`, 'A']);
  });

  it('resolves relative paths with ., .. and both separators against the location', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      'cd sub; gc c.txt; gc ./c.txt; gc .\\deep\\d.txt; gc ../a.txt; gc ..\\sub/./deep/../c.txt',
    );

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual(['C', 'C', 'D', 'A', 'C']);
  });

  it('keeps .. at the root of the drive there', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type('cd \\; cd ..; cd ..; (Get-Location).Path');

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual([drive.label === 'FileSystem' ? '/' : 'JAFS:\\']);
  });

  it('reaches a file through a drive of its own (New-PSDrive) with both separators', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      `New-PSDrive -Name T -PSProvider ${drive.label} -Root '${s.root}' | Out-Null; ` +
        'gc T:\\sub\\c.txt; gc T:/sub/c.txt; cd T:\\sub; (Get-Location).Path; gc T:deep\\d.txt; (Get-Item T:\\a.txt).PSChildName',
    );

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual(['C', 'C', `T:${drive.sep}sub`, 'D', 'a.txt']);
  });

  it('takes names with spaces when quoted, with either quote and separator', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      `gc 'My Files\\x y.txt'; gc "./My Files/x y.txt"; cd 'My Files'; (Get-Location).Path`,
    );

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual(['XY', 'XY', s.p('My Files')]);
  });

  it('reads a name holding [ ] with -LiteralPath, an escaped pattern, or by its own pattern', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      "gc -LiteralPath 'x[1].txt'; gc 'x`[1`].txt'; (Get-Item x``[1``].txt).Name; Test-Path -LiteralPath 'x[1].txt'",
    );

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual(['bracket', 'bracket', 'x[1].txt', 'True']);
  });

  it('treats -LiteralPath as literal: a * there names nothing and is PathNotFound', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      "Get-Item -LiteralPath '*.txt' -ErrorAction SilentlyContinue; $e = $Error[0]; " +
        '$e.FullyQualifiedErrorId; $e.CategoryInfo.Category; $e.Exception.GetType().Name; $e.Exception.Message',
    );

    expect(typed.lines).toEqual([
      'PathNotFound,Get-Item',
      'ObjectNotFound',
      'ItemNotFoundException',
      `Cannot find path '${s.p('*.txt')}' because it does not exist.`,
    ]);
  });

  it('says a path does not exist in PowerShell words, with the full path', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type('Get-Item nope; Get-ChildItem sub\\nope; Get-Content nope.txt');

    expect(typed.out).toBe('');
    expect(typed.err.trimEnd().split('\n')).toEqual([
      `Get-Item: Cannot find path '${s.p('nope')}' because it does not exist.`,
      `Get-ChildItem: Cannot find path '${s.p('sub/nope')}' because it does not exist.`,
      `Get-Content: Cannot find path '${s.p('nope.txt')}' because it does not exist.`,
    ]);
  });

  it('names a missing drive with DriveNotFound', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      'Get-Item Q:\\x -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId; $Error[0].Exception.Message',
    );

    expect(typed.lines).toEqual([
      'DriveNotFound,Get-Item',
      "Cannot find drive. A drive with the name 'Q' does not exist.",
    ]);
  });

  it('matches names by the drive’s case rule (Linux disk: exact; Jottacloud: any case)', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type('Test-Path A.TXT; (Get-ChildItem SUB -Name) -join ","');

    if (drive.label === 'FileSystem') {
      expect(typed.lines).toEqual(['False']);
      expect(typed.err).toContain(`Cannot find path '${s.p('SUB')}' because it does not exist.`);
    } else {
      expect(typed.err).toBe('');
      expect(typed.lines).toEqual(['True', 'c.txt,deep']);
    }
  });
});
