import { createHash } from 'node:crypto';
import { mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileSystemProvider } from '../../providers/filesystem/index.js';
import { createJottacloudProvider } from '../../providers/jottacloud/index.js';
import { Jottacloud } from '../../src/jfs/index.js';
import { ProviderEngine } from '../../src/provider/index.js';
import { navigationCmdlets } from '../../src/shell/cmdlets/navigation/index.js';
import { createShell } from '../../src/shell/index.js';
import {
  PASSWORD,
  startJottacloud,
  USERNAME,
  type JottacloudFixture,
} from '../provider/jottacloud-fixture.js';
import { RecordingHost } from './helpers/recording-host.js';

let jafs: JottacloudFixture;
let local: string;

beforeAll(async () => {
  jafs = await startJottacloud();
  local = await realpath(await mkdtemp(join(tmpdir(), 'jafs-redirect-')));
});

afterAll(async () => {
  await jafs?.close();
  if (local) await rm(local, { recursive: true, force: true });
});

/** A shell with the file system and JAFS:, on a client whose requests are recorded. */
async function shell() {
  const requests: string[] = [];
  const client = new Jottacloud({
    baseUrl: jafs.url,
    auth: { type: 'basic', username: USERNAME, password: PASSWORD },
    logger: { debug: (subject, message) => subject === 'http' && requests.push(message) },
  });
  const engine = new ProviderEngine();
  engine.registerProvider(createFileSystemProvider());
  engine.registerProvider(createJottacloudProvider({ client }));
  await engine.newDrive('Jottacloud', { name: 'JAFS', root: '/' });
  await engine.setLocation(local);
  const host = new RecordingHost(false, 120);
  const instance = createShell({ host, engine, cmdlets: navigationCmdlets });
  return {
    requests,
    async run(text: string) {
      host.output = '';
      host.errors = '';
      await instance.run(text);
      return { out: host.output, err: host.errors };
    },
  };
}

describe('redirection, Select-String and Get-FileHash on JAFS:', () => {
  it('> and Out-File write to Jottacloud; relative paths follow the location', async () => {
    const { run } = await shell();
    await writeFile(join(local, 'one.txt'), 'café\n');

    const shown = await run('Get-ChildItem one.txt');
    const written = await run(
      'Get-ChildItem one.txt > JAFS:\\Jotta\\Archive\\list.txt; ' +
        "Set-Location JAFS:\\Jotta\\Archive; 'more' >> list.txt; 'é' | Out-File o.txt; " +
        'Get-Content -Raw list.txt; Get-Content o.txt',
    );
    expect(written.err).toBe('');
    expect(written.out).toBe(`${shown.out}more\n\né\n`);
  });

  it('Select-String reads Jottacloud files by path and when piped', async () => {
    const { run } = await shell();

    const result = await run(
      "Set-Content JAFS:\\Jotta\\Archive\\notes.txt 'tea', 'café crème'; " +
        'Select-String crème JAFS:\\Jotta\\Archive\\notes.txt; ' +
        'Set-Location JAFS:\\Jotta; ' +
        'Get-ChildItem Archive\\notes.txt | Select-String tea',
    );
    expect(result.err).toBe('');
    expect(result.out).toBe(
      'JAFS:\\Jotta\\Archive\\notes.txt:2:café crème\nArchive\\notes.txt:1:tea\n',
    );
  });

  it('Get-FileHash matches node’s hashes; MD5 on JAFS: comes without a download', async () => {
    const { run, requests } = await shell();
    const bytes = Buffer.from('backup bytes\n'.repeat(1000));
    await writeFile(join(local, 'backup.bin'), bytes);
    const expected = (name: string) => createHash(name).update(bytes).digest('hex').toUpperCase();

    await run('Copy-Item backup.bin JAFS:\\Jotta\\Archive\\backup.bin');
    const sha = await run(
      '(Get-FileHash backup.bin).Hash; (Get-FileHash JAFS:\\Jotta\\Archive\\backup.bin).Hash',
    );
    expect(sha.out).toBe(`${expected('sha256')}\n${expected('sha256')}\n`);
    const downloads = () => requests.filter((line) => /^GET .*\?.*\bmode\b/.test(line)).length;
    expect(downloads()).toBe(1);

    const md5 = await run(
      'Get-FileHash -Algorithm MD5 -LiteralPath JAFS:\\Jotta\\Archive\\backup.bin | ' +
        'ForEach-Object { $_.Algorithm; $_.Hash; $_.Path }',
    );
    expect(md5.out).toBe(`MD5\n${expected('md5')}\nJAFS:\\Jotta\\Archive\\backup.bin\n`);
    expect(downloads()).toBe(1);

    const piped = await run(
      'Get-ChildItem backup.bin | Get-FileHash -Algorithm SHA1 | ForEach-Object Hash',
    );
    expect(piped.out).toBe(`${expected('sha1')}\n`);

    const bad = await run('Get-FileHash backup.bin -Algorithm CRC32');
    expect(bad.err).toContain('does not belong to the set');
    expect(await readFile(join(local, 'backup.bin'))).toEqual(bytes);
  });
});
