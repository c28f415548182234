import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/provider/types.js';
import type { Host, Shell } from '../../src/shell/api.js';
import { navigationCmdlets } from '../../src/shell/cmdlets/navigation/index.js';
import { syncCmdlets } from '../../src/shell/cmdlets/sync/index.js';
import { createShell } from '../../src/shell/index.js';
import { startSyncFixture, treeOf, writeTree, type SyncFixture } from './helpers.js';

/** A non-interactive host that keeps what the shell writes. */
class CapturingHost implements Host {
  readonly interactive = false;
  readonly width = 160;
  readonly color = false;
  output = '';
  errors = '';
  progressEvents: ProgressEvent[] = [];
  /** Answers for -Confirm prompts, by choice index (0 Yes, 1 Yes to All, 2 No, 3 No to All). */
  choices: number[] = [];
  asked: string[] = [];

  write(text: string): void {
    this.output += text;
  }
  writeError(text: string): void {
    this.errors += text;
  }
  writeWarning(): void {}
  writeVerbose(): void {}
  progress(_id: number, event: ProgressEvent | undefined): void {
    if (event) this.progressEvents.push(event);
  }
  async readLine(prompt: string): Promise<string> {
    throw new Error(`The prompt '${prompt.trim()}' requires user input.`);
  }
  async choose(caption: string, message: string): Promise<number> {
    const choice = this.choices.shift();
    if (choice === undefined) throw new Error(`The confirmation '${caption}' requires user input.`);
    this.asked.push(message);
    return choice;
  }
}

let fx: SyncFixture;

beforeAll(async () => {
  fx = await startSyncFixture();
  await writeTree(fx.local, { 'photos/a.jpg': 'aaaa', 'photos/trip/b.jpg': 'bb' });
});

afterAll(() => fx?.close());

function shell(): { shell: Shell; host: CapturingHost } {
  const host = new CapturingHost();
  const cmdlets = [...navigationCmdlets, ...syncCmdlets];
  return { shell: createShell({ host, engine: fx.engine, cmdlets }), host };
}

describe('Sync-Item as command text', () => {
  it('runs with positional paths and writes a summary that scripts can read', async () => {
    const { shell: first, host } = shell();
    const result = await first.run('Sync-Item ./photos JAFS:\\Jotta\\Archive\\photos');
    expect(result.failed).toBe(false);
    expect(host.errors).toBe('');
    expect(host.output).toMatch(/Copied\s*:\s*2/);
    expect(host.output).toMatch(/Bytes\s*:\s*6/);
    expect(host.progressEvents.some((event) => event.activity === 'Sync-Item')).toBe(true);

    const { shell: second, host: again } = shell();
    await second.run(
      '$s = sync ./photos JAFS:\\Jotta\\Archive\\photos; "$($s.Copied) $($s.Skipped) $($s.Bytes)"',
    );
    expect(again.output.trim()).toBe('0 2 0');
  });

  it('-WhatIf prints the plan and changes nothing', async () => {
    await writeFile(join(fx.local, 'photos/new.jpg'), 'nnn');
    await rm(join(fx.local, 'photos/trip'), { recursive: true });
    const { shell: dry, host } = shell();
    await dry.run('Sync-Item ./photos JAFS:\\Jotta\\Archive\\photos -Delete -WhatIf');

    expect(host.output).toContain(
      `What if: Performing the operation "Copy new file (3 B)" on target "Item: ${join(fx.local, 'photos/new.jpg')} Destination: JAFS:\\Jotta\\Archive\\photos\\new.jpg".`,
    );
    expect(host.output).toContain(
      'What if: Performing the operation "Delete folder (1 file, 2 B)" on target ' +
        '"JAFS:\\Jotta\\Archive\\photos\\trip".',
    );
    expect(await treeOf(fx.engine, 'JAFS:\\Jotta\\Archive\\photos')).toEqual([
      'a.jpg',
      'trip/',
      'trip/b.jpg',
    ]);
  });

  it('reports failures through $? and the error stream, after syncing the rest', async () => {
    await writeTree(fx.local, { 'clash/x.txt': 'x', 'clash/y.txt': 'y' });
    await writeTree(fx.local, { 'clash-target/x.txt/': '' });
    const { shell: run, host } = shell();
    await run.run(
      `Sync-Item ${join(fx.local, 'clash')} ${join(fx.local, 'clash-target')}; "ok=$?"`,
    );
    expect(host.output).toMatch(/Failed\s*:\s*1/);
    expect(host.output).toContain('ok=False');
    expect(host.errors).toContain('it is a file in the source but a folder at the destination');
    expect(host.errors).toContain('finished with 1 failed item');
    expect(await treeOf(fx.engine, join(fx.local, 'clash-target'))).toEqual(['x.txt/', 'y.txt']);
  });

  it('-Confirm asks before each change and skips what was refused', async () => {
    await writeTree(fx.local, {
      'confirm/keep.txt': 'k',
      'confirm/gone.txt': 'g',
      'confirm/x.txt': 'x',
    });
    const { shell: setup } = shell();
    await setup.run(`Sync-Item ${join(fx.local, 'confirm')} JAFS:\\Jotta\\Archive\\confirm`);
    await rm(join(fx.local, 'confirm/gone.txt'));
    await rm(join(fx.local, 'confirm/x.txt'));

    const { shell: run, host } = shell();
    host.choices = [2, 0];
    await run.run(
      `$s = Sync-Item ${join(fx.local, 'confirm')} JAFS:\\Jotta\\Archive\\confirm -Delete -Confirm; "deleted=$($s.Deleted) declined=$($s.Declined)"`,
    );
    expect(host.asked).toEqual([
      'Are you sure you want to perform this action?\nPerforming the operation "Delete file (1 B)" on target "JAFS:\\Jotta\\Archive\\confirm\\gone.txt".',
      'Are you sure you want to perform this action?\nPerforming the operation "Delete file (1 B)" on target "JAFS:\\Jotta\\Archive\\confirm\\x.txt".',
    ]);
    expect(host.output.trim()).toBe('deleted=1 declined=1');
    expect(await treeOf(fx.engine, 'JAFS:\\Jotta\\Archive\\confirm')).toEqual([
      'gone.txt',
      'keep.txt',
    ]);
  });

  it('refuses overlapping folders with a terminating error', async () => {
    const { shell: run, host } = shell();
    const result = await run.run('Sync-Item ./photos ./photos/inner -Delete');
    expect(result.failed).toBe(true);
    expect(host.errors).toContain('one lies inside the other');
  });

  it('runs the README backup script: a summary line per folder, exit 1 after a failure', async () => {
    const home = join(fx.local, 'home');
    await writeTree(home, {
      'Pictures/a.jpg': 'jpeg',
      'Documents/b.txt': 'text',
      'Documents/x.tmp': 'temp',
      'Documents/node_modules/m.js': 'js',
    });
    const script = BACKUP_SCRIPT.replaceAll('~/', `${home}/`);

    const { shell: first, host } = shell();
    const result = await first.run(script);
    expect(host.errors).toBe('');
    expect(result.exitCode).toBeUndefined();
    const lines = host.output.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(`^${home}/Pictures: 1 new, 0 changed, 0 to Trash, 0 unchanged, 4 bytes in \\d`),
    );
    expect(lines[1]).toContain('Documents: 1 new, 0 changed, 0 to Trash, 0 unchanged, 4 bytes');
    expect(await treeOf(fx.engine, 'JAFS:\\Jotta\\Archive\\Documents')).toEqual(['b.txt']);

    // A file where the backup has a folder cannot be synced: the script exits with 1.
    await rm(join(home, 'Pictures/a.jpg'));
    await writeTree(home, { 'Pictures/a.jpg/inner.jpg': 'x' });
    const { shell: second, host: after } = shell();
    const failed = await second.run(script.replace(' -Delete ', ' '));
    expect(failed.exitCode).toBe(1);
    expect(after.errors).toContain('finished with 1 failed item');
  });
});

/** The backup script of the README's Sync-Item section, word for word. */
const BACKUP_SCRIPT = `
$backups = [ordered]@{
  '~/Pictures'  = 'JAFS:\\Jotta\\Archive\\Pictures'
  '~/Documents' = 'JAFS:\\Jotta\\Archive\\Documents'
}
$failed = 0
foreach ($source in $backups.Keys) {
  $s = Sync-Item $source $backups[$source] -Delete -Exclude '*.tmp', 'node_modules'
  '{0}: {1} new, {2} changed, {3} to Trash, {4} unchanged, {5} bytes in {6} s' -f $source,
    $s.Copied, $s.Updated, $s.Deleted, $s.Skipped, $s.Bytes, $s.Duration
  $failed += $s.Failed
}
if ($failed -gt 0) { exit 1 }   # cron sees that something failed; the errors went to stderr
`;
