import { describe, expect, it } from 'vitest';
import { testShell } from './helpers/recording-host.js';

describe('error display (ConciseView)', () => {
  it('shows `Command: message` for a one-line command', async () => {
    const t = testShell();
    expect((await t.run('Get-Nothing')).err).toBe(
      "Get-Nothing: The term 'Get-Nothing' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.\n",
    );
    expect((await t.run("throw 'boom'")).err).toBe('Exception: boom\n');
    expect((await t.run('1/0')).err).toBe('RuntimeException: Attempted to divide by zero.\n');
    expect((await t.run('$null.Trim()')).err).toBe(
      'InvalidOperation: You cannot call a method on a null-valued expression.\n',
    );
    expect((await t.run("[int]'x'")).err).toBe(
      'InvalidArgument: Cannot convert value "x" to type "System.Int32". Error: "The input string \'x\' was not in a correct format."\n',
    );
  });

  it('uses the Line gutter for later lines of multi-line input', async () => {
    const t = testShell();
    const r = await t.run("'ok'\n  Write-Error 'bad thing'");
    expect(r.out).toBe('ok\n');
    expect(r.err).toBe(
      "Write-Error:\nLine |\n   2 |    Write-Error 'bad thing'\n     |    ~~~~~~~~~~~~~~~~~~~~~~~\n     | bad thing\n",
    );
  });

  it('names the script file and line for errors in scripts', async () => {
    const t = testShell();
    const r = await t.run('$x = 1\n$x.Foo()', { file: '/scripts/demo.ps1' });
    expect(r.err).toBe(
      "InvalidOperation: /scripts/demo.ps1:2\nLine |\n   2 |  $x.Foo()\n     |  ~~~~~~~~\n     | Method invocation failed because [System.Int32] does not contain a method named 'Foo'.\n",
    );
    expect(r.result.failed).toBe(true);
  });

  it('reports parse errors with the position and what was expected', async () => {
    const t = testShell();
    let r = await t.run('if ($x -eq 1 { "yes" }');
    expect(r.err).toBe(
      "ParserError:\nLine |\n   1 |  if ($x -eq 1 { \"yes\" }\n     |               ~\n     | Missing closing ')' after expression in 'if' statement.\n",
    );
    expect(r.result.failed).toBe(true);
    r = await t.run("'a' | | 'b'");
    expect(r.err).toContain('| An empty pipe element is not allowed.');
    r = await t.run('$x = ');
    expect(r.err).toContain("| You must provide a value expression following the '=' operator.");
  });

  it('keeps running after a statement-terminating error but stops at throw', async () => {
    const t = testShell();
    let r = await t.run("Get-Nothing; 'after'");
    expect(r.out).toBe('after\n');
    r = await t.run("throw 'stop'; 'after'");
    expect(r.out).toBe('');
    expect(r.result).toEqual({ failed: true, lastStatus: false });
  });

  it('exposes errors through $Error and the catch variable', async () => {
    const t = testShell();
    const r = await t.run(
      'try { Get-Nothing } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }; $Error.Count; $Error[0].Exception.Message.Split("`n")[0]',
    );
    expect(r.out).toBe(
      "CommandNotFoundException,Get-Nothing\nObjectNotFound\n1\nThe term 'Get-Nothing' is not recognized as a name of a cmdlet, function, script file, or executable program.\n",
    );
  });

  it('returns the exit code of `exit N`', async () => {
    const t = testShell();
    expect((await t.run("function Quit { exit 4 }; Quit; 'no'")).result).toEqual({
      exitCode: 4,
      failed: false,
    });
    expect((await t.run('$LASTEXITCODE')).out).toBe('4\n');
  });
});

describe('isIncomplete', () => {
  const t = testShell();
  it.each([
    ['if ($x) {', true],
    ["'open", true],
    ['"open', true],
    ['@"\nbody', true],
    ['Get-Item `', true],
    ['Get-ChildItem |', true],
    ['foo (1 +', true],
    ['$h = @{ a = 1', true],
    ['Get-Item x', false],
    ["'closed'", false],
    ['if ($x) { 1 } else { 2 }', false],
    ['1 +) 2', false],
  ])('%j → %s', (text, expected) => {
    expect(t.shell.isIncomplete(text)).toBe(expected);
  });
});

describe('$ErrorView', () => {
  it('renders NormalView and CategoryView on request', async () => {
    const t = testShell();
    await t.run("$ErrorView = 'NormalView'");
    expect((await t.run('Write-Error oops')).err).toBe(
      'Write-Error : oops\nAt line:1 char:1\n+ Write-Error oops\n+ ~~~~~~~~~~~~~~~~\n    + CategoryInfo          : NotSpecified: () [Write-Error], WriteErrorException\n    + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException,Write-Error\n \n',
    );
    await t.run("$ErrorView = 'CategoryView'");
    expect((await t.run('1/0')).err).toBe('NotSpecified: () [], DivideByZeroException\n');
  });
});
