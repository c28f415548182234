import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SharedDrive } from './drives.js';
import { DRIVES, sharedSession } from './shared-shell.js';

const TREE = { 'a.txt': 'A\n', 'b.log': 'BB\n', 'sub/c.txt': 'C\n' };

describe.each(DRIVES)('-Confirm, -ErrorAction, ~ and listings on $label', ({ open }) => {
  let drive: SharedDrive;
  beforeAll(async () => void (drive = await open()));
  afterAll(() => drive.close());

  const removeFile = () => (drive.label === 'FileSystem' ? 'Remove File' : 'Remove Item');

  it('asks with PowerShell’s -Confirm text; No keeps the item, Yes removes it', async () => {
    const s = await sharedSession(drive, TREE, { interactive: true });
    s.host.choices.push(2, 0);

    const typed = await s.type('Remove-Item a.txt -Confirm; Remove-Item b.log -Confirm');

    expect(typed.err).toBe('');
    expect(s.host.prompts).toEqual([
      'Confirm\nAre you sure you want to perform this action?\n' +
        `Performing the operation "${removeFile()}" on target "${s.p('a.txt')}".`,
      'Confirm\nAre you sure you want to perform this action?\n' +
        `Performing the operation "${removeFile()}" on target "${s.p('b.log')}".`,
    ]);
    expect(await s.list()).toEqual(['a.txt', 'sub']);
  });

  it('stops at an error with -ErrorAction Stop (try/catch sees the record)', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      "try { Get-Item nope -ErrorAction Stop; 'not reached' } catch { 'caught'; $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }",
    );

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual(['caught', 'PathNotFound,Get-Item', 'ObjectNotFound']);
  });

  it('ignores an error with -ErrorAction SilentlyContinue but keeps it in $Error', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type(
      'Remove-Item nope, a.txt -ErrorAction SilentlyContinue; $Error.Count; $Error[0].TargetObject; Test-Path a.txt',
    );

    expect(typed.err).toBe('');
    expect(typed.lines).toEqual(['1', s.p('nope'), 'False']);
  });

  it('expands ~ to the provider’s home where it has one', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type('cd ~; (Get-Location).Path');

    if (drive.label === 'FileSystem') {
      expect(typed.err).toBe('');
      expect(typed.lines).toEqual([process.env.HOME]);
    } else {
      expect(typed.lines).toEqual([s.p()]);
      expect(typed.err.trim()).toBe(
        'Set-Location: Home location for this provider is not set. To set the home location, ' +
          `call "(get-psprovider 'Jottacloud').Home = 'path'".`,
      );
    }
  });

  it('lists a folder under its Directory header with Mode, Length and Name columns', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type('Get-ChildItem');

    expect(typed.err).toBe('');
    expect(typed.lines[0]).toBe(`    Directory: ${s.p()}`);
    expect(typed.lines[1]).toMatch(/^Mode +LastWriteTime +Length Name$/);
    expect(typed.lines[2]).toMatch(/^-{4} +-{13} +-{6} -{4}$/);
    expect(typed.lines.slice(3).map((line) => line.replace(/ {2,}.*? (?=\S+$)/, ' '))).toEqual([
      '-a--- a.txt',
      '-a--- b.log',
      'd---- sub',
    ]);
    expect(typed.lines[3]).toMatch(/ 2 a\.txt$/);
    expect(typed.lines[4]).toMatch(/ 3 b\.log$/);
  });

  it('lists -Recurse results in one group per folder', async () => {
    const s = await sharedSession(drive, TREE);

    const typed = await s.type('Get-ChildItem -Recurse');

    const headers = typed.lines.filter((line) => line.startsWith('    Directory: '));
    expect(headers).toEqual([`    Directory: ${s.p()}`, `    Directory: ${s.p('sub')}`]);
    expect(typed.lines.at(-1)).toMatch(/ 2 c\.txt$/);
  });
});
