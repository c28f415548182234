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
  async choose(caption: string): Promise<number> {
    throw new Error(`The confirmation '${caption}' requires user input.`);
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

  it('refuses overlapping folders with a terminating error', async () => {
    const { shell: run, host } = shell();
    const result = await run.run('Sync-Item ./photos ./photos/inner -Delete');
    expect(result.failed).toBe(true);
    expect(host.errors).toContain('one lies inside the other');
  });
});
