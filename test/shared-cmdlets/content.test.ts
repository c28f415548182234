import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SharedDrive } from './drives.js';
import { DRIVES, sharedSession } from './shared-shell.js';

const TREE = { 'five.txt': 'one\ntwo\nthree\nfour\nfive\n', 'crlf.txt': 'x\r\ny\r\n', 'sub/': '' };

describe.each(DRIVES)('content cmdlets on $label', ({ open }) => {
  let drive: SharedDrive;
  beforeAll(async () => void (drive = await open()));
  afterAll(() => drive.close());

  it('reads lines, the first N (-TotalCount, -Head), the last N (-Tail, -Last)', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      '(gc five.txt) -join ","; (gc five.txt -TotalCount 2) -join ","; (gc five.txt -Head 1) -join ","; ' +
        '(gc five.txt -Tail 2) -join ","; (gc five.txt -Last 1) -join ","; (gc crlf.txt) -join ","',
    );

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual([
      'one,two,three,four,five',
      'one,two',
      'one',
      'four,five',
      'five',
      'x,y',
    ]);
  });

  it('reads the whole text as one string with -Raw, line breaks kept', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      '$r = gc crlf.txt -Raw; $r.Length; ($r -split "`r`n").Count; @(gc five.txt -Raw).Count',
    );

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual(['6', '3', '1']);
  });

  it('refuses to read or write a folder, in PowerShell words', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type('gc sub; Set-Content sub x; Clear-Content sub; Get-Content nope');

    expect(typed.out).toBe('');
    expect(typed.err.trimEnd().split('\n')).toEqual([
      `Get-Content: Unable to get content because it is a directory: '${s.p('sub')}'. Please use 'Get-ChildItem' instead.`,
      `Set-Content: Unable to write content because it is a directory: '${s.p('sub')}'.`,
      `Clear-Content: Unable to clear content because it is a directory: '${s.p('sub')}'.`,
      `Get-Content: Cannot find path '${s.p('nope')}' because it does not exist.`,
    ]);
  });

  it('writes values as lines with Set-Content, creating or replacing the file', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      "Set-Content new.txt 'a','b'; Set-Content five.txt 1; Set-Content raw.txt x,y -NoNewline",
    );

    expect(typed.out + typed.err).toBe('');
    expect(await s.read('new.txt')).toBe('a\nb\n');
    expect(await s.read('five.txt')).toBe('1\n');
    expect(await s.read('raw.txt')).toBe('xy');
  });

  it('appends with Add-Content, creating the file when missing', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      "Add-Content five.txt six; Add-Content added.txt first; Add-Content added.txt 'second'",
    );

    expect(typed.out + typed.err).toBe('');
    expect(await s.read('five.txt')).toBe('one\ntwo\nthree\nfour\nfive\nsix\n');
    expect(await s.read('added.txt')).toBe('first\nsecond\n');
  });

  it('writes every piped value into one file, once', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      "'l1','l2','l3' | Set-Content piped.txt; 'l4','l5' | Add-Content piped.txt; gc piped.txt -TotalCount 1",
    );

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual(['l1']);
    expect(await s.read('piped.txt')).toBe('l1\nl2\nl3\nl4\nl5\n');
  });

  it('writes piped values in one write: one revision on JAFS:, -WhatIf said once', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      "'x','y' | Set-Content once.txt -WhatIf; 'a','b','c' | Set-Content once.txt; " +
        "'d','e' | Add-Content once.txt; 'f' | Set-Content five.txt -PassThru",
    );

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual([
      `What if: Performing the operation "Set Content" on target "Path: ${s.p('once.txt')}".`,
      'f',
    ]);
    expect(await s.read('once.txt')).toBe('a\nb\nc\nd\ne\n');
    expect(await s.read('five.txt')).toBe('f\n');
    if (drive.label === 'Jottacloud') {
      // One upload for the three piped lines, one for the two appended ones.
      expect((await s.type('(Get-Item once.txt).Revision')).lines).toEqual(['2']);
    }
  });

  it('writes nothing where the parent folder is missing (Could not find a part of the path)', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      'Set-Content nodir/x.txt v; Add-Content nodir/y.txt v -ErrorAction SilentlyContinue; ' +
        '$Error[0].FullyQualifiedErrorId; $Error[0].CategoryInfo.Category',
    );

    expect(typed.lines).toEqual([
      'GetContentWriterDirectoryNotFoundError,Add-Content',
      'ObjectNotFound',
    ]);
    expect(typed.err.trim()).toBe(
      `Set-Content: Could not find a part of the path '${s.p('nodir/x.txt')}'.`,
    );
    expect(await s.kind('nodir')).toBeUndefined();
  });

  it('empties a file with Clear-Content, keeping it; -Raw then reads nothing', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      'Clear-Content five.txt; Test-Path five.txt; $null -eq (gc five.txt -Raw); @(gc five.txt).Count',
    );

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual(['True', 'True', '0']);
    expect(await s.read('five.txt')).toBe('');
  });

  it('says what Set-, Add- and Clear-Content would do with -WhatIf and writes nothing', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      'Set-Content five.txt x -WhatIf; Add-Content five.txt y -WhatIf; Clear-Content five.txt -WhatIf; Set-Content new.txt z -WhatIf',
    );

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual([
      `What if: Performing the operation "Set Content" on target "Path: ${s.p('five.txt')}".`,
      `What if: Performing the operation "Add Content" on target "Path: ${s.p('five.txt')}".`,
      `What if: Performing the operation "Clear Content" on target "Item: ${s.p('five.txt')}".`,
      `What if: Performing the operation "Set Content" on target "Path: ${s.p('new.txt')}".`,
    ]);
    expect(await s.read('five.txt')).toBe('one\ntwo\nthree\nfour\nfive\n');
    expect(await s.kind('new.txt')).toBeUndefined();
  });
  it('stops -Wait at -TotalCount on the disk; JAFS: refuses -Wait', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type('(gc five.txt -Wait -TotalCount 2) -join ","');

    if (drive.label === 'FileSystem') {
      expect(typed.err).toBe('');
      expect(typed.lines).toEqual(['one,two']);
    } else {
      expect(typed.err.trim()).toBe(
        `Get-Content: Get-Content -Wait is not supported on Jottacloud drives: '${s.p('five.txt')}' ` +
          'would be polled over the network every second. Read it without -Wait, or copy it to a local file.',
      );
    }
  });
});
