import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileSystemProvider } from '../../providers/filesystem/index.js';
import { ProviderEngine } from '../../src/provider/index.js';
import { navigationCmdlets } from '../../src/shell/cmdlets/navigation/index.js';
import { createShell } from '../../src/shell/index.js';
import { RecordingHost, lines } from '../provider/jottacloud-features-shell.js';

let local: string;

beforeAll(async () => {
  local = await mkdtemp(join(tmpdir(), 'jafs-wait-'));
});

afterAll(async () => {
  if (local) await rm(local, { recursive: true, force: true });
});

/** Resolves once `check` holds; fails the test if it never does (no timing is asserted). */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 300; tries++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Gave up waiting for ${what}.`);
}

describe('Get-Content -Wait on a local file', () => {
  it('writes what is appended until the command is stopped', async () => {
    const file = join(local, 'app.log');
    await writeFile(file, 'first\n');
    const engine = new ProviderEngine();
    engine.registerProvider(createFileSystemProvider());
    const host = new RecordingHost();
    const shell = createShell({ host, engine, cmdlets: navigationCmdlets });
    const stop = new AbortController();

    const running = shell.run(`Get-Content ${file} -Wait | ForEach-Object { "got $_" }`, {
      signal: stop.signal,
    });
    await until(() => host.output.includes('got first'), 'the first line');
    await appendFile(file, 'second\nthird\n');
    await until(() => host.output.includes('got third'), 'the appended lines');
    stop.abort();
    await running;

    expect(lines(host.output)).toEqual(['got first', 'got second', 'got third']);
  });
});

describe('-Encoding completion', () => {
  it('offers the encoding names', async () => {
    const engine = new ProviderEngine();
    engine.registerProvider(createFileSystemProvider());
    const shell = createShell({ host: new RecordingHost(), engine, cmdlets: navigationCmdlets });
    const line = 'Set-Content x.txt hi -Encoding utf8';
    const completion = await shell.complete(line, line.length);
    expect(completion.matches.map((match) => match.text)).toEqual(['utf8', 'utf8BOM', 'utf8NoBOM']);
  });
});
