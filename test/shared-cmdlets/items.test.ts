import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SharedDrive } from './drives.js';
import { DRIVES, sharedSession } from './shared-shell.js';

const TREE = { 'a.txt': 'A\n', 'b.log': 'B\n', 'sub/c.txt': 'C\n' };

describe.each(DRIVES)(
  'New-Item, Rename-Item, Move-Item, Copy-Item and Test-Path on $label',
  ({ open }) => {
    let drive: SharedDrive;
    beforeAll(async () => void (drive = await open()));
    afterAll(() => drive.close());

    const folderType = () => (drive.label === 'FileSystem' ? 'Directory' : 'Folder');
    /** The ShouldProcess action names: FileSystem's own, the generic ones elsewhere. */
    const action = (verb: string, isContainer: boolean) =>
      drive.label === 'FileSystem'
        ? `${verb} ${isContainer ? 'Directory' : 'File'}`
        : `${verb} ${isContainer ? 'Container' : 'Item'}`;

    it('creates a file with a value and a folder, and writes the new items', async () => {
      const s = await sharedSession(drive, TREE);

      const typed = await s.type(
        "(New-Item new.txt -Value 'hello').Name; (New-Item 'new folder' -ItemType Directory).PSIsContainer; " +
          '(New-Item -Path sub -Name n.txt -ItemType File).Length',
      );

      expect(typed.err).toBe('');
      expect(typed.lines).toEqual(['new.txt', 'True', '0']);
      expect(await s.read('new.txt')).toBe('hello');
      expect(await s.kind('new folder')).toBe('container');
      expect(await s.read('sub/n.txt')).toBe('');
    });

    it('creates missing parent folders for a folder, and for a file only with -Force', async () => {
      const s = await sharedSession(drive, TREE);

      const typed = await s.type(
        'New-Item x/y/z -ItemType Directory | Out-Null; New-Item p/q.txt -Value v; New-Item p/q.txt -Value v -Force | Out-Null',
      );

      expect(typed.err.trim()).toBe(
        `New-Item: Could not find a part of the path '${s.p('p/q.txt')}'.`,
      );
      expect(await s.kind('x/y/z')).toBe('container');
      expect(await s.read('p/q.txt')).toBe('v');
    });

    it('refuses to create over an existing item unless -Force (a file is replaced)', async () => {
      const s = await sharedSession(drive, TREE);

      const typed = await s.type(
        'New-Item a.txt -Value new; New-Item a.txt -Value forced -Force | Out-Null',
      );

      expect(typed.err.trim()).toBe(`New-Item: The file '${s.p('a.txt')}' already exists.`);
      expect(await s.read('a.txt')).toBe('forced');
    });

    it('refuses an existing folder with PowerShell’s message', async () => {
      const s = await sharedSession(drive, TREE);

      const typed = await s.type(`New-Item sub -ItemType ${folderType()}`);

      expect(typed.err.trim()).toBe(
        `New-Item: An item with the specified name ${s.p('sub')} already exists.`,
      );
      expect(await s.list('sub')).toEqual(['c.txt']);
    });

    it('lists the item types it knows when given an unknown one', async () => {
      const s = await sharedSession(drive, TREE);

      const typed = await s.type('New-Item q -ItemType Bogus');

      const known = drive.label === 'FileSystem' ? '"File", "Directory"' : '"folder", "file"';
      expect(typed.err.trim()).toBe(
        `New-Item: The type 'Bogus' is not a known item type for this provider. Only ${known} can be specified.`,
      );
      expect(await s.kind('q')).toBeUndefined();
    });

    it('renames in place; a path as the new name or a missing item is an error', async () => {
      const s = await sharedSession(drive, TREE);

      const typed = await s.type(
        "Rename-Item a.txt 'a 2.txt' -PassThru | ForEach-Object Name; Rename-Item sub/c.txt other/c.txt; " +
          'Rename-Item nope x; Rename-Item b.log a.txt -WhatIf',
      );

      expect(typed.lines).toEqual([
        'a 2.txt',
        `What if: Performing the operation "${action('Rename', false)}" on target "Item: ${s.p('b.log')} Destination: a.txt".`,
      ]);
      expect(typed.err.trimEnd().split('\n')).toEqual([
        'Rename-Item: Cannot rename the specified target, because it represents a path or device name.',
        "Rename-Item: Cannot rename because item at 'nope' does not exist.",
      ]);
      expect(await s.list()).toEqual(['a 2.txt', 'b.log', 'sub']);
      expect(await s.list('sub')).toEqual(['c.txt']);
    });

    it('renames to the same name as a no-op, and to a new case of it', async () => {
      const s = await sharedSession(drive, TREE);

      const typed = await s.type(
        'Rename-Item sub sub; Rename-Item a.txt a.txt; Rename-Item b.log B.log',
      );

      expect(typed.out + typed.err).toBe('');
      expect(await s.list()).toEqual(['B.log', 'a.txt', 'sub']);
      expect(await s.list('sub')).toEqual(['c.txt']);
    });

    it('refuses to rename onto an existing name', async () => {
      const s = await sharedSession(drive, TREE);

      const typed = await s.type('Rename-Item b.log a.txt');

      expect(typed.err.trim()).toBe(
        'Rename-Item: Cannot create a file when that file already exists.',
      );
      expect(await s.read('a.txt')).toBe('A\n');
      expect(await s.read('b.log')).toBe('B\n');
    });

    it('moves a file into a folder and to a new name; a folder moves whole', async () => {
      const s = await sharedSession(drive, TREE);

      const typed = await s.type(
        'Move-Item a.txt sub; Move-Item b.log sub/renamed.log; Move-Item sub moved -PassThru | ForEach-Object Name',
      );

      expect(typed.err).toBe('');
      expect(typed.lines).toEqual(['moved']);
      expect(await s.list()).toEqual(['moved']);
      expect(await s.list('moved')).toEqual(['a.txt', 'c.txt', 'renamed.log']);
      expect(await s.read('moved/renamed.log')).toBe('B\n');
    });

    it('refuses to move onto an existing file unless -Force, and into itself', async () => {
      const s = await sharedSession(drive, TREE);

      const typed = await s.type(
        'Move-Item b.log a.txt; Move-Item sub sub/inner; Move-Item nope x; Move-Item b.log a.txt -Force',
      );

      expect(typed.err.trimEnd().split('\n')).toEqual([
        'Move-Item: Cannot create a file when that file already exists.',
        `Move-Item: Destination path cannot be a subdirectory of the source: ${s.p('sub/inner')}.`,
        `Move-Item: Cannot find path '${s.p('nope')}' because it does not exist.`,
      ]);
      expect(await s.list()).toEqual(['a.txt', 'sub']);
      expect(await s.read('a.txt')).toBe('B\n');
    });

    it('copies a file, into a folder, over a file; a folder only with -Recurse', async () => {
      const s = await sharedSession(drive, TREE);

      const typed = await s.type(
        'Copy-Item a.txt a2.txt; Copy-Item a.txt sub; Copy-Item b.log a2.txt; ' +
          'Copy-Item sub empty-copy; Copy-Item sub full-copy -Recurse; Copy-Item sub a.txt',
      );

      expect(typed.err.trim()).toBe(
        'Copy-Item: Container cannot be copied onto existing leaf item.',
      );
      expect(await s.read('a2.txt')).toBe('B\n');
      expect(await s.list('sub')).toEqual(['a.txt', 'c.txt']);
      expect(await s.list('empty-copy')).toEqual([]);
      expect(await s.list('full-copy')).toEqual(['a.txt', 'c.txt']);
      expect(await s.read('full-copy/c.txt')).toBe('C\n');
      expect(await s.read('a.txt')).toBe('A\n');
    });

    it('refuses to copy a folder into itself and says a missing source does not exist', async () => {
      const s = await sharedSession(drive, TREE);

      const typed = await s.type('Copy-Item sub sub/inner -Recurse; Copy-Item nope x');

      expect(typed.err.trimEnd().split('\n')).toEqual([
        `Copy-Item: Destination path cannot be a subdirectory of the source: ${s.p('sub/inner')}.`,
        `Copy-Item: Cannot find path '${s.p('nope')}' because it does not exist.`,
      ]);
      expect(await s.list('sub')).toEqual(['c.txt']);
    });

    it('says what New, Copy and Move would do with -WhatIf and changes nothing', async () => {
      const s = await sharedSession(drive, TREE);

      const typed = await s.type(
        'Copy-Item a.txt sub -WhatIf; Move-Item sub moved -WhatIf; New-Item q.txt -WhatIf',
      );

      const create = drive.label === 'FileSystem' ? 'Create File' : 'New file';
      expect(typed.err).toBe('');
      expect(typed.lines).toEqual([
        `What if: Performing the operation "${action('Copy', false)}" on target "Item: ${s.p('a.txt')} Destination: ${s.p('sub')}".`,
        `What if: Performing the operation "${action('Move', true)}" on target "Item: ${s.p('sub')} Destination: ${s.p('moved')}".`,
        `What if: Performing the operation "${create}" on target "Destination: ${s.p('q.txt')}".`,
      ]);
      expect(await s.list()).toEqual(['a.txt', 'b.log', 'sub']);
      expect(await s.list('sub')).toEqual(['c.txt']);
    });

    it('copies or moves nothing into a missing folder (Could not find a part of the path)', async () => {
      const s = await sharedSession(drive, TREE);

      const typed = await s.type('Copy-Item a.txt nodir/a.txt; Move-Item b.log nodir/b.log');

      expect(typed.err.trimEnd().split('\n')).toEqual([
        `Copy-Item: Could not find a part of the path '${s.p('nodir/a.txt')}'.`,
        `Move-Item: Could not find a part of the path '${s.p('nodir/b.log')}'.`,
      ]);
      expect(await s.list()).toEqual(['a.txt', 'b.log', 'sub']);
    });

    it('tests paths: existence, -PathType, wildcards, -IsValid, never an error', async () => {
      const s = await sharedSession(drive, TREE);

      const typed = await s.type(
        'Test-Path a.txt; Test-Path nope; Test-Path sub -PathType Container; Test-Path sub -PathType Leaf; ' +
          'Test-Path sub/c.txt -PathType Leaf; Test-Path *.log; Test-Path z*; ' +
          'Test-Path nope/x -IsValid; Test-Path Q:\\x -IsValid; Test-Path Q:\\x',
      );

      expect(typed.err).toBe('');
      expect(typed.lines).toEqual([
        'True',
        'False',
        'True',
        'False',
        'True',
        'True',
        'False',
        'True',
        'False',
        'False',
      ]);
    });
  },
);
