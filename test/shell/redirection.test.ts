import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fsShell } from './helpers/fs-shell.js';

type FsShell = Awaited<ReturnType<typeof fsShell>>;
let session: FsShell | undefined;

afterEach(async () => {
  await session?.dispose();
  session = undefined;
});

async function start(files: Record<string, string> = {}): Promise<FsShell> {
  session = await fsShell(files);
  return session;
}

const read = (root: string, name: string) => readFile(join(root, name), 'utf8');

describe('output redirection to files', () => {
  it('> writes UTF-8 without a BOM and replaces; >> appends', async () => {
    const { root, run } = await start();

    const first = await run('"café" > a.txt; "x", 1 >> a.txt');
    expect(first.out).toBe('');
    expect(first.err).toBe('');
    const bytes = await readFile(join(root, 'a.txt'));
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe('café\nx\n1\n');

    await run('"only" > a.txt');
    expect(await read(root, 'a.txt')).toBe('only\n');
  });

  it('writes a command’s output as the host shows it (the children table)', async () => {
    const { root, run } = await start({ 'one.txt': 'abc', 'sub/': '' });

    const shown = await run('Get-ChildItem one.txt, sub');
    await run('Get-ChildItem one.txt, sub > list.txt');
    const written = await read(root, 'list.txt');
    expect(written).toBe(shown.out);
    expect(written).toContain('one.txt');
    expect(written).toMatch(/Mode +LastWriteTime +Length +Name/);
  });

  it('formats objects as tables, like Out-String', async () => {
    const { root, run } = await start();

    const shown = await run("[pscustomobject]@{ Name = 'n1'; Size = 42 }");
    await run("[pscustomobject]@{ Name = 'n1'; Size = 42 } > t.txt");
    expect(await read(root, 't.txt')).toBe(shown.out);
    expect(shown.out).toMatch(/Name +Size/);
  });

  it('2> writes the error text and keeps output on the host', async () => {
    const { root, run } = await start({ 'here.txt': 'hi' });

    const result = await run('Get-Content here.txt, nope.txt 2> err.txt');
    expect(result.out).toBe('hi\n');
    expect(result.err).toBe('');
    const errors = await read(root, 'err.txt');
    expect(errors).toContain("Cannot find path '");
    expect(errors).toContain('nope.txt');
    expect(errors).toContain('Get-Content');
  });

  it('*> and 2>&1 put output and errors in one file, in order', async () => {
    const { root, run } = await start({ 'here.txt': 'hi' });

    const star = await run('Get-Content nope.txt, here.txt *> all.txt');
    expect(star.out + star.err).toBe('');
    const all = await read(root, 'all.txt');
    expect(all.indexOf('nope.txt')).toBeGreaterThanOrEqual(0);
    expect(all.indexOf('nope.txt')).toBeLessThan(all.indexOf('hi\n'));

    const merged = await run('Get-Content nope.txt, here.txt 2>&1 > merged.txt');
    expect(merged.out + merged.err).toBe('');
    // 2>&1 hands a command's errors on after each record it processes, so the order may differ.
    const mergedText = await read(root, 'merged.txt');
    expect(mergedText.length).toBe(all.length);
    expect(mergedText).toContain('hi\n');
    expect(mergedText).toContain("Get-Content: Cannot find path '");
  });

  it('> $null discards; a missing folder is an error that writes nothing', async () => {
    const { root, run } = await start();

    const quiet = await run('"gone" > $null; Write-Output kept > $null');
    expect(quiet.out).toBe('');

    const missing = await run('"x" > no/such/file.txt');
    expect(missing.err).toContain('Could not find a part of the path');
    await expect(read(root, 'no/such/file.txt')).rejects.toThrow();
  });

  it('refuses streams 3–6 to a file with a clear error and creates no file', async () => {
    const { root, run } = await start();

    for (const script of ['Write-Warning careful 3> w.txt', '"x" 3> w.txt']) {
      const result = await run(script);
      expect(result.err).toContain('Redirecting stream 3 to a file is not supported yet');
    }
    await expect(read(root, 'w.txt')).rejects.toThrow();
  });

  it('relative paths follow the current location; the target is taken literally', async () => {
    const { root, run } = await start({ 'sub/': '' });

    await run('Set-Location sub; "in sub" > "b[1].txt"; Set-Location ..');
    expect(await read(root, 'sub/b[1].txt')).toBe('in sub\n');
  });
});

describe('Out-File', () => {
  it('writes the same bytes as > and appends with -Append', async () => {
    const { root, run } = await start({ 'f.txt': 'data' });

    await run('Get-ChildItem f.txt > r.txt; Get-ChildItem f.txt | Out-File o.txt');
    expect(await read(root, 'o.txt')).toBe(await read(root, 'r.txt'));

    await run("'a' | Out-File -FilePath log.txt; 'b', 'c' | Out-File log.txt -Append");
    expect(await read(root, 'log.txt')).toBe('a\nb\nc\n');
  });

  it('honours -Encoding, -NoNewline, -NoClobber, -WhatIf and -LiteralPath', async () => {
    const { root, run } = await start();

    await run("'hé' | Out-File u.txt -Encoding unicode");
    const utf16 = await readFile(join(root, 'u.txt'));
    expect([...utf16.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(utf16.subarray(2).toString('utf16le')).toBe('hé\n');

    await run("'a', 'b' | Out-File n.txt -NoNewline");
    expect(await read(root, 'n.txt')).toBe('ab');

    await writeFile(join(root, 'keep.txt'), 'original');
    const clobber = await run("'new' | Out-File keep.txt -NoClobber");
    expect(clobber.err).toContain('already exists');
    expect(await read(root, 'keep.txt')).toBe('original');

    const whatIf = await run("'x' | Out-File w.txt -WhatIf");
    expect(whatIf.out).toContain('What if: Performing the operation "Output to File"');
    await expect(read(root, 'w.txt')).rejects.toThrow();

    await run("'lit' | Out-File -LiteralPath 'c[x].txt'");
    expect(await read(root, 'c[x].txt')).toBe('lit\n');
  });

  it('has help that names its parameters and the redirection it shares code with', async () => {
    const { run } = await start();

    const help = await run('Get-Help Out-File -Full');
    for (const word of ['-FilePath', '-Append', '-Encoding', '-NoClobber', '-LiteralPath']) {
      expect(help.out).toContain(word);
    }
    expect(help.out).toContain('cmd >> file');
  });

  it('-Width narrows what is written', async () => {
    const { root, run } = await start();

    const long = 'x'.repeat(60);
    await run(`[pscustomobject]@{ A = '${long}'; B = 'end' } | Out-File w.txt -Width 30`);
    for (const line of (await read(root, 'w.txt')).split('\n')) {
      expect(line.length).toBeLessThanOrEqual(30);
    }
  });
});
