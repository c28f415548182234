import { afterEach, describe, expect, it } from 'vitest';
import { fsShell } from './helpers/fs-shell.js';

type FsShell = Awaited<ReturnType<typeof fsShell>>;
let session: FsShell | undefined;

afterEach(async () => {
  await session?.dispose();
  session = undefined;
});

const FILES = {
  'a.txt': 'first line\ncafé au lait\nlast\n',
  'b.txt': 'nothing here\nCAFÉ noir\n',
  'c.log': 'café in a log\n',
  'src/': '',
  'src/d.txt': 'one\ntwo café\n',
};

async function start(): Promise<FsShell> {
  session = await fsShell(FILES);
  return session;
}

describe('Select-String on files', () => {
  it('searches a positional wildcard path and prints name:line:text', async () => {
    const { run } = await start();

    const result = await run('Select-String café *.txt');
    expect(result.err).toBe('');
    expect(result.out).toBe('a.txt:2:café au lait\nb.txt:2:CAFÉ noir\n');

    const below = await run('Select-String café src\\*.txt');
    expect(below.out).toBe('src/d.txt:2:two café\n');
  });

  it('reads piped items as files, relative to the location when below it', async () => {
    const { root, run } = await start();

    const piped = await run('Get-ChildItem -Recurse -File | Select-String café -CaseSensitive');
    expect(piped.out.split('\n').filter(Boolean).sort()).toEqual([
      'a.txt:2:café au lait',
      'c.log:1:café in a log',
      'src/d.txt:2:two café',
    ]);

    const outside = await run('Set-Location src; Select-String lait ../a.txt');
    expect(outside.out).toBe(`${root}/a.txt:2:café au lait\n`);
  });

  it('gives MatchInfo properties', async () => {
    const { root, run } = await start();

    const result = await run(
      "$m = Select-String -Path src/d.txt -Pattern 'tw.'; " +
        '$m.Path; $m.Filename; $m.LineNumber; $m.Line; $m.Pattern',
    );
    expect(result.out).toBe(`${root}/src/d.txt\nd.txt\n2\ntwo café\ntw.\n`);
  });

  it('-LiteralPath, -SimpleMatch, -NotMatch, -List and -Quiet', async () => {
    const { run } = await start();

    const simple = await run("Select-String -SimpleMatch 'é a' -LiteralPath a.txt");
    expect(simple.out).toBe('a.txt:2:café au lait\n');

    const notMatch = await run('Select-String -NotMatch caf a.txt');
    expect(notMatch.out).toBe('a.txt:1:first line\na.txt:3:last\n');

    const list = await run('Select-String -List l a.txt');
    expect(list.out).toBe('a.txt:1:first line\n');

    const quiet = await run('Select-String -Quiet caf a.txt; Select-String -Quiet zzz a.txt');
    expect(quiet.out).toBe('True\nFalse\n');
  });

  it('reports a missing file and goes on', async () => {
    const { run } = await start();

    const result = await run('Select-String caf nope.txt, a.txt');
    expect(result.err).toContain("Cannot find path '");
    expect(result.out).toBe('a.txt:2:café au lait\n');
  });

  it('still searches piped strings, numbering the records', async () => {
    const { run } = await start();

    const result = await run(
      "'alpha', 'beta', 'gamma' | Select-String a$ | ForEach-Object { \"$($_.LineNumber)=$_\" }",
    );
    expect(result.out).toBe('1=alpha\n2=beta\n3=gamma\n');
  });
});
