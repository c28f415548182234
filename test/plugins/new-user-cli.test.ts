import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJafs } from '../e2e/helpers.js';
import { BROKEN_MODULES } from './broken-modules.js';
import { tempFolder } from './fixtures.js';
import { guideExample } from './guide-example.js';

const SETTINGS = { server: { url: 'https://example.invalid/api', tags: ['a', 'b'] }, name: 'demo' };

// What a new user does after reading docs/writing-a-provider.md, in the real CLI (a child
// process on its embedded local JFS server): the guide's module, copied as it is, then two
// broken modules, then the environment shared by $env: and Env:.
const SCRIPT = String.raw`
Import-Module ./json-provider.js
New-PSDrive Cfg Json ./settings.json | Out-Null
Get-ChildItem Cfg:\ -Recurse | ForEach-Object Name | Sort-Object
Get-Content Cfg:\server\url
Copy-Item Cfg:\server JAFS:\Jotta\Archive\server -Recurse
Get-Content JAFS:\Jotta\Archive\server\tags\1
Import-Module ./broken-load.js
Import-Module ./broken-call.js
Get-ChildItem Broken:\inner
Get-Content Broken:\trap.txt
'still alive'
Get-ChildItem Broken:\ | ForEach-Object Name
$env:JAFS_FROM_PARENT
Set-Item Env:\JAFS_SET set
$env:JAFS_SET
$env:JAFS_TYPED = 'typed'
Get-Content Env:\JAFS_TYPED
Remove-Module json-provider
Get-Module | ForEach-Object Name
`;

describe('a new user follows the provider guide in the jafs CLI', () => {
  let work: { dir: string; cleanup(): Promise<void> };
  let home: { dir: string; cleanup(): Promise<void> };

  beforeAll(async () => {
    work = await tempFolder('jafs-new-user-');
    home = await tempFolder('jafs-new-user-home-');
    await writeFile(path.join(work.dir, 'json-provider.js'), await guideExample());
    await writeFile(path.join(work.dir, 'settings.json'), JSON.stringify(SETTINGS));
    for (const [name, text] of Object.entries(BROKEN_MODULES)) {
      await writeFile(path.join(work.dir, name), text);
    }
  });

  afterAll(async () => {
    await work?.cleanup();
    await home?.cleanup();
  });

  it('imports, navigates and copies the guide provider; broken modules leave the shell alive', async () => {
    const { stdout, stderr } = await runJafs(['-c', SCRIPT], {
      home: home.dir,
      cwd: work.dir,
      env: { JAFS_FROM_PARENT: 'from the parent' },
    });

    expect(stdout.split('\n')).toEqual([
      ...['0', '1', 'name', 'server', 'tags', 'url'],
      SETTINGS.server.url,
      'b',
      'still alive',
      'inner',
      'trap.txt',
      'from the parent',
      'set',
      'typed',
      'broken-call',
      '',
    ]);

    const errors = stderr.split('\n').filter((line) => /\S/.test(line));
    expect(stderr).toContain("The module './broken-load.js' was not loaded");
    expect(stderr).toContain('broken on purpose while loading');
    expect(stderr).toMatch(/GetChildItems.*'Broken' provider.*broken on purpose while listing/s);
    expect(stderr).toMatch(/GetContent.*'Broken' provider.*broken on purpose while reading/s);
    expect(errors.join('\n')).not.toMatch(/at .*\.js:\d+|Unhandled|internal error/i);
  });
});
