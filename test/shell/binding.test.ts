import { describe, expect, it } from 'vitest';
import type { CmdletDefinition } from '../../src/shell/api.js';
import { testShell } from './helpers/recording-host.js';
import { fsShell } from './helpers/fs-shell.js';

/** Echoes what it was bound with, so binding can be asserted exactly. */
const probe: CmdletDefinition = {
  name: 'Test-Probe',
  synopsis: 'Shows its bound parameters.',
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  parameters: [
    {
      name: 'Path',
      type: 'string[]',
      position: 0,
      parameterSets: ['Path'],
      valueFromPipeline: true,
      valueFromPipelineByPropertyName: true,
    },
    {
      name: 'LiteralPath',
      type: 'string[]',
      parameterSets: ['Literal'],
      aliases: ['PSPath', 'LP'],
      valueFromPipelineByPropertyName: true,
    },
    { name: 'ItemType', type: 'string', values: ['File', 'Directory'], aliases: ['Type'] },
    { name: 'Count', type: 'int', position: 1 },
    { name: 'Recurse', type: 'switch' },
    { name: 'Force', type: 'switch' },
    { name: 'Filter', type: 'string' },
  ],
  dynamicParameters(bound) {
    return bound.ItemType === 'File'
      ? [
          { name: 'Encoding', type: 'string', values: ['utf8', 'ascii'] },
          { name: 'Permanent', type: 'switch' },
        ]
      : [];
  },
  async process(ctx) {
    const shown = Object.entries(ctx.params)
      .map(([k, v]) => `${k}=${Array.isArray(v) ? `[${v.join(',')}]` : String(v)}`)
      .join(' ');
    await ctx.write(shown);
  },
};

const mandatory: CmdletDefinition = {
  name: 'Test-Mandatory',
  synopsis: 'Needs a name.',
  parameters: [
    { name: 'Name', type: 'string', position: 0, mandatory: true },
    { name: 'Tags', type: 'string[]', mandatory: true },
  ],
  async process(ctx) {
    await ctx.write(`${ctx.params.Name}:${(ctx.params.Tags as string[]).join('+')}`);
  },
};

function shell(interactive = false) {
  return testShell({ cmdlets: [probe, mandatory], interactive });
}

describe('parameter binding', () => {
  it('binds named, colon, prefix, alias and positional arguments', async () => {
    const t = shell();
    expect((await t.run('Test-Probe a,b 3 -Rec -Type:directory')).out).toBe(
      'Recurse=true ItemType=Directory Path=[a,b] Count=3\n',
    );
    expect((await t.run('Test-Probe -LP x -Recurse:$false')).out).toBe(
      'LiteralPath=[x] Recurse=false\n',
    );
  });

  it('reports unknown, ambiguous, duplicate and missing-value parameters exactly', async () => {
    const t = shell();
    expect((await t.run('Test-Probe -Bogus')).err).toBe(
      "Test-Probe: A parameter cannot be found that matches parameter name 'Bogus'.\n",
    );
    expect((await t.run('Test-Probe -F x')).err).toBe(
      "Test-Probe: Parameter cannot be processed because the parameter name 'F' is ambiguous. Possible matches include: -Force -Filter.\n",
    );
    expect((await t.run('Test-Probe -Count 1 -Count 2')).err).toBe(
      'Test-Probe: Cannot bind parameter because parameter \'Count\' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".\n',
    );
    expect((await t.run('Test-Probe -Filter')).err).toBe(
      "Test-Probe: Missing an argument for parameter 'Filter'. Specify a parameter of type 'System.String' and try again.\n",
    );
    expect((await t.run('Test-Probe a 1 extra')).err).toBe(
      "Test-Probe: A positional parameter cannot be found that accepts argument 'extra'.\n",
    );
    expect((await t.run('Test-Probe -Count abc')).err).toBe(
      'Test-Probe: Cannot bind parameter \'Count\'. Cannot convert value "abc" to type "System.Int32". Error: "The input string \'abc\' was not in a correct format."\n',
    );
    expect((await t.run('Test-Probe -ItemType Link')).err).toBe(
      'Test-Probe: Cannot validate argument on parameter \'ItemType\'. The argument "Link" does not belong to the set "File,Directory" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.\n',
    );
    expect((await t.run('Test-Probe -Path a -LiteralPath b')).err).toBe(
      'Test-Probe: Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.\n',
    );
  });

  it('binds dynamic parameters once the static ones are known, in any order', async () => {
    const t = shell();
    expect((await t.run('Test-Probe -Encoding ascii x -ItemType file')).out).toBe(
      'ItemType=File Encoding=ascii Path=[x]\n',
    );
    expect((await t.run('Test-Probe -Permanent x -ItemType file')).out).toBe(
      'ItemType=File Permanent=true Path=[x]\n',
    );
    expect((await t.run('Test-Probe -Encoding ascii x')).err).toBe(
      "Test-Probe: A parameter cannot be found that matches parameter name 'Encoding'.\n",
    );
  });

  it('binds pipeline input by value and by property name (PSPath → LiteralPath)', async () => {
    const t = shell();
    expect((await t.run("'p1','p2' | Test-Probe")).out).toBe('Path=[p1]\nPath=[p2]\n');
    expect((await t.run("[pscustomobject]@{ PSPath = 'Provider::x' } | Test-Probe")).out).toBe(
      'LiteralPath=[Provider::x]\n',
    );
    const r = await t.run("1 | Test-Mandatory -Name a -Tags b; 'next'");
    expect(r.out).toBe('next\n');
    expect(r.err).toBe(
      'Test-Mandatory: The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.\n',
    );
    expect(r.result.failed).toBe(false);
  });

  it('fails on missing mandatory parameters when not interactive', async () => {
    const t = shell();
    expect((await t.run('Test-Mandatory')).err).toBe(
      'Test-Mandatory: Cannot process command because of one or more missing mandatory parameters: Name Tags.\n',
    );
    expect((await t.run("Test-Mandatory '' -Tags a")).err).toBe(
      "Test-Mandatory: Cannot bind argument to parameter 'Name' because it is an empty string.\n",
    );
  });

  it('prompts for missing mandatory parameters through the host when interactive', async () => {
    const t = shell(true);
    t.host.answers.push('disk', 'a', 'b', '');
    const r = await t.run('Test-Mandatory');
    expect(t.host.prompts).toEqual(['Name: ', 'Tags[0]: ', 'Tags[1]: ', 'Tags[2]: ']);
    expect(r.out).toBe(
      '\ncmdlet Test-Mandatory at command pipeline position 1\nSupply values for the following parameters:\ndisk:a+b\n',
    );
  });

  it('applies -ErrorAction, -ErrorVariable, -OutVariable and $ErrorActionPreference', async () => {
    const t = shell();
    let r = await t.run(
      "Write-Error 'quiet' -ErrorAction SilentlyContinue -ErrorVariable ev; $ev.Count; $Error.Count",
    );
    expect(r.out).toBe('1\n1\n');
    expect(r.err).toBe('');
    r = await t.run("try { Write-Error 'loud' -ea Stop; 'no' } catch { \"caught $_\" }");
    expect(r.out).toBe('caught loud\n');
    r = await t.run("Write-Output 1,2 -OutVariable kept | Out-Null; $kept -join '+'");
    expect(r.out).toBe('1+2\n');
    r = await t.run("$ErrorActionPreference = 'Stop'; Write-Error 'halt'; 'not reached'");
    expect(r.out).toBe('');
    expect(r.err).toBe('Write-Error: halt\n');
    expect(r.result.failed).toBe(true);
  });

  it('prints What if lines under -WhatIf and asks under -Confirm', async () => {
    const t = await fsShell({ 'a.txt': 'x' }, { interactive: true });
    try {
      let r = await t.run('Remove-Item a.txt -WhatIf; Test-Path a.txt');
      expect(r.out).toBe(
        `What if: Performing the operation "Remove File" on target "${t.root}/a.txt".\nTrue\n`,
      );
      t.host.choices.push(2);
      r = await t.run('Remove-Item a.txt -Confirm; Test-Path a.txt');
      expect(t.host.prompts.at(-1)).toBe(
        `Confirm\nAre you sure you want to perform this action?\nPerforming the operation "Remove File" on target "${t.root}/a.txt".`,
      );
      expect(r.out).toBe('True\n');
    } finally {
      await t.dispose();
    }
  });

  it('binds Get-ChildItem output to Remove-Item through PSPath', async () => {
    const t = await fsShell({ 'a.txt': 'x', 'b.txt': 'y', 'keep.log': 'z' });
    try {
      const r = await t.run('Get-ChildItem -Filter *.txt | Remove-Item; (Get-ChildItem).Name');
      expect(r.err).toBe('');
      expect(r.out).toBe('keep.log\n');
    } finally {
      await t.dispose();
    }
  });
});
