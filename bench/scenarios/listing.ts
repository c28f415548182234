import { benchScript, runNodeChild } from '../child.js';
import { runsWithin } from '../budget.js';
import { record, type BenchContext } from '../context.js';
import { seedFiles, treePaths } from '../seed.js';

const ROOT = '/Jotta/Archive/tree';

/**
 * Recursive listing of a seeded tree (`treeFiles` files in `treeFolders` folders): the shell's
 * `Get-ChildItem -Recurse` to nothing, the library's `listTree` (mode=list) and `listStream`
 * (mode=liststream) walks, the floor (one mode=list fetch and a parse) and `rclone lsjson -R`
 * (folder by folder, and with --fast-list). Peak RSS shows whether memory stays bounded.
 */
export async function listing(context: BenchContext): Promise<void> {
  const { sizes } = context;
  await seedFiles(context, treePaths(ROOT, sizes.treeFiles, sizes.treeFolders));

  const credentials = [context.server.url, context.username, context.password];
  const library = (mode: string) =>
    runNodeChild(benchScript('library-list'), [mode, ...credentials, ROOT]);
  // A warm-up walk that also counts the entries for the label.
  const { entries } = await library('stream');
  const scenario = `Recursive listing (${entries} entries)`;
  const remote = `remote:${ROOT.replace('/Jotta/Archive/', '')}`;

  for (const _run of runsWithin(context, sizes.listingRuns)) {
    record(
      context,
      scenario,
      'jafs Get-ChildItem -Recurse',
      await context.jafs(`Get-ChildItem -Path 'JAFS:${ROOT}' -Recurse | Out-Null`),
    );
    record(context, scenario, 'library listTree', await library('tree'));
    record(context, scenario, 'library listStream', await library('stream'));
    record(context, scenario, 'floor', await context.floor('list', ROOT));
    record(
      context,
      scenario,
      'rclone lsjson -R',
      await context.rcloneRun(['lsjson', '-R', remote]),
    );
    record(
      context,
      scenario,
      'rclone lsjson -R --fast-list',
      await context.rcloneRun(['lsjson', '-R', '--fast-list', remote]),
    );
  }
}
