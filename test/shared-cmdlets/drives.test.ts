import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SharedDrive } from './drives.js';
import { DRIVES, sharedSession } from './shared-shell.js';

describe.each(DRIVES)('drives and providers on $label', ({ open }) => {
  let drive: SharedDrive;
  beforeAll(async () => void (drive = await open()));
  afterAll(() => drive.close());

  it('mounts a drive on a folder, refuses to remove it while in use, then removes it', async () => {
    const s = await sharedSession(drive, { 'a.txt': 'A\n' });

    const typed = await s.type(
      `(New-PSDrive -Name T -PSProvider ${drive.label} -Root '${s.root}').Name; ` +
        '(Get-PSDrive T).Provider; gc T:\\a.txt; cd T:\\; Remove-PSDrive T; ' +
        `cd '${s.p()}'; Remove-PSDrive T; Test-Path T:\\a.txt; Get-PSDrive T`,
    );

    expect(typed.lines).toEqual(['T', drive.label, 'A', 'False']);
    expect(typed.err.trimEnd().split('\n')).toEqual([
      "Remove-PSDrive: Cannot remove drive 'T' because it is in use.",
      "Get-PSDrive: Cannot find drive. A drive with the name 'T' does not exist.",
    ]);
    expect(await s.read('a.txt')).toBe('A\n');
  });

  it('refuses a drive name in use, an unknown provider and a root that is no folder', async () => {
    const s = await sharedSession(drive, { 'a.txt': 'A\n' });
    const existing = drive.label === 'FileSystem' ? '/' : 'JAFS';

    const typed = await s.type(
      `New-PSDrive -Name '${existing}' -PSProvider ${drive.label} -Root '${s.root}'; ` +
        'New-PSDrive -Name T -PSProvider Nope -Root x; ' +
        `New-PSDrive -Name T -PSProvider ${drive.label} -Root '${s.root}${drive.sep}a.txt'`,
    );

    expect(typed.out).toBe('');
    // The Jottacloud provider checks the root itself and says so in its own words.
    const notAFolder =
      drive.label === 'FileSystem'
        ? `The specified drive root "${s.p('a.txt')}" either does not exist, or it is not a folder.`
        : `Cannot mount 'T:' at '${s.root.replaceAll('\\', '/')}/a.txt': it is a file.`;
    expect(typed.err.trimEnd().split('\n')).toEqual([
      `New-PSDrive: A drive with the name '${existing}' already exists.`,
      "New-PSDrive: Cannot find a provider with the name 'Nope'.",
      `New-PSDrive: ${notAFolder}`,
    ]);
  });

  it('shows the provider with the capabilities it implements', async () => {
    const s = await sharedSession(drive, {});

    const typed = await s.type(`(Get-PSProvider ${drive.label}).Capabilities`);

    expect(typed.err).toBe('');
    expect(typed.lines[0]).toMatch(
      /^(Credentials, )?Filter, ShouldProcess, New, Remove, Rename, Move, Copy/,
    );
  });
});
