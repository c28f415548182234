import { createFileSystemProvider } from '../../providers/filesystem/index.js';
import { createJottacloudProvider } from '../../providers/jottacloud/index.js';
import { createPlainHost } from '../../src/cli/plain-host.js';
import { Jottacloud } from '../../src/jfs/index.js';
import { ProviderEngine } from '../../src/provider/index.js';
import { navigationCmdlets } from '../../src/shell/cmdlets/navigation/index.js';
import { createShell } from '../../src/shell/index.js';
import { timed } from '../child.js';
import { runsWithin } from '../budget.js';
import { record, type BenchContext } from '../context.js';
import { seedFiles } from '../seed.js';

const FOLDER = '/Jotta/Archive/many';

/**
 * Tab completion in a remote folder of many entries, in-process through `Shell.complete`: the
 * first completion (one listing round trip) and the second (from the engine's cache), each on a
 * fresh shell per run.
 */
export async function completion(context: BenchContext): Promise<void> {
  const { username, password, sizes } = context;
  const baseUrl = context.server.url;
  const auth = { type: 'basic' as const, username, password };
  const names = Array.from({ length: sizes.completionEntries }, (_, index) => index);
  await seedFiles(
    context,
    names.map((index) => `${FOLDER}/entry-${String(index).padStart(5, '0')}.txt`),
  );

  const scenario = `Tab completion (${sizes.completionEntries} entries)`;
  const line = `Get-ChildItem JAFS:${FOLDER}/entry-0`;
  for (const _run of runsWithin(context, sizes.runs + 2)) {
    const client = new Jottacloud({ baseUrl, auth });
    const engine = new ProviderEngine();
    engine.registerProvider(createFileSystemProvider());
    engine.registerProvider(createJottacloudProvider({ client }));
    await engine.newDrive('Jottacloud', { name: 'JAFS', root: '/' });
    const host = { ...createPlainHost(), write: () => undefined };
    const shell = createShell({ host, engine, cmdlets: navigationCmdlets });

    let matches = 0;
    const complete = async () =>
      (matches = (await shell.complete(line, line.length)).matches.length);
    record(context, scenario, 'first (round trip)', await timed(complete));
    record(context, scenario, 'second (cache)', await timed(complete));
    if (matches === 0) throw new Error(`completion of ${line} found nothing`);
    await client.close();
  }
}
