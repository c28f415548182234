import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Jottacloud } from '../../src/jfs/index.js';
import {
  PASSWORD,
  USERNAME,
  startJottacloud,
  type JottacloudFixture,
} from './jottacloud-fixture.js';
import { lines, runScript } from './jottacloud-features-shell.js';

let jafs: JottacloudFixture;

beforeAll(async () => {
  jafs = await startJottacloud();
});

afterAll(async () => {
  await jafs?.close();
});

const run = (script: string) => runScript(jafs, script);

describe('Get-ItemRevision and Restore-ItemRevision', () => {
  const file = 'JAFS:\\Jotta\\Archive\\versions.txt';

  beforeAll(async () => {
    const made = await run(
      `Set-Content ${file} -Value 'version one'\n` +
        `Set-Content ${file} -Value 'version two, longer'\n` +
        `Set-Content ${file} -Value 'version three'`,
    );
    expect(made.errors).toBe('');
  });

  it('lists three revisions, newest first, the newest marked current', async () => {
    const listed = await run(`Get-ItemRevision ${file}`);
    expect(listed.errors).toBe('');
    expect(listed.output).toMatch(/Current\s+Number\s+State\s+Size\s+Modified\s+Updated\s+MD5/);

    const rows = lines(listed.output).filter((line) => /COMPLETED/.test(line));
    expect(rows.map((row) => row.match(/(\d+)\s+COMPLETED/)?.[1])).toEqual(['3', '2', '1']);
    expect(rows[0].startsWith('*')).toBe(true);
    expect(rows.slice(1).every((row) => !row.startsWith('*'))).toBe(true);
    const v2 = Buffer.byteLength('version two, longer\n');
    expect(rows[1]).toMatch(new RegExp(`COMPLETED\\s+${v2}\\s`));
  });

  it('-WhatIf restores nothing; -Revision 1 makes the first content current again', async () => {
    const whatIf = await run(
      `Restore-ItemRevision ${file} -Revision 1 -WhatIf\nGet-Content ${file}`,
    );
    expect(whatIf.output).toContain(
      `What if: Performing the operation "Restore revision 1" on target "${file}".`,
    );
    expect(lines(whatIf.output).at(-1)).toBe('version three');

    const restored = await run(
      `Restore-ItemRevision ${file} -Revision 1\nGet-Content ${file}\n` +
        `(Get-ItemRevision ${file} | Where-Object Current).Number\n` +
        `(Get-ItemRevision ${file} | Measure-Object).Count`,
    );
    expect(restored.errors).toBe('');
    expect(lines(restored.output)).toEqual(['version one', '4', '4']);
  });

  it('Get-Content -Revision reads an older revision and refuses one that is not there', async () => {
    const read = await run(`Get-Content ${file} -Revision 2\nGet-Content ${file} -Revision 12`);
    expect(lines(read.output)).toEqual(['version two, longer']);
    expect(read.errors).toContain(
      `Cannot read revision 12 of '${file}': there is no such revision. Get-ItemRevision lists them.`,
    );
  });

  it('names the revisions there are when asked for one that is not', async () => {
    const missing = await run(`Restore-ItemRevision ${file} -Revision 9`);
    expect(missing.errors).toContain(`'${file}' has no revision 9; its revisions are 4, 3, 2, 1.`);
    const folder = await run('Get-ItemRevision JAFS:\\Jotta\\Archive');
    expect(folder.errors).toContain('is not a file; only files have revisions.');
  });
});

describe('Enable-ItemShare, Get-ItemShare and Disable-ItemShare', () => {
  it('shares a file with a link that downloads it, lists it, and unshares it', async () => {
    const file = 'JAFS:\\Jotta\\Archive\\shared.txt';
    const enabled = await run(
      `Set-Content ${file} -Value 'for everyone'\nEnable-ItemShare ${file}`,
    );
    expect(enabled.errors).toBe('');
    const link = enabled.output.match(
      /http:\/\/\S+\/opin\/io\/downloadPublic\/demo\/[0-9a-f]{32}/,
    )?.[0];
    expect(link, enabled.output).toBeDefined();
    expect(link!.startsWith(jafs.url)).toBe(true);
    expect(await (await fetch(link!)).text()).toBe('for everyone\n');

    const listed = await run('Get-ItemShare');
    expect(listed.errors).toBe('');
    expect(listed.output).toMatch(/Shared\s+Path\s+PublicLink/);
    expect(listed.output).toContain(link);
    expect(listed.output).toContain(file);

    const whatIf = await run(`Disable-ItemShare ${file} -WhatIf`);
    expect(whatIf.output).toContain('"Disable public link"');
    expect((await fetch(link!)).status).toBe(200);

    const disabled = await run(`Disable-ItemShare ${file}\n(Get-ItemShare | Measure-Object).Count`);
    expect(disabled.errors).toBe('');
    expect(disabled.output).toMatch(/False\s+JAFS:\\Jotta\\Archive\\shared\.txt/);
    expect(lines(disabled.output).at(-1)).toBe('0');
    expect((await fetch(link!)).status).toBe(404);
  });

  // Folder links: test/provider/jottacloud-sharing-folders.test.ts.

  it('refuses paths outside Jottacloud with a clear message', async () => {
    const local = await run('Enable-ItemShare /tmp');
    expect(local.errors).toContain(
      "Enable-ItemShare works on Jottacloud drives (JAFS:); '/tmp' is not on one.",
    );
  });
});

describe('Latest', () => {
  it('lists the newest files through Get-JottacloudLatest and the Latest folder', async () => {
    const made = await run(
      "Set-Content JAFS:\\Jotta\\Archive\\older.txt -Value 'a'\n" +
        'New-Item JAFS:\\Jotta\\Archive\\deep\\er -ItemType folder -Force | Out-Null\n' +
        "Set-Content JAFS:\\Jotta\\Archive\\deep\\er\\newest.txt -Value 'b'",
    );
    expect(made.errors).toBe('');

    const latest = await run('Get-JottacloudLatest -Max 1 | ForEach-Object { $_.PSPath }');
    expect(latest.errors).toBe('');
    expect(lines(latest.output)).toEqual([
      'Jottacloud::JAFS:\\Jotta\\Archive\\deep\\er\\newest.txt',
    ]);

    const piped = await run('Get-JottacloudLatest -Max 1 | Get-Content');
    expect(lines(piped.output)).toEqual(['b']);

    const folder = await run(
      'Get-ChildItem JAFS:\\Jotta\\Latest -Force | Select-Object -First 1 -ExpandProperty OriginalPath',
    );
    expect(folder.errors).toBe('');
    expect(lines(folder.output)).toEqual(['JAFS:\\Jotta\\Archive\\deep\\er\\newest.txt']);
    // Hidden from the device listing, but reachable by name without -Force (as a hidden folder).
    const byName = await run('Get-ChildItem JAFS:\\Jotta\\Latest');
    expect(byName.errors).toBe('');
    expect(byName.output).toContain('newest.txt');
    const listed = await run('(Get-ChildItem JAFS:\\Jotta).Name');
    expect(lines(listed.output)).not.toContain('Latest');

    const through = await run(
      'Get-Content JAFS:\\Jotta\\Latest\\newest.txt -Force\n' +
        "Set-Content JAFS:\\Jotta\\Latest\\new.txt -Value 'x' -Force\n" +
        'Remove-Item JAFS:\\Jotta\\Latest\\newest.txt -Force\n' +
        'Test-Path JAFS:\\Jotta\\Archive\\deep\\er\\newest.txt',
    );
    expect(lines(through.output)).toEqual(['b', 'True']);
    const readOnly =
      'Links and Latest are read-only views of files that live elsewhere; use the item’s OriginalPath instead.';
    expect(through.errors).toContain(`Cannot write 'JAFS:\\Jotta\\Latest\\new.txt': ${readOnly}`);
    expect(through.errors).toContain(
      `Cannot remove 'JAFS:\\Jotta\\Latest\\newest.txt': ${readOnly}`,
    );
  });
});

describe('an incomplete file', () => {
  it('is listed marked, and Copy-Item says why it is not copied', async () => {
    const bytes = randomBytes(200_000);
    const client = new Jottacloud({
      baseUrl: jafs.url,
      auth: { type: 'basic', username: USERNAME, password: PASSWORD },
      retries: 0,
    });
    const fault = jafs.server.faults.add({
      path: /upload|allocate/,
      resetAfterRequestBytes: 50_000,
      times: 10,
    });
    try {
      const upload = client.upload('/Jotta/Archive/half/half.bin', {
        size: bytes.length,
        md5: createHash('md5').update(bytes).digest('hex'),
        open: async (offset) => Readable.from([bytes.subarray(offset)]),
      });
      await expect(upload).rejects.toThrow();
    } finally {
      fault.remove();
      await client.close();
    }

    const dir = await mkdtemp(join(tmpdir(), 'jafs-features-'));
    try {
      const copied = await run(
        'Get-ChildItem JAFS:\\Jotta\\Archive\\half\n' +
          `Copy-Item JAFS:\\Jotta\\Archive\\half\\half.bin '${join(dir, 'half.bin')}'`,
      );
      expect(copied.output).toMatch(/-a-i-\s.*half\.bin/);
      expect(copied.errors).toContain(
        "Cannot read 'JAFS:\\Jotta\\Archive\\half\\half.bin': its upload is incomplete and no complete revision exists. Upload it again.",
      );
      await expect(readFile(join(dir, 'half.bin'))).rejects.toThrow();

      const revisions = await run(
        'Get-ItemRevision JAFS:\\Jotta\\Archive\\half\\half.bin\n' +
          'Restore-ItemRevision JAFS:\\Jotta\\Archive\\half\\half.bin -Revision 1',
      );
      expect(revisions.output).toMatch(/1\s+INCOMPLETE/);
      expect(revisions.errors).toContain(
        "Cannot restore revision 1 of 'JAFS:\\Jotta\\Archive\\half\\half.bin': it is incomplete, so its bytes are not whole.",
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
