import { rm } from 'node:fs/promises';
import { join } from 'node:path';

import { runsWithin } from '../budget.js';
import { record, type BenchContext } from '../context.js';
import { makeBigFile, retag } from '../fixtures.js';

const UP = 'Upload of one large file';
const DOWN = 'Download of one large file';

/**
 * One large file local → JAFS and back: jafs `Copy-Item` (its own process, peak RSS), the
 * raw-HTTP floor and `rclone copyto`, interleaved run by run so load drift hits all alike. Each
 * run uploads new content first (the server deduplicates by MD5), then downloads the file jafs
 * just uploaded.
 */
export async function largeFile(context: BenchContext): Promise<void> {
  const { sizes, workDir } = context;
  const local = join(workDir, 'big.bin');
  await makeBigFile(local, sizes.bigFileMib);
  const label = `${sizes.bigFileMib} MiB`;

  for (const run of runsWithin(context, sizes.bigFileRuns)) {
    const remote = `/Jotta/Archive/big/jafs-${run}.bin`;
    await retag([local], `jafs-${run}`);
    record(
      context,
      `${UP} (${label})`,
      'jafs Copy-Item',
      await context.jafs(`Copy-Item -Path '${local}' -Destination 'JAFS:${remote}'`),
    );
    await retag([local], `floor-${run}`);
    record(
      context,
      `${UP} (${label})`,
      'floor',
      await context.floor('upload', local, `/Jotta/Archive/big/floor-${run}.bin`),
    );
    await retag([local], `rclone-${run}`);
    record(
      context,
      `${UP} (${label})`,
      'rclone copyto',
      await context.rcloneRun(['copyto', local, `remote:big/rclone-${run}.bin`]),
    );

    await download(context, `${DOWN} (${label})`, remote, run);
  }
  await rm(local, { force: true });
}

/** The three contenders download `remote` (device-relative) to local files, then drop them. */
async function download(context: BenchContext, scenario: string, remote: string, run: number) {
  const target = (who: string) => join(context.workDir, `down-${who}-${run}.bin`);
  record(
    context,
    scenario,
    'jafs Copy-Item',
    await context.jafs(`Copy-Item -Path 'JAFS:${remote}' -Destination '${target('jafs')}'`),
  );
  record(context, scenario, 'floor', await context.floor('download', remote, target('floor')));
  record(
    context,
    scenario,
    'rclone copyto',
    await context.rcloneRun([
      'copyto',
      `remote:${remote.replace('/Jotta/Archive/', '')}`,
      target('rclone'),
    ]),
  );
  await Promise.all(['jafs', 'floor', 'rclone'].map((who) => rm(target(who), { force: true })));
}
