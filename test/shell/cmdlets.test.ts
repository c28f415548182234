import { describe, expect, it } from 'vitest';
import type { CmdletDefinition } from '../../src/shell/api.js';
import { languageCmdlets } from '../../src/shell/index.js';
import { navigationCmdlets } from '../../src/shell/cmdlets/navigation/index.js';
import { fsShell } from './helpers/fs-shell.js';
import { testShell } from './helpers/recording-host.js';

describe('language cmdlets', () => {
  it('Select-Object -First stops the commands before it', async () => {
    const t = testShell();
    const r = await t.run(
      '$seen = 0; 1..100000 | ForEach-Object { $seen++; $_ } | Select-Object -First 2; "seen $seen"',
    );
    expect(r.out).toBe('1\n2\nseen 2\n');
    const fs = await fsShell({ 'a/1.txt': '1', 'a/2.txt': '2', 'b/3.txt': '3' });
    try {
      const listed = await fs.run('(Get-ChildItem -Recurse | Select-Object -First 1).Name');
      expect(listed.err).toBe('');
      expect(listed.out).toBe('a\n');
    } finally {
      await fs.dispose();
    }
  });

  it('Start-Sleep stops on cancellation', async () => {
    const t = testShell();
    const controller = new AbortController();
    const running = t.shell.run("Start-Sleep -Seconds 30; 'not reached'", {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    await expect(running).resolves.toEqual({ failed: true, lastStatus: false });
    expect(t.host.output).toBe('');
  });

  it('cancellation stops a running loop between statements', async () => {
    const t = testShell();
    const controller = new AbortController();
    const running = t.shell.run('while ($true) { Start-Sleep -Milliseconds 5 }', {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 30);
    await expect(running).resolves.toEqual({ failed: true, lastStatus: false });
  });

  it('Read-Host masks -AsSecureString input and never prints it', async () => {
    const t = testShell({ interactive: true });
    t.host.answers.push('s3cret', 'plain');
    const r = await t.run(
      "$p = Read-Host 'Password' -AsSecureString; $p; $n = Read-Host 'Name'; \"hi $n\"",
    );
    expect(t.host.prompts).toEqual(['Password: ', 'Name: ']);
    expect(r.out).toBe('System.Security.SecureString\nhi plain\n');
  });

  it('Read-Host fails clearly when nobody can answer', async () => {
    const t = testShell();
    const r = await t.run("Read-Host 'Name'");
    expect(r.err).toBe("Read-Host: The prompt 'Name:' requires user input.\n");
  });

  it('Get-Credential asks for the user and a masked password', async () => {
    const t = testShell({ interactive: true });
    t.host.answers.push('me@example.com', 'pw');
    const r = await t.run('$c = Get-Credential; $c.UserName; $c.Password');
    expect(t.host.prompts).toEqual(['User: ', 'Password for user me@example.com: ']);
    expect(r.out).toBe(
      'PowerShell credential request\nEnter your credentials.\nme@example.com\nSystem.Security.SecureString\n',
    );
  });

  it('routes warnings, verbose messages and progress to the host', async () => {
    const t = testShell();
    await t.run(
      "Write-Warning 'careful'; Write-Verbose 'hidden'; Write-Verbose 'shown' -Verbose; Write-Progress -Activity 'Copy' -Status 'a.txt' -PercentComplete 50",
    );
    expect(t.host.warnings).toEqual(['careful']);
    expect(t.host.verbose).toEqual(['shown']);
    expect(t.host.progressEvents).toEqual([
      { activity: 'Copy', status: 'a.txt', itemsDone: 50, itemsTotal: 100 },
    ]);
    await t.run("$ProgressPreference = 'SilentlyContinue'; Write-Progress -Activity 'x'");
    expect(t.host.progressEvents).toHaveLength(1);
  });

  it('Get-Help works for every registered cmdlet and shows dynamic parameters', async () => {
    const t = testShell({ cmdlets: navigationCmdlets as CmdletDefinition[] });
    for (const cmdlet of [...languageCmdlets, ...navigationCmdlets]) {
      const r = await t.run(`Get-Help ${cmdlet.name}`);
      expect(r.err, cmdlet.name).toBe('');
      expect(r.out, cmdlet.name).toContain(`NAME\n    ${cmdlet.name}\n`);
      expect(r.out, cmdlet.name).toContain(`SYNTAX\n    ${cmdlet.name} `);
    }
    const withDynamic: CmdletDefinition = {
      name: 'New-Widget',
      synopsis: 'Makes a widget.',
      parameters: [{ name: 'Name', type: 'string', position: 0, mandatory: true }],
      dynamicParameters: () => [{ name: 'Color', type: 'string', values: ['Red', 'Blue'] }],
      examples: [{ code: 'New-Widget w1 -Color Red', remarks: 'A red widget.' }],
    };
    const d = testShell({ cmdlets: [withDynamic] });
    expect((await d.run('Get-Help New-Widget')).out).toContain(
      'SYNTAX\n    New-Widget [-Name] <string> [-Color {Red | Blue}] [<CommonParameters>]\n',
    );
    expect((await d.run('Get-Help New-Widget -Examples')).out).toContain(
      '    -------------------------- Example 1 --------------------------\n\n    PS > New-Widget w1 -Color Red\n\n    A red widget.\n',
    );
    expect((await d.run('help nothing-here')).err).toContain(
      'Get-Help: Get-Help could not find nothing-here',
    );
  });

  it('Get-Command, Get-Alias and Set-Alias work on the registry', async () => {
    const t = testShell();
    let r = await t.run('Get-Command Sort-Object');
    expect(r.out).toBe(
      '\nCommandType     Name                                               Version    Source\n' +
        '-----------     ----                                               -------    ------\n' +
        'Cmdlet          Sort-Object\n\n',
    );
    r = await t.run(
      'Set-Alias -Name first -Value Select-Object; 1..3 | first -First 1; (Get-Alias first).Name',
    );
    expect(r.out).toBe('1\nfirst -> Select-Object\n');
    r = await t.run('Get-Alias nope');
    expect(r.err).toBe(
      "Get-Alias: This command cannot find a matching alias because an alias with the name 'nope' does not exist.\n",
    );
  });

  it('Get-Variable and Set-Variable see the current scope', async () => {
    const t = testShell();
    const r = await t.run(
      'Set-Variable -Name answer -Value 42; Get-Variable answer; (Get-Variable -Name answer -ValueOnly) + 1',
    );
    expect(r.out).toBe(
      '\nName                           Value\n----                           -----\nanswer                         42\n\n43\n',
    );
  });
});
