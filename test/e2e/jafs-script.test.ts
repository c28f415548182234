import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJafs, tempHome } from './helpers.js';

// The provider example from the original JaFS documentation, unchanged.
const JAFS_SCRIPT = `Test-Path JAFS:\\PC001
New-Item "JAFS:" -ItemType device -Value PSProviderTestDev -DeviceType LAPTOP
New-Item "JAFS:\\PSProviderTestDev" -ItemType mountpoint -Value PSProviderTestMount
New-Item "JAFS:\\PSProviderTestDev\\PSProviderTestMount" -ItemType folder -Value PSProviderTestFolder
Test-Path JAFS:\\PSProviderTestDev\\PSProviderTestMount\\PSProviderTestFolder
Get-Item JAFS:\\PSProviderTestDev\\PSProviderTestMount
Get-ChildItem JAFS:\\PSProviderTestDev\\PSProviderTestMount
Remove-Item JAFS:\\PSProviderTestDev\\PSProviderTestMount\\PSProviderTestFolder
Remove-Item JAFS:\\PSProviderTestDev\\PSProviderTestMount
Remove-Item JAFS:\\PSProviderTestDev -Permanent
Test-Path JAFS:\\PSProviderTestDev
`;

let home: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ home, cleanup } = await tempHome());
});

afterAll(() => cleanup());

function checkScriptOutput(stdout: string) {
  const lines = stdout.split('\n').map((line) => line.trimEnd());
  const booleans = lines.filter((line) => line === 'True' || line === 'False');
  expect(booleans).toEqual(['False', 'True', 'False']);

  // New-Item echoes each created item; Get-ChildItem lists the folder under its mount point.
  expect(stdout).toContain('PSProviderTestDev');
  expect(stdout).toContain('PSProviderTestMount');
  expect(stdout).toMatch(/Directory: JAFS:\\PSProviderTestDev\\PSProviderTestMount\n/);
  const listing = stdout.split(/Directory: JAFS:\\PSProviderTestDev\\PSProviderTestMount\n/).pop();
  expect(listing).toMatch(/^d\S*\s+.*PSProviderTestFolder$/m);
}

describe('the JaFS documentation script', () => {
  it('runs unchanged through -c', async () => {
    const result = await runJafs(['-c', JAFS_SCRIPT], { home });

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    checkScriptOutput(result.stdout);
  });

  it('runs unchanged as a script file', async () => {
    const file = join(home, 'jafs-doc.ps1');
    await writeFile(file, JAFS_SCRIPT);

    const result = await runJafs([file], { home });

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    checkScriptOutput(result.stdout);
  });

  it('refuses to remove a device without -Permanent and exits with 1 on a terminating error', async () => {
    const result = await runJafs(
      [
        '-c',
        'New-Item JAFS:\\Dev2 -ItemType device -DeviceType LAPTOP | Out-Null; ' +
          'Remove-Item JAFS:\\Dev2; Test-Path JAFS:\\Dev2; ' +
          'Remove-Item JAFS:\\Dev2 -Permanent; Test-Path JAFS:\\Dev2; Get-Item JAFS:\\Missing -ErrorAction Stop; "not reached"',
      ],
      { home },
    );

    expect(result.stderr).toMatch(/^Remove-Item: .*-Permanent.*'Dev2'/m);
    expect(result.stderr).toContain(
      "Get-Item: Cannot find path 'JAFS:\\Missing' because it does not exist.",
    );
    expect(result.stdout.trim().split('\n')).toEqual(['True', 'False']);
    expect(result.code).toBe(1);
  });

  it('exits as pwsh does: -c and standard input with the last $?, a file with 0 unless stopped', async () => {
    const lastFails = 'Get-Item JAFS:\\Missing';
    const failsThenWorks = "Set-Content JAFS:\\Jotta\\Archive\\e.txt -Encoding bogus; 'ok'";

    expect((await runJafs(['-c', lastFails], { home })).code).toBe(1);
    expect((await runJafs([], { home, input: lastFails })).code).toBe(1);
    const recovered = await runJafs(['-c', failsThenWorks], { home });
    expect(recovered.stderr).toContain('bogus');
    expect(recovered.stdout.trim()).toBe('ok');
    expect(recovered.code).toBe(0);

    const script = join(home, 'last-fails.ps1');
    await writeFile(script, `${lastFails}\n`);
    const file = await runJafs([script], { home });
    expect(file.stderr).toContain('Cannot find path');
    expect(file.code).toBe(0);
  });
});
