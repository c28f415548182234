import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJafs, tempHome } from './helpers.js';

let home: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ home, cleanup } = await tempHome());
});

afterAll(() => cleanup());

async function filesBelow(root: string): Promise<Map<string, { md5: string; mtime: number }>> {
  const found = new Map<string, { md5: string; mtime: number }>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const md5 = createHash('md5')
      .update(await readFile(full))
      .digest('hex');
    found.set(relative(root, full), { md5, mtime: Math.floor((await stat(full)).mtimeMs / 1000) });
  }
  return found;
}

describe('files go both ways between the local disk and JAFS:', () => {
  it('uploads a folder tree and downloads it with the same bytes and times', async () => {
    const source = join(home, 'work', 'src');
    await mkdir(join(source, 'deep', 'deeper'), { recursive: true });
    await writeFile(join(source, 'a.txt'), 'hello world\n');
    await writeFile(join(source, 'empty.bin'), '');
    await writeFile(join(source, 'deep', 'name with spaces + plus.txt'), 'x'.repeat(70_000));
    await writeFile(join(source, 'deep', 'deeper', 'blåbær.md'), '# ok\n');
    const past = new Date('2021-03-04T05:06:07Z');
    await utimes(join(source, 'a.txt'), past, past);

    const result = await runJafs(
      [
        '-c',
        'Copy-Item ./src JAFS:\\Jotta\\Archive\\src -Recurse; ' +
          'Copy-Item JAFS:\\Jotta\\Archive\\src ./back -Recurse',
      ],
      { home, cwd: join(home, 'work') },
    );

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const original = await filesBelow(source);
    const back = await filesBelow(join(home, 'work', 'back'));
    expect(original.size).toBe(4);
    expect(back).toEqual(original);
  });

  it('keeps what one run wrote for the next run', async () => {
    const first = await runJafs(
      ['-c', 'Set-Content JAFS:\\Jotta\\Archive\\note.txt "written by run one"'],
      { home },
    );
    expect(first.stderr).toBe('');

    const second = await runJafs(
      [
        '-c',
        'Get-Content JAFS:\\Jotta\\Archive\\note.txt; (Get-ChildItem JAFS:\\Jotta\\Archive).Name',
      ],
      { home },
    );

    expect(second.stderr).toBe('');
    expect(second.stdout.split('\n')).toContain('written by run one');
    expect(second.stdout).toMatch(/^note\.txt$/m);
    expect(second.stdout).toMatch(/^src$/m);
  });

  it('shows a new account like a real one: Jotta with Archive and Sync, special mount points hidden', async () => {
    const result = await runJafs(
      [
        '-c',
        '(Get-ChildItem JAFS:\\).Name; "--"; (Get-ChildItem JAFS:\\Jotta).Name; "--"; (Get-ChildItem JAFS:\\Jotta -Force).Name',
      ],
      { home },
    );

    expect(result.stderr).toBe('');
    const [devices, visible, all] = result.stdout
      .split('--\n')
      .map((part) => part.trim().split('\n'));
    expect(devices).toContain('Jotta');
    expect(visible).toEqual(expect.arrayContaining(['Archive', 'Sync']));
    for (const hidden of ['Trash', 'Links', 'Latest']) expect(visible).not.toContain(hidden);
    expect(all).toEqual(expect.arrayContaining(['Archive', 'Sync', 'Trash']));
  });
});

describe('a real folder tree', () => {
  it("uploads this repository's src folder, transfers running side by side, with no warning", async () => {
    const repositorySource = resolve(import.meta.dirname, '../../src');
    const result = await runJafs(
      [
        '-c',
        `Copy-Item '${repositorySource}' JAFS:\\Jotta\\Archive\\repo-src -Recurse; ` +
          '(Get-ChildItem JAFS:\\Jotta\\Archive\\repo-src -Recurse -File).Count',
      ],
      { home },
    );

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const local = (
      await readdir(repositorySource, { recursive: true, withFileTypes: true })
    ).filter((entry) => entry.isFile());
    expect(Number(result.stdout.trim())).toBe(local.length);
  });
});
