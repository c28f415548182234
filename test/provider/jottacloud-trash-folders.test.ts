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

/** Makes `Archive\<name>` with a file and a subfolder holding another file, then trashes it. */
async function trashedTree(name: string) {
  const setup = await run(
    `New-Item JAFS:\\Jotta\\Archive\\${name}\\inner -ItemType folder -Force | Out-Null\n` +
      `Set-Content JAFS:\\Jotta\\Archive\\${name}\\a.txt -Value 'alpha of ${name}'\n` +
      `Set-Content JAFS:\\Jotta\\Archive\\${name}\\inner\\b.txt -Value 'beta of ${name}'\n` +
      `Remove-Item JAFS:\\Jotta\\Archive\\${name} -Recurse\n` +
      `Test-Path JAFS:\\Jotta\\Archive\\${name}`,
  );
  expect(setup.errors).toBe('');
  expect(lines(setup.output)).toEqual(['False']);
}

describe('Trash view folders', () => {
  it('list where they were as OriginalPath', async () => {
    await trashedTree('shown');
    const listed = await run(
      "Get-ChildItem JAFS:\\Jotta\\Trash -Force | Where-Object Name -eq 'shown' | " +
        'ForEach-Object { $_.OriginalPath; $_.PSIsContainer }',
    );
    expect(listed.errors).toBe('');
    expect(lines(listed.output)).toEqual(['JAFS:\\Jotta\\Archive\\shown', 'True']);
  });

  it('restore from the Trash listing through the pipeline, with everything they held', async () => {
    await trashedTree('piped');
    const restored = await run(
      "Get-ChildItem JAFS:\\Jotta\\Trash -Force | Where-Object Name -eq 'piped' | Restore-Item\n" +
        'Get-ChildItem JAFS:\\Jotta\\Archive\\piped -Recurse -Name\n' +
        'Get-Content JAFS:\\Jotta\\Archive\\piped\\inner\\b.txt',
    );
    expect(restored.errors).toBe('');
    expect(restored.output).toMatch(/2\s+2\s+JAFS:\\Jotta\\Archive\\piped/);
    const listed = lines(restored.output);
    expect(listed).toEqual(expect.arrayContaining(['a.txt', 'inner', 'inner\\b.txt']));
    expect(listed.at(-1)).toBe('beta of piped');

    // Its emptied tombstone stays in the Trash view; restoring it again says why nothing happens.
    const again = await run(
      "Get-ChildItem JAFS:\\Jotta\\Trash -Force | Where-Object Name -eq 'piped' | Restore-Item",
    );
    expect(again.errors).toContain(
      "Cannot restore 'JAFS:\\Jotta\\Archive\\piped': it is not in Trash. A folder restored " +
        'before stays listed in Trash until Trash is emptied.',
    );
  });

  it('restore by their Trash path', async () => {
    await trashedTree('named');
    const restored = await run(
      'Restore-Item JAFS:\\Jotta\\Trash\\named\n' +
        'Get-Content JAFS:\\Jotta\\Archive\\named\\a.txt',
    );
    expect(restored.errors).toBe('');
    expect(lines(restored.output).at(-1)).toBe('alpha of named');
  });
});

describe('A file inside a trashed folder', () => {
  it('comes back alone by its original path, with a warning about the rest', async () => {
    await trashedTree('single');
    const restored = await run(
      'Restore-Item JAFS:\\Jotta\\Archive\\single\\inner\\b.txt\n' +
        'Get-Content JAFS:\\Jotta\\Archive\\single\\inner\\b.txt\n' +
        'Test-Path JAFS:\\Jotta\\Archive\\single\\a.txt',
    );
    expect(restored.errors).toBe('');
    expect(restored.host.warnings).toEqual([
      "'JAFS:\\Jotta\\Archive\\single\\inner' is in Trash: it is made again for 'b.txt' alone, " +
        'and what else it held can then no longer be restored by path. Restore the folder ' +
        'instead to get it all back.',
    ]);
    expect(restored.output).toMatch(/1\s+0\s+JAFS:\\Jotta\\Archive\\single\\inner\\b\.txt/);
    expect(lines(restored.output).slice(-2)).toEqual(['beta of single', 'False']);

    // The live folder now hides its trashed twin: nothing at that path is in Trash any more.
    const rest = await run('Restore-Item JAFS:\\Jotta\\Archive\\single');
    expect(rest.errors).toContain(
      "Cannot restore 'JAFS:\\Jotta\\Archive\\single': it is not in Trash.",
    );
  });

  it('comes back through the Trash view path of its folder', async () => {
    await trashedTree('deep');
    const restored = await run(
      'Restore-Item JAFS:\\Jotta\\Trash\\deep\\inner\\b.txt\n' +
        'Get-Content JAFS:\\Jotta\\Archive\\deep\\inner\\b.txt',
    );
    expect(restored.errors).toBe('');
    expect(restored.output).toMatch(/1\s+0\s+JAFS:\\Jotta\\Archive\\deep\\inner\\b\.txt/);
    expect(lines(restored.output).at(-1)).toBe('beta of deep');
  });
});

describe('What Restore-Item refuses', () => {
  it('names what is not in the Trash view, and a trashed mount point', async () => {
    const missing = await run('Restore-Item JAFS:\\Jotta\\Trash\\no-such-entry');
    expect(missing.errors).toContain("Cannot find path 'JAFS:\\Jotta\\Trash\\no-such-entry'");

    const mount = await run(
      'New-Item JAFS:\\Backup-PC -ItemType device | Out-Null\n' +
        'New-Item JAFS:\\Backup-PC\\Disk -ItemType mountpoint | Out-Null\n' +
        'Remove-Item JAFS:\\Backup-PC\\Disk\n' +
        'Restore-Item JAFS:\\Jotta\\Trash\\Disk',
    );
    expect(mount.errors).toContain(
      "Cannot restore 'JAFS:\\Backup-PC\\Disk': only folders and files inside a mount point can be restored.",
    );
  });
});

describe('Browsing a trashed folder through the Trash view', () => {
  it('lists what it held, reads its files, and restores from inside it', async () => {
    await trashedTree('browsed');
    const listed = await run(
      'Get-ChildItem JAFS:\\Jotta\\Trash\\browsed -Recurse -Name\n' +
        'Get-ChildItem JAFS:\\Jotta\\Trash\\browsed\\inner | ForEach-Object OriginalPath\n' +
        'Get-Content JAFS:\\Jotta\\Trash\\browsed\\a.txt',
    );
    expect(listed.errors).toBe('');
    expect(lines(listed.output)).toEqual([
      'a.txt',
      'inner',
      'inner\\b.txt',
      'JAFS:\\Jotta\\Archive\\browsed\\inner\\b.txt',
      'alpha of browsed',
    ]);

    const restored = await run(
      'Get-ChildItem JAFS:\\Jotta\\Trash\\browsed\\inner | Restore-Item\n' +
        'Get-Content JAFS:\\Jotta\\Archive\\browsed\\inner\\b.txt',
    );
    expect(restored.errors).toBe('');
    expect(lines(restored.output).at(-1)).toBe('beta of browsed');
  });

  it('says when the Trash view holds no such folder', async () => {
    const missing = await run('Get-ChildItem JAFS:\\Jotta\\Trash\\never-trashed');
    expect(missing.errors).toContain(
      "Cannot find path 'JAFS:\\Jotta\\Trash\\never-trashed' because it does not exist.",
    );
  });
});

describe('Revisions of a file in a trashed folder', () => {
  it('are listed through the Trash view; restoring one asks for Restore-Item first', async () => {
    await trashedTree('revised');
    const result = await run(
      'Get-ItemRevision JAFS:\\Jotta\\Trash\\revised\\a.txt | ForEach-Object { "$($_.Number) $($_.State)" }\n' +
        'Restore-ItemRevision JAFS:\\Jotta\\Trash\\revised\\a.txt -Revision 1',
    );
    expect(lines(result.output)).toEqual(['1 COMPLETED']);
    expect(result.errors).toContain(
      "Cannot restore revision 1 of 'JAFS:\\Jotta\\Archive\\revised\\a.txt': it is in Trash. Restore-Item it first.",
    );
  });
});
