import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJafs, tempHome } from './helpers.js';

let home: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ home, cleanup } = await tempHome());
});

afterAll(() => cleanup());

describe('Get-Help in the shell users run', () => {
  it('answers for every cmdlet the CLI registers, with a synopsis and a syntax', async () => {
    const script = `
      $all = Get-Command -CommandType Cmdlet
      $missing = foreach ($c in $all) {
        $help = Get-Help $c.Name | Out-String
        $syntax = $help.IndexOf('SYNTAX')
        if ($help.IndexOf('SYNOPSIS') -lt 0 -or $syntax -lt 0 -or
            $help.IndexOf("    $($c.Name)", $syntax) -lt 0) { $c.Name }
      }
      "count=$($all.Count)"
      "missing=$($missing -join ',')"
      "names=$($all.Name -join ',')"`;

    const result = await runJafs(['-c', script], { home });

    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^missing=$/m);
    const names = /^names=(.*)$/m.exec(result.stdout)?.[1].split(',') ?? [];
    for (const cmdlet of ['Get-ChildItem', 'Sync-Item', 'Restore-Item', 'Import-Module']) {
      expect(names).toContain(cmdlet);
    }
    expect(names).toContain('Connect-Jottacloud');
  });
});
