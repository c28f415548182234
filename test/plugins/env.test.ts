import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvironmentProvider } from '../../providers/env/index.js';
import { startJottacloud, type JottacloudFixture } from '../provider/jottacloud-fixture.js';
import { pluginShell } from './harness.js';
import { tempFolder } from './fixtures.js';

describe('Environment provider (Env:), written with the node SDK', () => {
  let jafs: JottacloudFixture;
  let folder: { dir: string; cleanup(): Promise<void> };

  beforeAll(async () => {
    jafs = await startJottacloud();
    folder = await tempFolder();
  });

  afterAll(async () => {
    await jafs?.close();
    await folder?.cleanup();
  });

  it('lists, reads, sets, renames, removes and copies variables', async () => {
    const env: Record<string, string | undefined> = { HOME: '/home/me', LANG: 'nb_NO.UTF-8' };
    const { shell, host, engine } = await pluginShell(folder.dir, jafs.client);
    engine.registerProvider(createEnvironmentProvider(env));

    await shell.run('Get-ChildItem Env:\\ | ForEach-Object Name; Get-Content Env:\\HOME');
    expect(host.take()).toEqual({ output: 'HOME\nLANG\n/home/me\n', errors: '' });

    await shell.run('Set-Content Env:\\GREETING hej; New-Item Env:\\EMPTY -ItemType Variable');
    await shell.run('Rename-Item Env:\\GREETING SALUTE; Remove-Item Env:\\LANG');
    expect(host.take().errors).toBe('');
    expect(env).toEqual({ HOME: '/home/me', SALUTE: 'hej', EMPTY: '' });

    await shell.run('Copy-Item Env:\\HOME JAFS:\\Jotta\\Archive\\home.txt');
    await shell.run('Get-Content JAFS:\\Jotta\\Archive\\home.txt; Get-Item Env:\\home');
    const { output, errors } = host.take();
    expect(output).toBe('/home/me\n');
    expect(errors).toContain('Env:');

    await shell.run('Get-PSProvider Environment | ForEach-Object Capabilities');
    expect(host.take().output.trim()).toBe(
      'Filter, ShouldProcess, New, Remove, Rename, GetContent, SetContent',
    );
  });

  it('is one environment with $env:, both ways, deletions included', async () => {
    const env: Record<string, string | undefined> = { HOME: '/home/me' };
    const { shell, host, engine } = await pluginShell(folder.dir, undefined, env);
    engine.registerProvider(createEnvironmentProvider(env));

    await shell.run(
      'New-Item Env:\\MADE -Value 1 | Out-Null; Set-Content Env:\\SET two; $env:MADE; $env:SET',
    );
    await shell.run("$env:TYPED = 'three'; Get-Content Env:\\TYPED; $env:HOME = ''");
    await shell.run('Test-Path Env:\\HOME; Remove-Item Env:\\MADE; $null -eq $env:MADE');
    expect(host.take()).toEqual({ output: '1\ntwo\nthree\nFalse\nTrue\n', errors: '' });
    expect(env).toEqual({ SET: 'two', TYPED: 'three' });
  });

  it('Set-Item sets, creates and removes variables; the file system refuses it', async () => {
    const env: Record<string, string | undefined> = { KEEP: 'k' };
    const { shell, host, engine } = await pluginShell(folder.dir, undefined, env);
    engine.registerProvider(createEnvironmentProvider(env));

    await shell.run(
      "Set-Item Env:\\X 1; $env:X; $env:Y = 'y'; Set-Item Env:\\Y z -PassThru | % Value",
    );
    await shell.run("Set-Item Env:\\K* changed -WhatIf; Set-Item Env:\\X ''; Test-Path Env:\\X");
    const { output } = host.take();
    expect(output).toBe(
      '1\nz\nWhat if: Performing the operation "Set Item" on target "Item: Env:\\KEEP Value: changed".\nFalse\n',
    );
    expect(env).toEqual({ KEEP: 'k', Y: 'z' });

    await shell.run("Set-Content ./f.txt x; Set-Item ./f.txt 1; 'alive'");
    expect(host.take()).toMatchObject({
      output: 'alive\n',
      errors: expect.stringMatching(/not support/),
    });
  });
});
