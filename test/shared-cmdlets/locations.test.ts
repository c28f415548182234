import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SharedDrive } from './drives.js';
import { DRIVES, sharedSession } from './shared-shell.js';

const TREE = { 'a.txt': 'A\n', 'sub/c.txt': 'C\n', 'sub/deep/d.txt': 'D\n', 'other/o.txt': 'O\n' };

describe.each(DRIVES)('locations on $label', ({ open }) => {
  let drive: SharedDrive;
  beforeAll(async () => void (drive = await open()));
  afterAll(() => drive.close());

  it('moves with cd, cd .., cd - and cd + through the location history', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      'cd sub; (gl).Path; cd deep; (gl).Path; cd -; (gl).Path; cd -; (gl).Path; cd +; (gl).Path; cd ..; (gl).Path',
    );

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual([
      s.p('sub'),
      s.p('sub/deep'),
      s.p('sub'),
      s.p(),
      s.p('sub'),
      s.p(),
    ]);
  });

  it('says when there is no history left to go forwards', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type('cd +; (gl).Path');

    expect(typed.lines).toEqual([s.p()]);
    expect(typed.err.trim()).toBe(
      'Set-Location: There is no location history left to navigate forwards.',
    );
  });

  it('refuses to set the location into a file, or to a missing folder (PathNotFound)', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      'cd a.txt; cd nope -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId; (gl).Path',
    );

    expect(typed.lines).toEqual(['PathNotFound,Set-Location', s.p()]);
    expect(typed.err.trim()).toBe(
      `Set-Location: Cannot find path '${s.p('a.txt')}' because it does not exist.`,
    );
  });

  it('sets the location through a wildcard matching one container, not several', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type('cd s*; (gl).Path; cd ..; cd *; (gl).Path');

    expect(typed.lines).toEqual([s.p('sub'), s.p()]);
    expect(typed.err.trim()).toBe(
      "Set-Location: Cannot set the location because path '*' resolved to multiple containers. " +
        'You can only set the location to a single container at a time.',
    );
  });

  it('keeps a current location per drive: `cd X:` returns to it', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      `New-PSDrive -Name T -PSProvider ${drive.label} -Root '${s.root}' | Out-Null; ` +
        `cd T:\\sub; cd '${s.p('other')}'; (gl).Path; cd T:; (gl).Path; (Get-ChildItem -Name) -join ','`,
    );

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual([s.p('other'), `T:${drive.sep}sub`, 'c.txt,deep']);
  });

  it('pushes and pops the default and named stacks and lists them with -Stack', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      'Push-Location sub; Push-Location deep -StackName work; (gl).Path; ' +
        '(Get-Location -Stack).Path; (Get-Location -StackName work).Path; ' +
        'Pop-Location -StackName work; (gl).Path; Pop-Location; (gl).Path',
    );

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual([s.p('sub/deep'), s.p(), s.p('sub'), s.p('sub'), s.p()]);
  });

  it('pops an empty default stack silently; a missing named stack is an error', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type('Pop-Location; (gl).Path; Pop-Location -StackName none');

    expect(typed.lines).toEqual([s.p()]);
    expect(typed.err.trim()).toBe(
      "Pop-Location: Cannot find location stack 'none'. It does not exist or it is not a container.",
    );
  });

  it('resolves paths (wildcards, -Relative) and converts them to provider paths', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      '(Resolve-Path sub/*/d.txt).Path; Resolve-Path sub/c.txt -Relative; ' +
        '"$(Resolve-Path ./sub/../a.txt)"; Convert-Path sub',
    );

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual([
      s.p('sub/deep/d.txt'),
      `.${drive.sep}sub${drive.sep}c.txt`,
      s.p('a.txt'),
      drive.label === 'FileSystem' ? s.p('sub') : `${s.root.replaceAll('\\', '/')}/sub`,
    ]);
  });

  it('splits and joins paths with the drive’s separator', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      'Split-Path (Resolve-Path sub/c.txt); Split-Path sub/c.txt -Leaf; ' +
        'Split-Path sub/c.txt -LeafBase; Split-Path sub/c.txt -Extension; ' +
        'Split-Path sub/c.txt -IsAbsolute; Split-Path (Resolve-Path sub).Path -IsAbsolute; ' +
        'Join-Path sub c.txt; Join-Path sub deep d.txt',
    );

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual([
      s.p('sub'),
      'c.txt',
      'c',
      '.txt',
      'False',
      'True',
      `sub${drive.sep}c.txt`,
      ['sub', 'deep', 'd.txt'].join(drive.sep),
    ]);
  });

  it('tells Resolve-Path of a missing path in PowerShell words', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type('Resolve-Path nope; Convert-Path nope');

    expect(typed.out).toBe('');
    expect(typed.err.trimEnd().split('\n')).toEqual([
      `Resolve-Path: Cannot find path '${s.p('nope')}' because it does not exist.`,
      `Convert-Path: Cannot find path '${s.p('nope')}' because it does not exist.`,
    ]);
  });

  it('goes to the drive root with cd\\ and up with cd.. (PowerShell’s functions)', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type('cd sub\\deep; cd..; (gl).Path; cd\\; (gl).Path');

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual([s.p('sub'), drive.label === 'FileSystem' ? '/' : 'JAFS:\\']);
  });
});
