import type { BenchContext } from './context.js';

/**
 * Puts one small file at each device-relative path (`/Jotta/Archive/…`), creating folders as
 * needed, straight into the server's store (`RunningServer.seed`): 50 000 files take seconds,
 * where uploads would take minutes. All files hold the same byte; listings do not care.
 */
export async function seedFiles(context: BenchContext, paths: readonly string[]): Promise<void> {
  const entries = paths.map((path) => ({ path: path.replace(/^\//, ''), content: 'x' }));
  await context.server.seed(context.username, entries);
}

/**
 * The paths of a tree of `files` files spread evenly over `folders` folders two levels deep
 * (`g<n>/f<m>/`, about √folders groups), below `root`, as a large backup might look.
 */
export function treePaths(root: string, files: number, folders: number): string[] {
  const groups = Math.max(1, Math.round(Math.sqrt(folders)));
  const paths: string[] = [];
  for (let index = 0; index < files; index++) {
    const folder = index % folders;
    paths.push(`${root}/g${folder % groups}/f${folder}/file-${index}.txt`);
  }
  return paths;
}
