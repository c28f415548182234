import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileSystemProvider } from '../../providers/filesystem/index.js';
import { ProviderEngine } from '../../src/provider/index.js';
import type { Shell } from '../../src/shell/api.js';
import { navigationCmdlets } from '../../src/shell/cmdlets/navigation/index.js';
import { createShell } from '../../src/shell/index.js';
import { RecordingHost } from './helpers/recording-host.js';

let dir: string;
let shell: Shell;
let host: RecordingHost;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jafs-complete-'));
  await writeFile(join(dir, 'c [2].txt'), 'two\n');
  await mkdir(join(dir, 'd [1]'));
  await writeFile(join(dir, 'd [1]', 'inner.txt'), 'inner\n');
  const engine = new ProviderEngine();
  engine.registerProvider(createFileSystemProvider());
  await engine.setLocation(dir);
  host = new RecordingHost();
  shell = createShell({ host, engine, cmdlets: navigationCmdlets });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function completed(line: string): Promise<string[]> {
  return (await shell.complete(line, line.length)).matches.map((match) => match.text);
}

describe('completing names with wildcard characters', () => {
  it('escapes them for -Path, so the completed command reads the file', async () => {
    const [text] = await completed('Get-Content c');
    expect(text).toMatch(/^'(\.\/)?c `\[2`\]\.txt'$/);

    host.output = '';
    await shell.run(`Get-Content ${text}`);
    expect(host.errors).toBe('');
    expect(host.output.trim()).toBe('two');
  });

  it('goes on completing inside a folder whose name it escaped', async () => {
    const [folder] = await completed('Get-ChildItem d');
    expect(folder).toMatch(/^'(\.\/)?d `\[1`\]\/'$/);
    const [inner] = await completed(`Get-Content ${folder.slice(0, -1)}in`);
    expect(inner).toMatch(/^'(\.\/)?d `\[1`\]\/inner\.txt'$/);
  });

  it('leaves them as they are for -LiteralPath', async () => {
    const [text] = await completed('Get-Content -LiteralPath c');
    expect(text).toMatch(/^'(\.\/)?c \[2\]\.txt'$/);
  });
});
