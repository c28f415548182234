import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJafs, tempHome } from '../e2e/helpers.js';

/**
 * The CLI has nobody to ask (-c, a script file, piped input): a confirmation never waits. A
 * command that asks by its nature (Clear-RecycleBin) or an explicit -Confirm stops with a
 * message saying how to go ahead, changes nothing and the exit status is 1;
 * `Remove-Item -Permanent` written in the script runs as written. Each run ends on its own:
 * a prompt that waited would hold the child past the test's time limit.
 */
let home: { home: string; cleanup(): Promise<void> };

beforeAll(async () => {
  home = await tempHome();
});

afterAll(async () => {
  await home?.cleanup();
});

const jafs = (args: string[], input?: string) => runJafs(args, { home: home.home, input });

const HOW = 'Add -Force or -Confirm:$false to go ahead';

/** Prints how many files (not folders) are in Trash. */
const TRASH_FILES =
  '@(Get-ChildItem JAFS:\\Jotta\\Trash -Force -Recurse | Where-Object { -not $_.PSIsContainer }).Count';

/** Files in Trash, as the listing counts them. */
async function trashCount(): Promise<number> {
  const count = await jafs(['-c', TRASH_FILES]);
  expect(count.stderr).toBe('');
  return Number(count.stdout.trim());
}

describe('confirmations in jafs -c, a script file and piped input', () => {
  beforeAll(async () => {
    const setup = await jafs([
      '-c',
      "Set-Content JAFS:\\Jotta\\Archive\\trashed.txt 'x'; Remove-Item JAFS:\\Jotta\\Archive\\trashed.txt",
    ]);
    expect(setup.stderr).toBe('');
  }, 30_000);

  it('Clear-RecycleBin stops with how to go ahead, in every non-interactive mode', async () => {
    const script = join(home.home, 'empty-trash.ps1');
    await writeFile(script, "Clear-RecycleBin -Drive JAFS\n'after'\n");

    const runs = [
      await jafs(['-c', "Clear-RecycleBin -Drive JAFS; 'after'"]),
      await jafs([script]),
      await jafs([], "Clear-RecycleBin -Drive JAFS\n'after'\n"),
    ];

    for (const run of runs) {
      expect(run.stderr).toContain('Cannot perform the operation "Clear-RecycleBin"');
      expect(run.stderr).toContain(HOW);
      expect(run.stdout).toContain('after');
      // As pwsh: the refusal stops its statement only, and the last statement succeeded.
      expect(run.code).toBe(0);
    }
    expect(await trashCount()).toBe(1);
  }, 60_000);

  it('Clear-RecycleBin -Confirm:$false empties Trash without asking', async () => {
    const run = await jafs(['-c', `Clear-RecycleBin -Drive JAFS -Confirm:$false; ${TRASH_FILES}`]);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('0');
  }, 60_000);

  it('Remove-Item -Permanent runs as the script says; with -Confirm it stops', async () => {
    const asked = await jafs([
      '-c',
      "Set-Content JAFS:\\Jotta\\Archive\\a.txt 'a'; Set-Content JAFS:\\Jotta\\Archive\\b.txt 'b'\n" +
        'Remove-Item JAFS:\\Jotta\\Archive\\a.txt -Permanent -Confirm',
    ]);
    expect(asked.stderr).toContain('-Confirm asks before each change');
    expect(asked.stderr).toContain('Leave out -Confirm to go ahead');
    expect(asked.code).toBe(1);

    const scripted = await jafs([
      '-c',
      'Remove-Item JAFS:\\Jotta\\Archive\\b.txt -Permanent\n' +
        'Test-Path JAFS:\\Jotta\\Archive\\a.txt\n' +
        '[bool](Get-Item JAFS:\\Jotta\\Archive\\b.txt -Force -ErrorAction SilentlyContinue)\n' +
        TRASH_FILES,
    ]);
    expect(scripted.stderr).toBe('');
    expect(scripted.code).toBe(0);
    expect(scripted.stdout.trim().split('\n')).toEqual(['True', 'False', '0']);
  }, 60_000);
});
