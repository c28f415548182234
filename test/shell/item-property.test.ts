import { createHash } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJottacloud, type JottacloudFixture } from '../provider/jottacloud-fixture.js';
import { lines, runScript } from '../provider/jottacloud-features-shell.js';

let jafs: JottacloudFixture;
let local: string;

beforeAll(async () => {
  jafs = await startJottacloud();
  local = await mkdtemp(join(tmpdir(), 'jafs-property-'));
});

afterAll(async () => {
  await jafs?.close();
  if (local) await rm(local, { recursive: true, force: true });
});

const run = (script: string) => runScript(jafs, script);

const places = [
  { drive: 'FileSystem', file: () => join(local, 'props.txt') },
  { drive: 'Jottacloud', file: () => 'JAFS:\\Jotta\\Archive\\props.txt' },
];

describe.each(places)('Get-ItemProperty and Get-ItemPropertyValue on $drive', ({ drive, file }) => {
  it('write the whole item, or the properties -Name picks with where they come from', async () => {
    const f = file();
    const result = await run(
      `Set-Content ${f} 'hello'\n` +
        `(Get-ItemProperty ${f}).Length\n` +
        `$p = Get-ItemProperty ${f} -Name length, LastWriteTime\n` +
        '$p.Length; $p.LastWriteTime -is [datetime]; $p.PSChildName; $p.PSPath\n' +
        `$l = Get-ItemProperty ${f} -Name L*; $l.Length; $null -eq $l.Name; $l.PSProvider\n` +
        `Get-ItemProperty ${f} -Name Length\n` +
        `Get-ItemPropertyValue ${f} -Name Length, Name`,
    );
    expect(result.errors).toBe('');
    const out = lines(result.output);
    expect(out.slice(0, 4)).toEqual(['6', '6', 'True', 'props.txt']);
    expect(out[4]).toMatch(/^(FileSystem|Jottacloud)::.*props\.txt$/);
    expect(out.slice(5, 8)).toEqual(['6', 'True', drive]);
    // Shown as PowerShell shows it: a list of the property and where it comes from.
    expect(out[8]).toBe('Length       : 6');
    expect(out[9]).toMatch(/^PSPath {7}: (FileSystem|Jottacloud)::/);
    expect(out.slice(-2)).toEqual(['6', 'props.txt']);
  });

  it("say when a named property does not exist, PowerShell's way", async () => {
    const f = file();
    const result = await run(
      `Set-Content ${f} 'x'\n` +
        `Get-ItemProperty ${f} -Name Nope\n` +
        `Get-ItemProperty ${f} -Name Zz*\n` +
        `Get-ItemPropertyValue ${f} -Name Nope, Length`,
    );
    expect(result.errors).toContain(`Property Nope does not exist at path ${f}.`);
    expect(result.errors.match(/does not exist at path/g)).toHaveLength(2);
    expect(lines(result.output)).toEqual(['2']);
  });
});

describe('Jottacloud file properties', () => {
  it('show MD5, State, Revision, MimeType and the times', async () => {
    const result = await run(
      "Set-Content JAFS:\\Jotta\\Archive\\facts.txt 'first'\n" +
        "Set-Content JAFS:\\Jotta\\Archive\\facts.txt 'second'\n" +
        'Get-ItemPropertyValue JAFS:\\Jotta\\Archive\\facts.txt -Name MD5, State, Revision, MimeType\n' +
        '$p = Get-ItemProperty JAFS:\\Jotta\\Archive\\facts.txt -Name CreationTime, LastWriteTime\n' +
        '$p.CreationTime -is [datetime]; $p.LastWriteTime -is [datetime]',
    );
    expect(result.errors).toBe('');
    const md5 = createHash('md5').update('second\n').digest('hex');
    expect(lines(result.output)).toEqual([md5, 'COMPLETED', '2', 'text/plain', 'True', 'True']);
  });
});

describe('Set-ItemProperty', () => {
  it('sets LastWriteTime of a local file, with -WhatIf and -PassThru', async () => {
    const f = join(local, 'dated.txt');
    const whatIf = await run(
      `Set-Content ${f} 'x'\n` +
        `Set-ItemProperty ${f} -Name LastWriteTime -Value '2024-01-31T12:00:00Z' -WhatIf`,
    );
    expect(whatIf.output).toContain(
      `What if: Performing the operation "Set Property" on target "Item: ${f} Property: LastWriteTime".`,
    );
    expect((await stat(f)).mtime.getUTCFullYear()).not.toBe(2024);

    const set = await run(
      `Set-ItemProperty ${f} -Name lastwritetime -Value '2024-01-31T12:00:00Z' -PassThru | ` +
        'ForEach-Object { $_.LastWriteTime.Year }',
    );
    expect(set.errors).toBe('');
    expect(lines(set.output)).toEqual(['2024']);
    expect((await stat(f)).mtime.toISOString()).toBe('2024-01-31T12:00:00.000Z');
  });

  it('refuses read-only and unknown properties, and Jottacloud items', async () => {
    const f = join(local, 'fixed.txt');
    const result = await run(
      `Set-Content ${f} 'x'\n` +
        `Set-ItemProperty ${f} -Name Length -Value 1\n` +
        `Set-ItemProperty ${f} -Name Colour -Value red\n` +
        `Set-ItemProperty ${f} -Name LastWriteTime -Value 'not a date'\n` +
        "Set-Content JAFS:\\Jotta\\Archive\\fixed.txt 'x'\n" +
        "Set-ItemProperty JAFS:\\Jotta\\Archive\\fixed.txt -Name LastWriteTime -Value '2024-01-31'",
    );
    expect(result.errors).toContain("'Length' is a ReadOnly property.");
    expect(result.errors).toContain(`Property Colour does not exist at path ${f}.`);
    expect(result.errors).toContain(
      `Cannot convert value "not a date" to type "System.DateTime" for property 'LastWriteTime'.`,
    );
    expect(result.errors).toContain(
      'Provider operation stopped because the provider does not support this operation.',
    );
  });
});
