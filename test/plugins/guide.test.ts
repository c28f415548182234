import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJottacloud, type JottacloudFixture } from '../provider/jottacloud-fixture.js';
import { pluginShell } from './harness.js';
import { tempFolder } from './fixtures.js';
import { guideExample } from './guide-example.js';

const SETTINGS = {
  server: { url: 'https://example.invalid/api', retries: 3, tags: ['a', 'b'] },
  name: 'demo',
};

describe('the guide example provider, imported into a running shell', () => {
  let jafs: JottacloudFixture;
  let folder: { dir: string; cleanup(): Promise<void> };

  beforeAll(async () => {
    jafs = await startJottacloud();
    folder = await tempFolder();
    await writeFile(path.join(folder.dir, 'json-provider.js'), await guideExample());
    await writeFile(path.join(folder.dir, 'settings.json'), JSON.stringify(SETTINGS));
  });

  afterAll(async () => {
    await jafs?.close();
    await folder?.cleanup();
  });

  it('is about 50 lines', async () => {
    const lines = (await guideExample()).trimEnd().split('\n').length;
    expect(lines).toBeLessThanOrEqual(55);
  });

  it('loads with Import-Module and is navigated, completed and copied to JAFS:', async () => {
    const { shell, host } = await pluginShell(folder.dir, jafs.client);
    const settings = path.join(folder.dir, 'settings.json');

    await shell.run(`Import-Module ./json-provider.js\nNew-PSDrive Cfg Json '${settings}'`);
    expect(host.take().errors).toBe('');

    await shell.run('Get-PSProvider Json | ForEach-Object { $_.Capabilities }');
    expect(host.take().output).toContain('GetContent');

    await shell.run('Get-ChildItem Cfg:\\ | ForEach-Object Name');
    expect(host.take().output.split('\n').filter(Boolean)).toEqual(['name', 'server']);

    await shell.run('Get-Content Cfg:\\server\\url; Get-Content Cfg:\\SERVER\\tags\\1');
    expect(host.take()).toEqual({ output: 'https://example.invalid/api\nb\n', errors: '' });

    const line = 'Get-ChildItem Cfg:\\se';
    const completion = await shell.complete(line, line.length);
    expect(completion.matches.map((match) => match.text)).toEqual(['Cfg:\\server\\']);

    await shell.run('Copy-Item Cfg:\\server JAFS:\\Jotta\\Archive\\server -Recurse');
    expect(host.take().errors).toBe('');
    const download = await jafs.client.download('/Jotta/Archive/server/url');
    const chunks: Buffer[] = [];
    for await (const chunk of download.stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe(SETTINGS.server.url);
    await shell.run('Get-Content JAFS:\\Jotta\\Archive\\server\\tags\\0');
    expect(host.take().output).toBe('a\n');

    await shell.run('Get-Module json-provider | ForEach-Object { $_.Providers }');
    expect(host.take().output).toBe('Json\n');
  });
});
