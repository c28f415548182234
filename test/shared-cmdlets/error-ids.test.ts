import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SharedDrive } from './drives.js';
import { DRIVES, sharedSession } from './shared-shell.js';

const TREE = { 'a.txt': 'A\n', 'b.log': 'B\n', 'sub/c.txt': 'C\n', 'other/': '' };

/** Each failing command with its error id, category and exception type, the same on every drive. */
const FAILURES: readonly [command: string, id: string, category: string, exception: string][] = [
  ['Get-Item nope', 'PathNotFound', 'ObjectNotFound', 'ItemNotFoundException'],
  ['Get-Item Q:\\x', 'DriveNotFound', 'ObjectNotFound', 'DriveNotFoundException'],
  ['New-Item sub -ItemType Directory', 'DirectoryExist', 'ResourceExists', 'ItemExistsException'],
  ['New-Item a.txt', 'NewItemAlreadyExists', 'ResourceExists', 'ItemExistsException'],
  [
    'New-Item q -ItemType Bogus',
    'NewItemTypeUnknown',
    'InvalidArgument',
    'UnknownItemTypeException',
  ],
  ['New-Item nodir/x.txt', 'NewItemIOError', 'ObjectNotFound', 'PartOfPathNotFoundException'],
  [
    'Rename-Item b.log a.txt',
    'RenameItemIOError',
    'InvalidOperation',
    'ProviderOperationException',
  ],
  [
    'Rename-Item a.txt x/y',
    'RenameItemArgumentError',
    'InvalidArgument',
    'ProviderArgumentException',
  ],
  [
    'Copy-Item sub a.txt',
    'CopyContainerItemToLeafError',
    'InvalidOperation',
    'ProviderOperationException',
  ],
  ['Copy-Item a.txt a.txt', 'CopyError', 'InvalidOperation', 'ProviderOperationException'],
  ['Move-Item b.log a.txt', 'MoveItemIOError', 'InvalidOperation', 'ProviderOperationException'],
  [
    'Move-Item sub sub/x',
    'CopyContainerToSubdirectoryError',
    'InvalidOperation',
    'ProviderOperationException',
  ],
  ['Remove-Item .', 'RemoveItemInUse', 'InvalidOperation', 'RemoveItemInUseException'],
  ['cd *', 'PathResolvedToMultiple', 'InvalidArgument', 'MultipleContainersException'],
  ['gc sub', 'GetContentReaderDirectoryError', 'InvalidOperation', 'ProviderOperationException'],
  [
    'Set-Content sub x',
    'SetContentWriterDirectoryError',
    'InvalidOperation',
    'ProviderOperationException',
  ],
  [
    'Clear-Content sub',
    'ClearContentDirectoryError',
    'InvalidOperation',
    'ProviderOperationException',
  ],
];

describe.each(DRIVES)('error ids on $label', ({ open }) => {
  let drive: SharedDrive;
  beforeAll(async () => void (drive = await open()));
  afterAll(() => drive.close());

  it('gives every failure the same error id, category and exception type', async () => {
    const s = await sharedSession(drive, TREE);
    const script = FAILURES.map(
      ([command]) =>
        `${command} -ErrorAction SilentlyContinue; $e = $Error[0]; ` +
        '"$($e.FullyQualifiedErrorId)|$($e.CategoryInfo.Category)|$($e.Exception.GetType().Name)"',
    ).join('\n');

    const typed = await s.type(script);

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual(
      FAILURES.map(([command, id, category, exception]) => {
        const cmdlet = command.startsWith('cd ')
          ? 'Set-Location'
          : command.startsWith('gc ')
            ? 'Get-Content'
            : command.split(' ')[0];
        return `${id},${cmdlet}|${category}|${exception}`;
      }),
    );
    expect(await s.list()).toEqual(['a.txt', 'b.log', 'other', 'sub']);
    expect(await s.list('sub')).toEqual(['c.txt']);
  });
});
