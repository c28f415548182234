import { Jottacloud } from '../jfs/index.js';
import { ProviderEngine } from '../provider/index.js';
import { createShell } from '../shell/index.js';
import { navigationCmdlets } from '../shell/cmdlets/navigation/index.js';
import type { Host, Shell } from '../shell/api.js';
import { createFileSystemProvider } from '../../providers/filesystem/index.js';
import { createJottacloudProvider } from '../../providers/jottacloud/index.js';
import { startEmbeddedServer, type EmbeddedServer } from './embedded.js';
import type { HomePaths } from './home.js';

/**
 * Everything one shell session runs on: the provider engine with the local file system drive
 * and the `JAFS:` drive, the JFS client behind it, and (with no stored login) the embedded local
 * JFS server that client talks to over loopback HTTP like to the real service.
 */
export interface Workspace {
  readonly engine: ProviderEngine;
  readonly embedded?: EmbeddedServer;
  /** A shell bound to `host`, starting in the process's working folder. */
  createShell(host: Host): Shell;
  close(): Promise<void>;
}

export async function openWorkspace(paths: HomePaths, cwd = process.cwd()): Promise<Workspace> {
  const embedded = await startEmbeddedServer(paths);
  const client = new Jottacloud({
    baseUrl: embedded.server.url,
    auth: { type: 'basic', username: embedded.username, password: embedded.password },
  });

  try {
    const engine = new ProviderEngine();
    engine.registerProvider(createFileSystemProvider());
    engine.registerProvider(createJottacloudProvider({ client }));
    await engine.newDrive('Jottacloud', { name: 'JAFS', root: '/' });
    await engine.setLocation(cwd);

    return {
      engine,
      embedded,
      createShell: (host) => createShell({ host, engine, cmdlets: navigationCmdlets }),
      close: async () => {
        await client.close();
        await embedded.server.close();
      },
    };
  } catch (error) {
    await client.close();
    await embedded.server.close();
    throw error;
  }
}
