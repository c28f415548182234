import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SharedDrive } from './drives.js';
import { DRIVES, sharedSession } from './shared-shell.js';

const TREE = {
  'a.txt': 'A\n',
  'b.log': 'B\n',
  'c.txt': 'C\n',
  'sub/s.txt': 'S\n',
  'sub/deep/d.txt': 'D\n',
  'sub/deep/deeper/e.log': 'E\n',
};

describe.each(DRIVES)('wildcards and Get-ChildItem on $label', ({ open }) => {
  let drive: SharedDrive;
  beforeAll(async () => void (drive = await open()));
  afterAll(() => drive.close());

  /** A session in TREE; `names` types a command and returns its output lines. */
  async function names(command: string) {
    const s = await sharedSession(drive, TREE);
    const typed = await s.type(command);
    expect(typed.err).toBe('');
    return typed.lines;
  }

  const rel = (path: string) => path.split('/').join(drive.sep);

  it('expands *, ?, [a-c], [abc] and a backtick escape per segment', async () => {
    expect(await names('(Get-ChildItem *.txt -Name) -join ","')).toEqual(['a.txt,c.txt']);
    expect(await names('(Get-ChildItem ?.log -Name) -join ","')).toEqual(['b.log']);
    expect(await names('(Get-ChildItem [a-b].* -Name) -join ","')).toEqual(['a.txt,b.log']);
    expect(await names('(Get-ChildItem [ac].txt -Name) -join ","')).toEqual(['a.txt,c.txt']);
  });

  it('expands wildcards in every segment of a path', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type('(Resolve-Path s*/d*/*.txt).Path; (Get-Item s?b/*/d.txt).Name');

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual([s.p('sub/deep/d.txt'), 'd.txt']);
  });

  it('yields nothing, and no error, when a wildcard matches nothing', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      'Get-ChildItem z*; Get-Item *.none; Resolve-Path q?; Remove-Item zz*',
    );

    expect(typed.out).toBe('');
    expect(typed.err).toBe('');
    expect(await s.list()).toEqual(['a.txt', 'b.log', 'c.txt', 'sub']);
  });

  it('treats a backtick-escaped * as a literal name (not found, not every file)', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type("Get-Item 'a`*'");

    expect(typed.out).toBe('');
    expect(typed.err.trim()).toBe(
      `Get-Item: Cannot find path '${s.p('a*')}' because it does not exist.`,
    );
  });

  it('filters with -Filter, -Include and -Exclude', async () => {
    expect(await names('(Get-ChildItem -Filter *.log -Name) -join ","')).toEqual(['b.log']);
    expect(await names('(Get-ChildItem * -Include *.txt -Name) -join ","')).toEqual([
      'a.txt,c.txt,s.txt',
    ]);
    expect(await names('(Get-ChildItem -Exclude *.txt -Name) -join ","')).toEqual(['b.log,sub']);
    expect(await names('(Get-ChildItem -Exclude sub,*.log -Name) -join ","')).toEqual([
      'a.txt,c.txt',
    ]);
  });

  it('applies -Include without -Recurse to the children (a jafs extension)', async () => {
    // PowerShell returns nothing here; see docs/powershell-differences.md.
    expect(await names('(Get-ChildItem -Include *.txt -Name) -join ","')).toEqual(['a.txt,c.txt']);
  });

  it('descends with -Recurse and names relative sub-paths with -Name', async () => {
    expect(await names('Get-ChildItem -Recurse -Name')).toEqual(
      [
        'a.txt',
        'b.log',
        'c.txt',
        'sub',
        'sub/deep',
        'sub/s.txt',
        'sub/deep/d.txt',
        'sub/deep/deeper',
        'sub/deep/deeper/e.log',
      ].map(rel),
    );
  });

  it('combines -Recurse with -Filter, -Include and -Exclude', async () => {
    expect(await names('Get-ChildItem -Recurse -Filter *.log -Name')).toEqual(
      ['b.log', 'sub/deep/deeper/e.log'].map(rel),
    );
    expect(await names('Get-ChildItem -Recurse -Include *.txt -Exclude s* -Name')).toEqual(
      ['a.txt', 'c.txt', 'sub/deep/d.txt'].map(rel),
    );
    expect(await names('Get-ChildItem sub -Recurse -Include d* -Name')).toEqual(
      ['deep', 'deep/d.txt', 'deep/deeper'].map(rel),
    );
  });

  it('stops at -Depth levels below the container (0 = the children only)', async () => {
    expect(await names('(Get-ChildItem sub -Depth 0 -Name) -join ","')).toEqual(['deep,s.txt']);
    expect(await names('Get-ChildItem sub -Depth 1 -Name')).toEqual(
      ['deep', 's.txt', 'deep/d.txt', 'deep/deeper'].map(rel),
    );
  });

  it('lists a file given as the path as that file itself', async () => {
    expect(await names('Get-ChildItem a.txt | ForEach-Object Name')).toEqual(['a.txt']);
  });

  it('writes PSPath, PSParentPath, PSChildName, PSDrive, PSProvider and PSIsContainer', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      '$i = Get-ChildItem sub | Where-Object Name -eq s.txt; ' +
        '$i.PSPath; $i.PSParentPath; $i.PSChildName; $i.PSProvider; $i.PSIsContainer; ' +
        '(Get-Item sub).PSIsContainer',
    );

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual([
      `${drive.label}::${s.p('sub/s.txt')}`,
      `${drive.label}::${s.p('sub')}`,
      's.txt',
      drive.label,
      'False',
      'True',
    ]);
  });

  it('pipes Get-ChildItem into Remove-Item by PSPath, leaving the rest', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type('Get-ChildItem -Recurse -Filter *.log | Remove-Item');

    expect(typed.out + typed.err).toBe('');
    expect(await s.list()).toEqual(['a.txt', 'c.txt', 'sub']);
    expect(await s.list('sub/deep/deeper')).toEqual([]);
    expect(await s.read('sub/s.txt')).toBe('S\n');
  });

  it('pipes Get-ChildItem into Copy-Item by PSPath with a -Destination', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type('Get-ChildItem *.txt | Copy-Item -Destination sub');

    expect(typed.out + typed.err).toBe('');
    expect(await s.list('sub')).toEqual(['a.txt', 'c.txt', 'deep', 's.txt']);
    expect(await s.read('sub/c.txt')).toBe('C\n');
    expect(await s.list()).toEqual(['a.txt', 'b.log', 'c.txt', 'sub']);
  });
  it('renames piped items with a delay-bind script block per item', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      "Get-ChildItem *.txt | Rename-Item -NewName { $_.Name -replace 'txt$','md' }; " +
        'Get-ChildItem sub -File | Copy-Item -Destination { "$($_.Name).bak" }',
    );

    expect(typed.out + typed.err).toBe('');
    expect(await s.list()).toEqual(['a.md', 'b.log', 'c.md', 's.txt.bak', 'sub']);
    expect(await s.read('a.md')).toBe('A\n');
    expect(await s.read('s.txt.bak')).toBe('S\n');
  });

  it('refuses a delay-bind script block when nothing is piped in', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type("Rename-Item a.txt -NewName { 'x.txt' }");

    expect(typed.err.trim()).toBe(
      "Rename-Item: Cannot evaluate parameter 'NewName' because its argument is specified as a " +
        'script block and there is no input. A script block cannot be evaluated without input.',
    );
    expect(await s.list()).toEqual(['a.txt', 'b.log', 'c.txt', 'sub']);
  });
});
