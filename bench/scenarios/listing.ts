import { benchScript, runNodeChild } from '../child.js';
import { record, type BenchContext } from '../context.js';

/**
 * Recursive listing of the whole mount point as the earlier scenarios left it (every small-file
 * run's copy by jafs and by rclone, the completion folder, the large files): the shell's
 * `Get-ChildItem -Recurse` to nothing, the library's `listTree` (mode=list) and `listStream`
 * (mode=liststream) walks, the floor (one mode=list fetch and a parse) and `rclone lsjson -R`
 * (folder by folder, and with --fast-list).
 */
export async function listing(context: BenchContext): Promise<void> {
  const folder = '/Jotta/Archive';
  const credentials = [context.server.url, context.username, context.password];
  const library = (mode: string) =>
    runNodeChild(benchScript('library-list'), [mode, ...credentials, folder]);

  // A warm-up walk that also counts the entries for the label.
  const { entries } = await library('stream');
  const scenario = `Recursive listing (${entries} entries)`;

  for (let run = 1; run <= context.sizes.runs; run++) {
    record(
      context,
      scenario,
      'jafs Get-ChildItem -Recurse',
      await context.jafs(`Get-ChildItem -Path 'JAFS:${folder}' -Recurse | Out-Null`),
    );
    record(context, scenario, 'library listTree', await library('tree'));
    record(context, scenario, 'library listStream', await library('stream'));
    record(context, scenario, 'floor', await context.floor('list', folder));
    record(
      context,
      scenario,
      'rclone lsjson -R',
      await context.rcloneRun(['lsjson', '-R', 'remote:']),
    );
    record(
      context,
      scenario,
      'rclone lsjson -R --fast-list',
      await context.rcloneRun(['lsjson', '-R', '--fast-list', 'remote:']),
    );
  }
}
