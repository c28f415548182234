import { rm } from 'node:fs/promises';
import { join } from 'node:path';

import { runsWithin } from '../budget.js';
import { record, type BenchContext } from '../context.js';
import { makeSmallFiles, retag } from '../fixtures.js';
import type { Sample } from '../stats.js';

/**
 * Many small files up, then down: jafs `Copy-Item -Recurse` against `rclone copy` (default
 * transfers), with the requests each made counted on the server (its log hook). Every upload run
 * gets new content first, since the server deduplicates by MD5; each run then downloads what it
 * uploaded.
 */
export async function smallFiles(context: BenchContext): Promise<void> {
  const { sizes, workDir } = context;
  const source = join(workDir, 'small');
  const paths = await makeSmallFiles(source, sizes.smallFiles);
  const up = `Small files up (${sizes.smallFiles} × 1–64 KiB)`;
  const down = `Small files down (${sizes.smallFiles} × 1–64 KiB)`;
  const counted = async (measure: () => Promise<Sample>): Promise<Sample> => {
    const before = context.requests();
    const sample = await measure();
    return { ...sample, requests: context.requests() - before };
  };

  for (const run of runsWithin(context, sizes.smallFileRuns)) {
    await retag(paths, `jafs-${run}`);
    const jafsUp = await counted(() =>
      context.jafs(
        `Copy-Item -Path '${source}' -Destination 'JAFS:/Jotta/Archive/small/jafs-${run}' -Recurse`,
      ),
    );
    record(context, up, 'jafs Copy-Item -Recurse', jafsUp);

    await retag(paths, `rclone-${run}`);
    const rcloneUp = await counted(() =>
      context.rcloneRun(['copy', source, `remote:small/rclone-${run}`]),
    );
    record(context, up, 'rclone copy', rcloneUp);

    // Each client downloads the tree it uploaded in this run.
    const target = (who: string) => join(workDir, `small-down-${who}-${run}`);
    const jafsDown = await counted(() =>
      context.jafs(
        `Copy-Item -Path 'JAFS:/Jotta/Archive/small/jafs-${run}' -Destination '${target('jafs')}' -Recurse`,
      ),
    );
    record(context, down, 'jafs Copy-Item -Recurse', jafsDown);
    const rcloneDown = await counted(() =>
      context.rcloneRun(['copy', `remote:small/rclone-${run}`, target('rclone')]),
    );
    record(context, down, 'rclone copy', rcloneDown);
    await Promise.all(['jafs', 'rclone'].map((who) => rm(target(who), { recursive: true })));
  }

  const perFile = (rows: string) => {
    const row = context.rows.find(
      (each) => each.scenario === rows.split('|')[0] && each.contender === rows.split('|')[1],
    );
    const requests = row?.samples[0]?.requests;
    return requests === undefined ? 'n/a' : (requests / sizes.smallFiles).toFixed(2);
  };
  context.notes.push(
    `Requests per file (server side): up — jafs ${perFile(`${up}|jafs Copy-Item -Recurse`)}, ` +
      `rclone ${perFile(`${up}|rclone copy`)}; down — jafs ${perFile(`${down}|jafs Copy-Item -Recurse`)}, ` +
      `rclone ${perFile(`${down}|rclone copy`)}.`,
  );
  await rm(source, { recursive: true });
}
