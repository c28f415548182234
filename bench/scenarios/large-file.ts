import { rm } from 'node:fs/promises';
import { join } from 'node:path';

import { record, type BenchContext } from '../context.js';
import { makeBigFile, retag } from '../fixtures.js';

const UP = 'Upload of one large file';
const DOWN = 'Download of one large file';

/**
 * One large file local → JAFS and back: jafs `Copy-Item` (its own process, peak RSS), the
 * raw-HTTP floor and `rclone copyto`, interleaved run by run so load drift hits all alike.
 * Each upload run gets new content first, since the server deduplicates by MD5.
 */
export async function largeFile(context: BenchContext): Promise<void> {
  const { sizes, workDir } = context;
  const local = join(workDir, 'big.bin');
  await makeBigFile(local, sizes.bigFileMiB);
  const label = `${sizes.bigFileMiB} MiB`;
  let last = '';

  for (let run = 1; run <= sizes.bigFileRuns; run++) {
    const tag = (who: string) => `${who}-${run}`;

    await retag([local], tag('jafs'));
    last = `/Jotta/Archive/big/jafs-${run}.bin`;
    record(
      context,
      `${UP} (${label})`,
      'jafs Copy-Item',
      await context.jafs(`Copy-Item -Path '${local}' -Destination 'JAFS:${last}'`),
    );

    await retag([local], tag('floor'));
    record(
      context,
      `${UP} (${label})`,
      'floor',
      await context.floor('upload', local, `/Jotta/Archive/big/floor-${run}.bin`),
    );

    await retag([local], tag('rclone'));
    record(
      context,
      `${UP} (${label})`,
      'rclone copyto',
      await context.rcloneRun(['copyto', local, `remote:big/rclone-${run}.bin`]),
    );
  }

  for (let run = 1; run <= sizes.bigFileRuns; run++) {
    const target = (who: string) => join(workDir, `down-${who}-${run}.bin`);
    record(
      context,
      `${DOWN} (${label})`,
      'jafs Copy-Item',
      await context.jafs(`Copy-Item -Path 'JAFS:${last}' -Destination '${target('jafs')}'`),
    );
    record(
      context,
      `${DOWN} (${label})`,
      'floor',
      await context.floor('download', last, target('floor')),
    );
    record(
      context,
      `${DOWN} (${label})`,
      'rclone copyto',
      await context.rcloneRun([
        'copyto',
        `remote:${last.replace('/Jotta/Archive/', '')}`,
        target('rclone'),
      ]),
    );
    await Promise.all(['jafs', 'floor', 'rclone'].map((who) => rm(target(who), { force: true })));
  }
  await rm(local, { force: true });
}
