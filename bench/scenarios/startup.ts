import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { runProcess } from '../child.js';
import { runsWithin } from '../budget.js';
import { CLI, record, type BenchContext } from '../context.js';

/**
 * Start-up: `jafs -c Get-Location` from spawn to exit (embedded server, login, shell, one
 * command) against `node -e 0`. One warm-up run first creates the JAFS_HOME (first start).
 */
export async function startup(context: BenchContext): Promise<void> {
  const home = join(context.workDir, 'jafs-home');
  await mkdir(home, { recursive: true });
  const env = { JAFS_HOME: home };
  const scenario = 'Start-up';

  await runProcess(process.execPath, [CLI, '-c', 'Get-Location'], env);
  for (const _run of runsWithin(context, context.sizes.runs + 2)) {
    record(
      context,
      scenario,
      'jafs -c Get-Location',
      await runProcess(process.execPath, [CLI, '-c', 'Get-Location'], env),
    );
    record(context, scenario, 'node -e 0', await runProcess(process.execPath, ['-e', '0']));
  }
}
