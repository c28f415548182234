import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJottacloud, type JottacloudFixture } from './jottacloud-fixture.js';
import { lines, runScript } from './jottacloud-features-shell.js';

let jafs: JottacloudFixture;

beforeAll(async () => {
  jafs = await startJottacloud();
});

afterAll(async () => {
  await jafs?.close();
});

const run = (script: string, answers?: number[]) => runScript(jafs, script, answers);

describe('Restore-Item', () => {
  it('brings a trashed file back at its original path with its content', async () => {
    const setup = await run(
      "Set-Content JAFS:\\Jotta\\Archive\\one.txt -Value 'first file'\n" +
        'Remove-Item JAFS:\\Jotta\\Archive\\one.txt\n' +
        'Test-Path JAFS:\\Jotta\\Archive\\one.txt',
    );
    expect(setup.errors).toBe('');
    expect(lines(setup.output)).toEqual(['False']);

    const restored = await run(
      'Restore-Item JAFS:\\Jotta\\Archive\\one.txt\nGet-Content JAFS:\\Jotta\\Archive\\one.txt',
    );
    expect(restored.errors).toBe('');
    expect(restored.output).toMatch(/Files\s+Folders\s+Path/);
    expect(restored.output).toMatch(/1\s+0\s+JAFS:\\Jotta\\Archive\\one\.txt/);
    expect(lines(restored.output)).toContain('first file');
  });

  it('rebuilds a trashed folder tree with every file in it', async () => {
    const setup = await run(
      'New-Item JAFS:\\Jotta\\Archive\\tree\\inner -ItemType folder -Force | Out-Null\n' +
        "Set-Content JAFS:\\Jotta\\Archive\\tree\\a.txt -Value 'alpha'\n" +
        "Set-Content JAFS:\\Jotta\\Archive\\tree\\inner\\b.txt -Value 'beta'\n" +
        'Remove-Item JAFS:\\Jotta\\Archive\\tree -Recurse\n' +
        'Test-Path JAFS:\\Jotta\\Archive\\tree',
    );
    expect(setup.errors).toBe('');
    expect(lines(setup.output)).toEqual(['False']);

    const restored = await run(
      'Restore-Item JAFS:\\Jotta\\Archive\\tree\n' +
        'Get-ChildItem JAFS:\\Jotta\\Archive\\tree -Recurse -Name\n' +
        'Get-Content JAFS:\\Jotta\\Archive\\tree\\inner\\b.txt',
    );
    expect(restored.errors).toBe('');
    expect(restored.output).toMatch(/2\s+2\s+JAFS:\\Jotta\\Archive\\tree/);
    const listed = lines(restored.output);
    expect(listed).toEqual(expect.arrayContaining(['a.txt', 'inner', 'inner\\b.txt', 'beta']));
  });

  it('restores files piped from the Trash listing by their OriginalPath', async () => {
    await run(
      "Set-Content JAFS:\\Jotta\\Archive\\piped.txt -Value 'through the pipe'\n" +
        'Remove-Item JAFS:\\Jotta\\Archive\\piped.txt',
    );
    const restored = await run(
      "Get-ChildItem JAFS:\\Jotta\\Trash -Force | Where-Object Name -eq 'piped.txt' | Restore-Item\n" +
        'Get-Content JAFS:\\Jotta\\Archive\\piped.txt',
    );
    expect(restored.errors).toBe('');
    expect(lines(restored.output)).toContain('through the pipe');
  });

  it('restores a file named by its Trash path, and a folder piped from the Trash view', async () => {
    const setup = await run(
      'New-Item JAFS:\\Jotta\\Archive\\binned\\x -ItemType folder -Force | Out-Null\n' +
        "Set-Content JAFS:\\Jotta\\Archive\\via-trash.txt -Value 'from the bin'\n" +
        'Remove-Item JAFS:\\Jotta\\Archive\\via-trash.txt, JAFS:\\Jotta\\Archive\\binned -Recurse',
    );
    expect(setup.errors).toBe('');

    const file = await run(
      'Restore-Item JAFS:\\Jotta\\Trash\\via-trash.txt\n' +
        'Get-Content JAFS:\\Jotta\\Archive\\via-trash.txt',
    );
    expect(file.errors).toBe('');
    expect(lines(file.output)).toContain('from the bin');

    const back = await run(
      "Get-ChildItem JAFS:\\Jotta\\Trash -Force | Where-Object Name -eq 'binned' | Restore-Item\n" +
        'Test-Path JAFS:\\Jotta\\Archive\\binned\\x',
    );
    expect(back.errors).toBe('');
    expect(lines(back.output).at(-1)).toBe('True');
  });

  it('says why it cannot restore what is not in Trash, and -WhatIf changes nothing', async () => {
    const live = await run(
      "Set-Content JAFS:\\Jotta\\Archive\\live.txt -Value 'x'\n" +
        'Restore-Item JAFS:\\Jotta\\Archive\\live.txt\n' +
        'Restore-Item JAFS:\\Jotta\\Archive\\never-there.txt',
    );
    expect(live.errors).toContain(
      "Cannot restore 'JAFS:\\Jotta\\Archive\\live.txt': it is not in Trash.",
    );
    expect(live.errors).toContain("Cannot find path 'JAFS:\\Jotta\\Archive\\never-there.txt'");

    const whatIf = await run(
      'Remove-Item JAFS:\\Jotta\\Archive\\live.txt\n' +
        'Restore-Item JAFS:\\Jotta\\Archive\\live.txt -WhatIf\n' +
        'Test-Path JAFS:\\Jotta\\Archive\\live.txt',
    );
    expect(whatIf.errors).toBe('');
    expect(whatIf.output).toContain(
      'What if: Performing the operation "Restore from Trash" on target "JAFS:\\Jotta\\Archive\\live.txt".',
    );
    expect(lines(whatIf.output).at(-1)).toBe('False');
  });
});

describe('Clear-RecycleBin', () => {
  it('asks by default, does nothing under -WhatIf, and empties Trash with -Confirm:$false', async () => {
    await run(
      "Set-Content JAFS:\\Jotta\\Archive\\gone.txt -Value 'bye'\n" +
        'Remove-Item JAFS:\\Jotta\\Archive\\gone.txt',
    );

    const refused = await run('Clear-RecycleBin -Drive JAFS');
    expect(refused.errors).toContain('Add -Force or -Confirm:$false to go ahead');
    const declined = await run('Clear-RecycleBin -Drive JAFS', [2]);
    expect(declined.host.prompts[0]).toContain('"Clear-RecycleBin" on target "Trash of JAFS:"');
    const whatIf = await run('Clear-RecycleBin -Drive JAFS -WhatIf');
    expect(whatIf.output).toContain('What if: Performing the operation "Clear-RecycleBin"');
    const still = await run('(Get-ChildItem JAFS:\\Jotta\\Trash -Force).Count');
    expect(Number(lines(still.output)[0])).toBeGreaterThan(0);

    const emptied = await run(
      'Clear-RecycleBin -Drive JAFS -Confirm:$false\n' +
        '(Get-ChildItem JAFS:\\Jotta\\Trash -Force | Measure-Object).Count',
    );
    expect(emptied.errors).toBe('');
    expect(emptied.output).toMatch(/\d+\s+\d+\s+Trash of JAFS:/);
    expect(lines(emptied.output).at(-1)).toBe('0');
  });

  it('empties Trash when the user answers Yes', async () => {
    await run(
      "Set-Content JAFS:\\Jotta\\Archive\\asked.txt -Value 'bye'\n" +
        'Remove-Item JAFS:\\Jotta\\Archive\\asked.txt',
    );
    const yes = await run('Clear-RecycleBin', [0]);
    expect(yes.errors).toBe('');
    expect(yes.host.prompts).toHaveLength(1);
    expect(yes.output).toMatch(/1\s+0\s+Trash of JAFS:/);
  });

  it('empties without asking under -Force', async () => {
    await run(
      "Set-Content JAFS:\\Jotta\\Archive\\forced.txt -Value 'bye'\n" +
        'Remove-Item JAFS:\\Jotta\\Archive\\forced.txt',
    );
    const emptied = await run(
      'Clear-RecycleBin JAFS -Force\n(Get-ChildItem JAFS:\\Jotta\\Trash -Force | Measure-Object).Count',
    );
    expect(emptied.errors).toBe('');
    expect(emptied.output).toMatch(/1\s+0\s+Trash of JAFS:/);
    expect(lines(emptied.output).at(-1)).toBe('0');
  });
});
