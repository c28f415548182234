import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { psQuote, startStack, type Stack } from './fixture.js';

/**
 * Hostile names through the whole stack: a local temp file, Copy-Item to the local JFS server,
 * Get-ChildItem, Copy-Item back, byte comparison, Rename-Item to another hostile name.
 */
let stack: Stack;
let counter = 0;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

/** Every ASCII punctuation character except the two path separators, which are tested apart. */
const PUNCTUATION = [...'!"#$%&\'()*+,-.:;<=>?@[]^_`{|}~'];

const OTHER_NAMES = [
  ' leading space',
  'trailing space ',
  '  both  ',
  'looks%20encoded%2Bplus',
  '%2F not a slash',
  'Привет мир.txt',
  'søknad ø æ å.txt',
  'emoji 😀🚀 name',
];

/** A fresh remote folder and local folders for one case. */
async function prepare() {
  counter += 1;
  const remote = `JAFS:\\Jotta\\Archive\\names${counter}`;
  const out = join(stack.local, `out${counter}`);
  const back = join(stack.local, `back${counter}`);
  await mkdir(out);
  await mkdir(back);
  const made = await stack.run(`New-Item -ItemType Directory -Path ${psQuote(remote)} | Out-Null`);
  expect(made.errors).toBe('');
  return { remote, out, back };
}

async function remoteNames(remote: string): Promise<string[]> {
  const listed = await stack.run(
    `Get-ChildItem -LiteralPath ${psQuote(remote)} | ForEach-Object { $_.Name }`,
  );
  expect(listed.errors).toBe('');
  return listed.output.split('\n').filter((line) => line !== '');
}

/** The round trip every accepted name must survive. */
async function roundTrip(name: string, renameTo: string) {
  const { remote, out, back } = await prepare();
  const content = Buffer.from(`content of ${JSON.stringify(name)}\n`);
  await writeFile(join(out, name), content);

  const up = await stack.run(
    `Copy-Item -LiteralPath ${psQuote(join(out, name))} -Destination ${psQuote(`${remote}\\${name}`)}`,
  );
  expect(up.errors).toBe('');
  expect(await remoteNames(remote)).toEqual([name]);

  const down = await stack.run(
    `Copy-Item -LiteralPath ${psQuote(`${remote}\\${name}`)} -Destination ${psQuote(join(back, name))}`,
  );
  expect(down.errors).toBe('');
  expect(await readFile(join(back, name))).toEqual(content);

  const renamed = await stack.run(
    `Rename-Item -LiteralPath ${psQuote(`${remote}\\${name}`)} -NewName ${psQuote(renameTo)}`,
  );
  expect(renamed.errors).toBe('');
  expect(await remoteNames(remote)).toEqual([renameTo]);
}

describe('hostile names round-trip local → JAFS: → local and rename', () => {
  it.each(PUNCTUATION)('punctuation %s', async (ch) => {
    const next = PUNCTUATION[(PUNCTUATION.indexOf(ch) + 7) % PUNCTUATION.length];
    await roundTrip(`a${ch}b${ch}`, `${next}renamed${next}`);
  });

  it.each(OTHER_NAMES)('name %j', async (name) => {
    await roundTrip(name, `${name.slice(0, 200)} ø😀`);
  });

  // A download fills a partial file before it takes the target's name; that name must stay under
  // the local 255-byte limit even when the target's own name is at it (it once failed here with
  // ENAMETOOLONG).
  it('a 255-character name (the limit) round-trips', async () => {
    await roundTrip('a'.repeat(255), 'z'.repeat(255));
  });

  it('a 255-character name uploads, lists and renames (upload half of the round trip)', async () => {
    const { remote, out } = await prepare();
    const name = 'c'.repeat(255);
    await writeFile(join(out, name), 'long');
    const up = await stack.run(
      `Copy-Item -LiteralPath ${psQuote(join(out, name))} -Destination ${psQuote(`${remote}\\${name}`)}`,
    );
    expect(up.errors).toBe('');
    expect(await remoteNames(remote)).toEqual([name]);
    const content = await stack.run(`Get-Content -LiteralPath ${psQuote(`${remote}\\${name}`)}`);
    expect(content.output.trim()).toBe('long');
  });

  it('a 256-character name is refused with a message naming the limit, nothing is stored', async () => {
    const { remote, out } = await prepare();
    // The local side is Linux (255-byte names), so the long name is only the destination.
    await writeFile(join(out, 'short'), 'x');
    const long = 'b'.repeat(256);
    const up = await stack.run(
      `Copy-Item -LiteralPath ${psQuote(join(out, 'short'))} -Destination ${psQuote(`${remote}\\${long}`)}`,
    );
    expect(up.errors).toMatch(/255/);
    expect(up.errors).not.toMatch(/^\s+at /m);
    expect(await remoteNames(remote)).toEqual([]);
  });

  it('a backslash in a local name is refused clearly: it is a path separator in the shell', async () => {
    const { remote, out } = await prepare();
    await writeFile(join(out, 'back\\slash'), 'x');
    const up = await stack.run(
      `Copy-Item -LiteralPath ${psQuote(join(out, 'back\\slash'))} -Destination ${psQuote(remote)}`,
    );
    // The shell reads `\` as a separator on every drive, so the name is read as folder `back`.
    expect(up.errors).toMatch(/Cannot find path '.*out\d+\/back\/slash' because it does not exist/);
    expect(await remoteNames(remote)).toEqual([]);

    await writeFile(join(out, 'plain'), 'x');
    await stack.run(
      `Copy-Item -LiteralPath ${psQuote(join(out, 'plain'))} -Destination ${psQuote(remote)}`,
    );
    const renamed = await stack.run(
      `Rename-Item -LiteralPath ${psQuote(`${remote}\\plain`)} -NewName 'a\\b'`,
    );
    expect(renamed.errors).toMatch(/Rename-Item: Cannot rename .* because it represents a path/);
    expect(await remoteNames(remote)).toEqual(['plain']);
  });

  // `New-Item -Path JAFS:\…\namesN -Name 'x\y' -ItemType File` once stored one file literally
  // named `x\y`, a name the shell cannot address. As in PowerShell, -Name is joined to -Path.
  it('New-Item -Name with a backslash never stores a name containing a backslash', async () => {
    const { remote } = await prepare();
    const made = await stack.run(
      `New-Item -Path ${psQuote(remote)} -Name 'x\\y' -ItemType File | Out-Null`,
    );
    expect(made.errors).toMatch(/New-Item: /);
    const stored = JSON.stringify(
      await stack.client.listTree(remote.replace('JAFS:', '').replace(/\\/g, '/')),
    );
    expect(stored).not.toContain('x\\\\y');
  });

  it('names differing only in case: the second copy overwrites the first (case-preserving)', async () => {
    const { remote, out } = await prepare();
    await writeFile(join(out, 'Report.txt'), 'first');
    await writeFile(join(out, 'REPORT.TXT'), 'second');
    const script = ['Report.txt', 'REPORT.TXT']
      .map(
        (n) =>
          `Copy-Item -LiteralPath ${psQuote(join(out, n))} -Destination ${psQuote(`${remote}\\${n}`)}`,
      )
      .join('\n');
    const run = await stack.run(script);
    expect(run.errors).toBe('');
    expect(await remoteNames(remote)).toEqual(['Report.txt']);
    const content = await stack.run(`Get-Content -LiteralPath ${psQuote(`${remote}\\report.txt`)}`);
    expect(content.output.trim()).toBe('second');
  });
});
