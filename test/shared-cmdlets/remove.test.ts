import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SharedDrive } from './drives.js';
import { DRIVES, sharedSession } from './shared-shell.js';

const TREE = { 'a.txt': 'A\n', 'b.txt': 'B\n', 'sub/c.txt': 'C\n', 'empty/': '' };

describe.each(DRIVES)('Remove-Item on $label', ({ open }) => {
  let drive: SharedDrive;
  beforeAll(async () => void (drive = await open()));
  afterAll(() => drive.close());

  const removeAction = (isContainer: boolean) =>
    drive.label === 'FileSystem'
      ? isContainer
        ? 'Remove Directory'
        : 'Remove File'
      : isContainer
        ? 'Remove Container'
        : 'Remove Item';

  it('removes files, wildcards and an empty folder without asking', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type('Remove-Item a.txt; Remove-Item b*; Remove-Item empty');

    expect(typed.out + typed.err).toBe('');
    expect(await s.list()).toEqual(['sub']);
  });

  it('says what it would do with -WhatIf and leaves everything', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type('Remove-Item *.txt -WhatIf; Remove-Item sub -Recurse -WhatIf');

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual([
      `What if: Performing the operation "${removeAction(false)}" on target "${s.p('a.txt')}".`,
      `What if: Performing the operation "${removeAction(false)}" on target "${s.p('b.txt')}".`,
      `What if: Performing the operation "${removeAction(true)}" on target "${s.p('sub')}".`,
    ]);
    expect(await s.list()).toEqual(['a.txt', 'b.txt', 'empty', 'sub']);
  });

  it('refuses the current location and its parents, even with -WhatIf or -Recurse', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      'cd sub; Remove-Item . -Recurse; Remove-Item .. -WhatIf; ' +
        'Remove-Item . -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId',
    );

    expect(typed.lines).toEqual(['RemoveItemInUse,Remove-Item']);
    expect(typed.err.trimEnd().split('\n')).toEqual([
      `Remove-Item: Cannot remove the item at '${s.p('sub')}' because it is in use.`,
      `Remove-Item: Cannot remove the item at '${s.p()}' because it is in use.`,
    ]);
    expect(await s.read('sub/c.txt')).toBe('C\n');
  });

  it('asks before removing a folder with children without -Recurse; No keeps it', async () => {
    const s = await sharedSession(drive, TREE, { interactive: true });
    s.host.choices.push(2);

    const typed = await s.type('Remove-Item sub');

    expect(typed.err).toBe('');
    expect(s.host.prompts).toEqual([
      `Confirm\nThe item at ${s.p('sub')} has children and the Recurse parameter was not ` +
        'specified. If you continue, all children will be removed with the item. Are you sure ' +
        'you want to continue?',
    ]);
    expect(await s.list('sub')).toEqual(['c.txt']);
  });

  it('removes the folder and its children when the answer is Yes', async () => {
    const s = await sharedSession(drive, TREE, { interactive: true });
    s.host.choices.push(0);

    const typed = await s.type('Remove-Item sub; Test-Path sub');

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual(['False']);
    expect(await s.kind('sub')).toBeUndefined();
  });

  it('removes a folder with children at once with -Recurse', async () => {
    const s = await sharedSession(drive, TREE, { interactive: true });

    const typed = await s.type('Remove-Item sub -Recurse');

    expect(typed.out + typed.err).toBe('');
    expect(s.host.prompts).toEqual([]);
    expect(await s.list()).toEqual(['a.txt', 'b.txt', 'empty']);
  });

  it('reports a missing literal path and goes on with the next one', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type('Remove-Item nope, a.txt');

    expect(typed.err.trim()).toBe(
      `Remove-Item: Cannot find path '${s.p('nope')}' because it does not exist.`,
    );
    expect(await s.list()).toEqual(['b.txt', 'empty', 'sub']);
  });

  it('removes only what -Include and -Exclude keep of a wildcard', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type('Remove-Item * -Include *.txt -Exclude b*');

    expect(typed.out + typed.err).toBe('');
    expect(await s.list()).toEqual(['b.txt', 'empty', 'sub']);
  });
});
