import { Readable } from 'node:stream';

import { Jottacloud } from '../src/jfs/index.js';
import type { BenchContext } from './context.js';

/** Uploads in flight at once when the tree is seeded through the API. */
const WORKERS = 8;

/** The server's bulk seeding (`RunningServer.seed`), on servers that have it. */
type BulkSeed = (
  username: string,
  entries: Iterable<{ path: string; content?: string }>,
) => Promise<unknown>;

/**
 * Puts one small file at each device-relative path (`/Jotta/Archive/…`), creating folders as
 * needed: straight into the server's store when it can seed in bulk (50 000 files in seconds),
 * otherwise through the API. All files hold the same byte, so through the API every upload
 * after the first is a deduplicated allocate with nothing sent.
 */
export async function seedFiles(context: BenchContext, paths: readonly string[]): Promise<void> {
  const { username, password } = context;
  const server = context.server as { seed?: BulkSeed };
  if (server.seed) {
    await server.seed(
      username,
      (function* () {
        for (const path of paths) yield { path: path.replace(/^\//, ''), content: 'x' };
      })(),
    );
    return;
  }

  const client = new Jottacloud({
    baseUrl: context.server.url,
    auth: { type: 'basic', username, password },
  });
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++];
      await client.upload(path, { size: 1, open: async () => Readable.from([Buffer.from('x')]) });
    }
  };

  try {
    await Promise.all(Array.from({ length: WORKERS }, worker));
  } finally {
    await client.close();
  }
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
