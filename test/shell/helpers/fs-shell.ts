import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ProviderEngine } from '../../../src/provider/index.js';
import { navigationCmdlets } from '../../../src/shell/cmdlets/navigation/index.js';
import { createShell } from '../../../src/shell/index.js';
import { createFileSystemProvider } from '../../../providers/filesystem/index.js';
import { RecordingHost } from './recording-host.js';

/**
 * A shell on the real provider engine and FileSystem provider, started in a fresh temp folder
 * holding `files` (path → content; a trailing `/` makes a folder). Call `dispose` afterwards.
 */
export async function fsShell(
  files: Record<string, string> = {},
  options: { interactive?: boolean; width?: number } = {},
) {
  const root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'jafs-shell-')));
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(root, name);
    if (name.endsWith('/')) {
      await fs.mkdir(full, { recursive: true });
    } else {
      await fs.mkdir(path.dirname(full), { recursive: true });
      await fs.writeFile(full, content);
    }
  }
  const engine = new ProviderEngine();
  engine.registerProvider(createFileSystemProvider());
  await engine.setLocation(root);
  const host = new RecordingHost(options.interactive ?? false, options.width ?? 120);
  const shell = createShell({ host, engine, cmdlets: navigationCmdlets });
  return {
    root,
    host,
    shell,
    engine,
    async run(text: string, runOptions: { file?: string; args?: string[] } = {}) {
      host.output = '';
      host.errors = '';
      const result = await shell.run(text, runOptions);
      return { out: host.output, err: host.errors, result };
    },
    async dispose() {
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}
