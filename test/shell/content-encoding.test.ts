import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJottacloud, type JottacloudFixture } from '../provider/jottacloud-fixture.js';
import { lines, runScript } from '../provider/jottacloud-features-shell.js';

let jafs: JottacloudFixture;
let local: string;

beforeAll(async () => {
  jafs = await startJottacloud();
  local = await mkdtemp(join(tmpdir(), 'jafs-encoding-'));
});

afterAll(async () => {
  await jafs?.close();
  if (local) await rm(local, { recursive: true, force: true });
});

const run = (script: string) => runScript(jafs, script);

/** The same cases run in a temp folder and in a JAFS: folder. */
const places = [
  { drive: 'FileSystem', folder: () => local, separator: '/' },
  { drive: 'Jottacloud', folder: () => 'JAFS:\\Jotta\\Archive', separator: '\\' },
];

describe.each(places)('Content cmdlets on $drive', ({ drive, folder, separator }) => {
  const at = (name: string) => `${folder()}${separator}${drive}-${name}`;

  it('writes each encoding with its byte order mark and reads it back by the mark', async () => {
    const cases: [string, string][] = [
      ['unicode', '255 254 104 0'],
      ['bigendianunicode', '254 255 0 104'],
      ['utf8BOM', '239 187 191 104'],
      ['utf8', '104 195 169 108'],
      ['utf32', '255 254 0 0'],
      ['bigendianutf32', '0 0 254 255'],
    ];
    for (const [encoding, head] of cases) {
      const file = at(`bom-${encoding}.txt`);
      const result = await run(
        `Set-Content ${file} 'héllo','wörld' -Encoding ${encoding}\n` +
          `(Get-Content ${file} -AsByteStream -TotalCount 4) -join ' '\n` +
          `Get-Content ${file}`,
      );
      expect(result.errors, encoding).toBe('');
      expect(lines(result.output), encoding).toEqual([head, 'héllo', 'wörld']);
    }
  });

  it('reads text without a mark in the encoding given: latin1, ascii, utf8', async () => {
    const file = at('latin1.txt');
    const result = await run(
      `Set-Content ${file} 'café' -Encoding latin1\n` +
        `(Get-Content ${file} -AsByteStream) -join ' '\n` +
        `Get-Content ${file} -Encoding latin1\n` +
        `Get-Content ${file} -Encoding ascii\n` +
        `(Get-Content ${file}) -eq "caf$([char]0xFFFD)"\n` +
        `Set-Content ${file} 'café' -Encoding ascii\n` +
        `Get-Content ${file}`,
    );
    expect(result.errors).toBe('');
    expect(lines(result.output)).toEqual(['99 97 102 233 10', 'café', 'caf?', 'True', 'caf?']);
  });

  it('appends without a second byte order mark, and -NoNewline joins values', async () => {
    const file = at('append.txt');
    const result = await run(
      `Set-Content ${file} 'one' -Encoding unicode\n` +
        `Add-Content ${file} 'two' -Encoding unicode\n` +
        `(Get-Content ${file} -AsByteStream | Where-Object { $_ -eq 254 }).Count\n` +
        `Get-Content ${file}\n` +
        `Set-Content ${file} 'a','b' -NoNewline\n` +
        `Add-Content ${file} 'c' -NoNewline\n` +
        `Get-Content ${file} -Raw`,
    );
    expect(result.errors).toBe('');
    expect(lines(result.output)).toEqual(['1', 'one', 'two', 'abc']);
  });

  it('appends in the encoding of the file when -Encoding is not given', async () => {
    const file = at('own-encoding.txt');
    const result = await run(
      `Set-Content ${file} 'één' -Encoding bigendianunicode\n` +
        `Add-Content ${file} 'twee'\n` +
        `(Get-Content ${file} -AsByteStream -TotalCount 2) -join ' '\n` +
        `Get-Content ${file}`,
    );
    expect(result.errors).toBe('');
    expect(lines(result.output)).toEqual(['254 255', 'één', 'twee']);
  });

  it('splits records at -Delimiter and batches them with -ReadCount', async () => {
    const file = at('records.txt');
    const result = await run(
      `Set-Content ${file} 'a;b;;c;' -NoNewline\n` +
        `Get-Content ${file} -Delimiter ';' | ForEach-Object { "[$_]" }\n` +
        `Get-Content ${file} -Delimiter ';' -ReadCount 3 | ForEach-Object { $_.Count }\n` +
        `(Get-Content ${file} -Delimiter ';' -ReadCount 0).Count\n` +
        `Set-Content ${file} "x\`ry\`r\`nz" -NoNewline\n` +
        `Get-Content ${file} | ForEach-Object { "[$_]" }`,
    );
    expect(result.errors).toBe('');
    expect(lines(result.output)).toEqual([
      '[a]',
      '[b]',
      '[]',
      '[c]',
      '3',
      '1',
      '4',
      '[x]',
      '[y]',
      '[z]',
    ]);
  });

  it('writes and reads bytes with -AsByteStream', async () => {
    const file = at('bytes.bin');
    const result = await run(
      `Set-Content ${file} -Value 0,1,255 -AsByteStream\n` +
        `Add-Content ${file} -Value 7 -AsByteStream\n` +
        `Get-Content ${file} -AsByteStream\n` +
        `(Get-Content ${file} -AsByteStream -Raw).Count\n` +
        `Get-Content ${file} -AsByteStream -Tail 1\n` +
        `Set-Content ${file} -Value 'abc' -AsByteStream`,
    );
    expect(lines(result.output)).toEqual(['0', '1', '255', '7', '4', '7']);
    expect(result.errors).toContain('Cannot convert value "abc" to type "System.Byte".');
  });

  it("answers an unknown encoding with PowerShell's error and changes nothing", async () => {
    const file = at('kept.txt');
    const result = await run(
      `Set-Content ${file} 'kept'\n` +
        `Get-Content ${file} -Encoding Byte\n` +
        `Set-Content ${file} 'lost' -Encoding 1234`,
    );
    expect(result.errors).toContain(
      "Cannot process argument transformation on parameter 'Encoding'. 'Byte' is not a " +
        'supported encoding name. For information on defining a custom encoding, see the ' +
        "documentation for the Encoding.RegisterProvider method. (Parameter 'name')",
    );
    expect(result.errors).toContain('No data is available for encoding 1234.');
    const after = await run(`Get-Content ${file}`);
    expect(lines(after.output)).toEqual(['kept']);
  });
});

describe('Bytes on disk', () => {
  it('are exactly what the encoding says', async () => {
    const file = join(local, 'exact.txt');
    await run(`Set-Content ${file} 'hé' -Encoding bigendianunicode`);
    expect([...(await readFile(file))]).toEqual([0xfe, 0xff, 0, 0x68, 0, 0xe9, 0, 0x0a]);

    await run(`Set-Content ${file} 'hé'`);
    expect((await readFile(file)).toString('hex')).toBe('68c3a90a');
  });
});

describe('Get-Content -Wait', () => {
  it('is refused on JAFS: with a clear error', async () => {
    const result = await run(
      "Set-Content JAFS:\\Jotta\\Archive\\followed.txt 'x'\n" +
        'Get-Content JAFS:\\Jotta\\Archive\\followed.txt -Wait',
    );
    expect(result.errors).toContain(
      "Get-Content -Wait is not supported on Jottacloud drives: 'JAFS:\\Jotta\\Archive\\followed.txt' " +
        'would be polled over the network every second.',
    );
  });
});
