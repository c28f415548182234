import { describe, expect, it } from 'vitest';
import { testShell } from './helpers/recording-host.js';

async function out(text: string): Promise<string> {
  const t = testShell();
  const r = await t.run(text);
  expect(r.err).toBe('');
  return r.out;
}

describe('lexing and parsing', () => {
  it('handles comments, block comments, `;` and line continuation', async () => {
    expect(await out("'a' # trailing comment\n<# block\ncomment #> 'b'; 'c'")).toBe('a\nb\nc\n');
    expect(await out('Write-Output `\n  -InputObject `\n  continued')).toBe('continued\n');
  });

  it('reads numbers with suffixes and hex, and bare words as strings', async () => {
    expect(await out('1KB + 0x10; 1.5MB; 2GB / 1GB; 1e2')).toBe('1040\n1572864\n2\n100\n');
    expect(await out('Write-Output JAFS:\\Jotta\\Archive ./src .. -5 10')).toBe(
      'JAFS:\\Jotta\\Archive\n./src\n..\n-5\n10\n',
    );
  });

  it('expands variables, ${braced} names, subexpressions and escapes in double quotes only', async () => {
    expect(await out('$n = 3; "n=$n ${n}x $($n * 2) `$n tab:`t. quote:"" "')).toBe(
      'n=3 3x 6 $n tab:\t. quote:" \n',
    );
    expect(await out("$n = 3; 'n=$n `t'")).toBe('n=$n `t\n');
    expect(await out('$o = [pscustomobject]@{ P = 1 }; "$o.P and $($o.P)"')).toBe(
      '@{P=1}.P and 1\n',
    );
  });

  it('passes -Name:value, arrays with commas and (subexpressions) as arguments', async () => {
    expect(await out("Write-Output -InputObject:'x'")).toBe('x\n');
    expect(await out('Write-Output a,b (1 + 2) $(4)')).toBe('a\nb\n3\n4\n');
    expect(await out('Write-Output @(1, 2).Count')).toBe('2\n');
  });

  it('supports pipelines continued on the next line', async () => {
    expect(await out('1..3\n  | ForEach-Object { $_ * 10 }\n  | Select-Object -Last 1')).toBe(
      '30\n',
    );
  });
});

describe('values and operators', () => {
  it('keeps arrays and hashtables apart and enumerates arrays in the pipeline', async () => {
    expect(await out('$a = ,(1, 2); $a.Count; $a[0].Count')).toBe('1\n2\n');
    expect(await out('@{ b = 1 } + @{ c = 2 } | ForEach-Object { $_.Count }')).toBe('2\n');
    expect(await out("$e = @(); $e += 'x'; $e.Count")).toBe('1\n');
  });

  it('applies case-insensitive comparisons by default and c-forms when asked', async () => {
    expect(await out("'A' -in 'a', 'b'; 'A' -cin 'a', 'b'; 'x' -notin 'y'")).toBe(
      'True\nFalse\nTrue\n',
    );
    expect(await out("'Hello' -replace 'L', '_'; 'Hello' -creplace 'L', '_'")).toBe(
      'He__o\nHello\n',
    );
  });

  it('reports errors of bad operands and casts', async () => {
    const t = testShell();
    expect((await t.run("[datetime]'not a date'")).err).toBe(
      'InvalidArgument: Cannot convert value "not a date" to type "System.DateTime". Error: "String \'not a date\' was not recognized as a valid DateTime."\n',
    );
    expect((await t.run('@{} + 1')).err).toBe(
      'InvalidOperation: A hash table can only be added to another hash table.\n',
    );
  });

  it('lets $Error be cleared and read automatic variables', async () => {
    const t = testShell();
    const r = await t.run(
      'Get-Nothing 2>$null; $Error.Count; $Error.Clear(); $Error.Count; $PWD.Path; $true -and $HOME.Length -gt 0',
    );
    expect(r.out).toBe('1\n0\nJAFS:\\\nTrue\n');
    expect(r.err).toBe('');
    expect(r.result.failed).toBe(false);
  });
});

describe('advanced functions', () => {
  it('turn -Verbose and -ErrorAction into preferences inside the function', async () => {
    const t = testShell();
    const r = await t.run(
      "function Get-Thing { [CmdletBinding()] param() Write-Verbose 'working'; Write-Error 'soft'; 'done' }\nGet-Thing -Verbose -ErrorAction SilentlyContinue\nGet-Thing",
    );
    expect(t.host.verbose).toEqual(['working']);
    expect(r.out).toBe('done\ndone\n');
    expect(r.err).toBe('Get-Thing:\nLine |\n   3 |  Get-Thing\n     |  ~~~~~~~~~\n     | soft\n');
  });
});
