import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { psQuote, snapshotTree, startStack, type Stack } from './fixture.js';

/**
 * -WhatIf changes nothing: every changing cmdlet on both drives, with the local tree, the
 * server's tree (read through the client, past the provider's listing cache) and the drive
 * list snapshotted before and after.
 */
let stack: Stack;
let L: string;
const R = 'JAFS:\\Jotta\\Archive\\w';

beforeAll(async () => {
  stack = await startStack();
  L = join(stack.local, 'w');
  await mkdir(join(L, 'sub'), { recursive: true });
  await writeFile(join(L, 'a.txt'), 'local a');
  await writeFile(join(L, 'only-local.txt'), 'only here');
  await writeFile(join(L, 'sub', 'b.txt'), 'local b');
  const setup = await stack.run(
    [
      `New-Item -ItemType Directory -Path ${psQuote(`${R}\\sub`)} -Force | Out-Null`,
      `Set-Content -LiteralPath ${psQuote(`${R}\\a.txt`)} -Value 'remote a'`,
      `Set-Content -LiteralPath ${psQuote(`${R}\\only-remote.txt`)} -Value 'only there'`,
      `Set-Content -LiteralPath ${psQuote(`${R}\\sub\\b.txt`)} -Value 'remote b'`,
    ].join('\n'),
  );
  expect(setup.errors).toBe('');
});

afterAll(async () => {
  await stack?.close();
});

async function snapshot() {
  const tree = await stack.client.listTree('/Jotta/Archive/w');
  const drives = await stack.run('Get-PSDrive | ForEach-Object { $_.Name }');
  return { local: await snapshotTree(L), remote: JSON.stringify(tree), drives: drives.output };
}

/** The same commands for each drive; `X` is the drive's folder, `Y` the other drive's. */
function commands(X: string, Y: string): string[] {
  const q = (path: string) => psQuote(path);
  return [
    `New-Item -Path ${q(`${X}\\new.txt`)} -ItemType File -Value x`,
    `New-Item -Path ${q(`${X}\\newdir`)} -ItemType Directory`,
    `Remove-Item -LiteralPath ${q(`${X}\\a.txt`)}`,
    `Remove-Item -LiteralPath ${q(`${X}\\sub`)} -Recurse`,
    `Rename-Item -LiteralPath ${q(`${X}\\a.txt`)} -NewName z.txt`,
    `Move-Item -LiteralPath ${q(`${X}\\a.txt`)} -Destination ${q(`${X}\\sub\\a.txt`)}`,
    `Move-Item -LiteralPath ${q(`${X}\\sub`)} -Destination ${q(`${Y}\\moved`)}`,
    `Copy-Item -LiteralPath ${q(`${X}\\a.txt`)} -Destination ${q(`${X}\\copy.txt`)}`,
    `Copy-Item -LiteralPath ${q(`${X}\\sub`)} -Destination ${q(`${Y}\\sub2`)} -Recurse`,
    `Copy-Item -LiteralPath ${q(`${X}\\a.txt`)} -Destination ${q(`${Y}\\a.txt`)} -Force`,
    `Set-Content -LiteralPath ${q(`${X}\\a.txt`)} -Value changed`,
    `Set-Content -LiteralPath ${q(`${X}\\brand-new.txt`)} -Value created`,
    `Add-Content -LiteralPath ${q(`${X}\\a.txt`)} -Value more`,
    `Clear-Content -LiteralPath ${q(`${X}\\a.txt`)}`,
    `Sync-Item -Path ${q(X)} -Destination ${q(Y)} -Delete`,
  ];
}

describe('-WhatIf changes nothing', () => {
  const cases = () => [
    ...commands(L, R).map((c) => ['local', c]),
    ...commands(R, L).map((c) => ['JAFS:', c]),
    ['drive', `New-PSDrive -Name Q -PSProvider FileSystem -Root ${psQuote(L)}`],
    ['drive', 'New-PSDrive -Name Cloud -PSProvider Jottacloud -Root \\Jotta\\Archive'],
    ['drive', 'Remove-PSDrive -Name JAFS'],
  ];

  // The local path is known only after beforeAll, so the table is built inside one test per side.
  for (const side of ['local', 'JAFS:', 'drive']) {
    it(`every changing cmdlet on ${side}`, async () => {
      for (const [where, command] of cases()) {
        if (where !== side) continue;
        const before = await snapshot();
        const run = await stack.run(`${command} -WhatIf`);
        const after = await snapshot();
        expect({ command, errors: run.errors }).toEqual({ command, errors: '' });
        expect({ command, whatIf: /^What if: /m.test(run.output) }).toEqual({
          command,
          whatIf: true,
        });
        expect({ command, ...after }).toEqual({ command, ...before });
      }
    });
  }

  it('the snapshots do see a real change on each side (control)', async () => {
    const before = await snapshot();
    await stack.run(`Add-Content -LiteralPath ${psQuote(`${L}\\a.txt`)} -Value more`);
    const afterLocal = await snapshot();
    expect(afterLocal.local).not.toEqual(before.local);
    expect(afterLocal.remote).toEqual(before.remote);

    await stack.run(`Add-Content -LiteralPath ${psQuote(`${R}\\a.txt`)} -Value more`);
    const afterRemote = await snapshot();
    expect(afterRemote.remote).not.toEqual(afterLocal.remote);

    await stack.run(`New-PSDrive -Name Q -PSProvider FileSystem -Root ${psQuote(L)} | Out-Null`);
    expect((await snapshot()).drives).not.toEqual(before.drives);
  });
});
