import { mkdtemp, readdir, readFile, realpath, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileSystemProvider } from '../../providers/filesystem/index.js';
import { createJottacloudProvider } from '../../providers/jottacloud/index.js';
import { Jottacloud, MemoryTokenStore, loginWithToken } from '../../src/jfs/index.js';
import { ProviderEngine } from '../../src/provider/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import type { Host, Shell } from '../../src/shell/api.js';
import { jottacloudCmdlets } from '../../src/shell/cmdlets/jottacloud/index.js';
import { navigationCmdlets } from '../../src/shell/cmdlets/navigation/index.js';
import { syncCmdlets } from '../../src/shell/cmdlets/sync/index.js';
import { createShell } from '../../src/shell/index.js';
import { RecordingHost } from '../provider/jottacloud-features-shell.js';

/**
 * The whole stack for reliability tests: the local JFS server (account demo/pw, token login so
 * no request pays for scrypt), a client, an engine with the file system and `JAFS:` drives, the
 * navigation, sync and Jottacloud cmdlets, and a temp local folder the shell starts in.
 */
export interface Stack {
  server: RunningServer;
  /** The server's data folder (metadata.sqlite lives here). */
  dataDir: string;
  client: Jottacloud;
  local: string;
  /**
   * Runs `script` in a fresh shell (fresh host) on the shared engine. With `answers` the host
   * is interactive and answers its prompts with them, in order (else it has nobody to ask).
   */
  run(
    script: string,
    answers?: number[],
  ): Promise<{ output: string; errors: string; host: RecordingHost }>;
  shell(answers?: number[]): { shell: Shell; host: RecordingHost };
  /** A shell on the shared engine over any host (the Ink app's). */
  shellOn(host: Host): Shell;
  close(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'jafs-rel-server-'));
  const local = await realpath(await mkdtemp(join(tmpdir(), 'jafs-rel-local-')));
  const server = await startServer({
    dataDir,
    port: 0,
    accounts: [{ username: 'demo', password: 'pw' }],
  });
  const store = new MemoryTokenStore();
  await loginWithToken(server.issueLoginToken('demo'), { store, baseUrl: server.url });
  const client = new Jottacloud({ baseUrl: server.url, auth: { type: 'token', store } });

  const engine = new ProviderEngine();
  engine.registerProvider(createFileSystemProvider());
  engine.registerProvider(createJottacloudProvider({ client }));
  await engine.newDrive('Jottacloud', { name: 'JAFS', root: '/' });
  await engine.setLocation(local);
  const cmdlets = [...navigationCmdlets, ...syncCmdlets, ...jottacloudCmdlets];

  const shell = (answers: number[] = []) => {
    const host = new RecordingHost(answers);
    return { shell: createShell({ host, engine, cmdlets }), host };
  };
  return {
    server,
    dataDir,
    client,
    local,
    shell,
    shellOn: (host) => createShell({ host, engine, cmdlets }),
    async run(script, answers) {
      const session = shell(answers);
      await session.shell.run(script);
      return { output: session.host.output, errors: session.host.errors, host: session.host };
    },
    async close() {
      await client.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
      await rm(local, { recursive: true, force: true });
    },
  };
}

/** Every file and folder below `root`, files with their size and bytes (base64), sorted. */
export async function snapshotTree(root: string): Promise<string[]> {
  const entries: string[] = [];
  const walk = async (dir: string, prefix: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const rel = prefix + entry.name;
      if (entry.isDirectory()) {
        entries.push(`${rel}/`);
        await walk(full, `${rel}/`);
      } else {
        const info = await stat(full);
        const bytes = await readFile(full);
        entries.push(`${rel} ${info.size} ${bytes.toString('base64')}`);
      }
    }
  };
  await walk(root, '');
  return entries.sort();
}

/** A PowerShell single-quoted string literal for `text` (quotes doubled). */
export function psQuote(text: string): string {
  return `'${text.replace(/['‘’‚‛]/g, (q) => q + q)}'`;
}
