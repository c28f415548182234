import { ProviderEngine } from '../../src/provider/index.js';
import { navigationCmdlets } from '../../src/shell/cmdlets/navigation/index.js';
import { createShell } from '../../src/shell/index.js';
import { RecordingHost } from '../shell/helpers/recording-host.js';
import { fileSystemDrive, jottacloudDrive, type SharedDrive } from './drives.js';

/** The drives every shared test runs on, by label (for `describe.each`). */
export const DRIVES: readonly { label: string; open(): Promise<SharedDrive> }[] = [
  { label: 'FileSystem', open: fileSystemDrive },
  { label: 'Jottacloud', open: jottacloudDrive },
];

/** What one typed command left: standard output, error output, and the shell's result. */
export interface Typed {
  out: string;
  err: string;
  /** Output lines, right-trimmed, without blank ones. */
  lines: string[];
}

/**
 * A shell session in a fresh working folder of `drive`, located there, as a user would have it
 * after `cd` into the folder. `p('a/b')` is the shown path of `a/b` under the folder, spelled
 * with the drive's separator, the way the shell prints it.
 */
export async function sharedSession(
  drive: SharedDrive,
  tree: Record<string, string> = {},
  options: { interactive?: boolean } = {},
) {
  const base = await drive.makeFolder(tree);
  const engine = new ProviderEngine();
  await drive.register(engine);
  await engine.setLocation(base);
  const host = new RecordingHost(options.interactive ?? false, 200);
  const shell = createShell({ host, engine, cmdlets: navigationCmdlets });
  const p = (relative = ''): string =>
    relative === '' ? base : `${base}${drive.sep}${relative.split(/[\\/]/).join(drive.sep)}`;

  return {
    base,
    /** `Jottacloud::\Jotta\…` / `FileSystem::/tmp/…` form of `p(relative)`. */
    qualified: (relative = '') => drive.providerQualified(p(relative)),
    /** The folder as New-PSDrive's -Root takes it (a provider path). */
    root: base.replace(/^JAFS:/, ''),
    host,
    engine,
    p,
    /** Types `text` into the shell, as one line (or script) the user enters. */
    async type(text: string): Promise<Typed> {
      host.output = '';
      host.errors = '';
      await shell.run(text);
      const lines = host.output
        .split('\n')
        .map((line) => line.trimEnd())
        .filter((line) => line.length > 0);
      return { out: host.output, err: host.errors, lines };
    },
    read: (relative: string) => drive.read(base, relative),
    list: (relative?: string) => drive.list(base, relative),
    kind: (relative: string) => drive.kind(base, relative),
  };
}

export type SharedSession = Awaited<ReturnType<typeof sharedSession>>;
