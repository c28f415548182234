import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AuthError, FileTokenStore, Jottacloud, type StoredLogin } from '../jfs/index.js';
import { ProviderEngine } from '../provider/index.js';
import { createShell } from '../shell/index.js';
import { accountCmdlets } from '../shell/cmdlets/account/index.js';
import { jottacloudCmdlets } from '../shell/cmdlets/jottacloud/index.js';
import { navigationCmdlets } from '../shell/cmdlets/navigation/index.js';
import {
  importProfileModules,
  moduleCmdlets,
  readModuleList,
} from '../shell/cmdlets/module/index.js';
import { syncCmdlets } from '../shell/cmdlets/sync/index.js';
import type { Host, Shell } from '../shell/api.js';
import { ErrorRecord, renderErrorRecord } from '../shell/index.js';
import { createEnvironmentProvider } from '../../providers/env/index.js';
import { createFileSystemProvider } from '../../providers/filesystem/index.js';
import { createJottacloudProvider } from '../../providers/jottacloud/index.js';
import { createTarProvider } from '../../providers/tar/index.js';
import { DeferredClient } from './deferred-client.js';
import { reserveEmbeddedServer, type EmbeddedServer } from './embedded.js';
import type { HomePaths } from './home.js';
import { clientForStoredLogin, StoredLoginDrives } from './login.js';

/**
 * Everything one shell session runs on: the provider engine with the local file system drive
 * and the `JAFS:` drive, the JFS client behind it, and (with no stored login) the embedded local
 * JFS server that client talks to over loopback HTTP like to the real service.
 */
export interface Workspace {
  readonly engine: ProviderEngine;
  readonly embedded?: EmbeddedServer;
  /** Problems met while opening (a stored login that stopped working): one line each. */
  readonly notices: readonly string[];
  /** A shell bound to `host`, starting in the process's working folder. */
  createShell(host: Host): Shell;
  /**
   * A shell with the user's start-up additions: the modules listed in `$JAFS_HOME/modules.json`
   * and, when interactive, the profile script `$JAFS_HOME/profile.ps1`. A broken module or
   * profile is reported on the host and never keeps the shell from starting.
   */
  startShell(host: Host, options: { interactive: boolean }): Promise<Shell>;
  close(): Promise<void>;
}

export async function openWorkspace(paths: HomePaths, cwd = process.cwd()): Promise<Workspace> {
  const notices: string[] = [];
  const stored = await readStoredLogin(paths.login, notices);
  // With a stored login (even one that no longer works) the embedded server is not started:
  // JAFS: is the account, or missing with a notice saying how to log in again.
  const embedded = stored === null ? await reserveEmbeddedServer(paths) : undefined;
  const client = embedded
    ? embeddedClient(embedded)
    : clientForStoredLogin(paths.login, stored ?? {});
  const engine = new ProviderEngine();
  const logins = new StoredLoginDrives(engine, paths.login);
  const close = async () => {
    await logins.close();
    await client.close();
    await embedded?.close();
  };

  try {
    engine.registerProvider(createFileSystemProvider());
    engine.registerProvider(createJottacloudProvider({ client, webBaseUrl: embedded?.url }));
    engine.registerProvider(createTarProvider());
    engine.registerProvider(createEnvironmentProvider());
    if (embedded) {
      // The embedded server's root always exists; checking it would start the server.
      await engine.newDrive('Jottacloud', {
        name: 'JAFS',
        root: '/',
        options: { verifyRoot: false },
      });
    } else if (stored) {
      await logins.mount('JAFS', stored).catch((error: unknown) => {
        notices.push(loginFailure(error));
      });
    }
    await engine.setLocation(cwd);

    const cmdlets = [
      ...navigationCmdlets,
      ...accountCmdlets(logins),
      ...jottacloudCmdlets,
      ...syncCmdlets,
      ...moduleCmdlets,
    ];
    const newShell = (host: Host) => createShell({ host, engine, cmdlets });
    return {
      engine,
      embedded,
      notices,
      createShell: newShell,
      startShell: (host, options) => startShell(newShell(host), host, engine, paths, options),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function startShell(
  shell: Shell,
  host: Host,
  engine: ProviderEngine,
  paths: HomePaths,
  options: { interactive: boolean },
): Promise<Shell> {
  const report = (error: unknown, commandName: string) =>
    host.writeError(renderErrorRecord(new ErrorRecord(asError(error), { commandName })));

  try {
    const modules = await readModuleList(join(paths.home, 'modules.json'));
    await importProfileModules({ engine, shell }, modules, {
      baseDir: paths.home,
      onError: (error) => report(error, 'Import-Module'),
    });
  } catch (error) {
    report(error, 'Import-Module');
  }

  if (options.interactive) {
    const profile = await readFile(paths.profile, 'utf8').catch(() => undefined);
    if (profile !== undefined) await shell.run(profile, { file: paths.profile });
  }
  return shell;
}

/** The client of the embedded server: its first request starts the server. */
function embeddedClient(embedded: EmbeddedServer): DeferredClient {
  return new DeferredClient(async () => {
    const server = await embedded.start();
    const auth = {
      type: 'basic' as const,
      username: embedded.username,
      password: embedded.password,
    };
    return new Jottacloud({ baseUrl: server.url, auth });
  });
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * The stored login: the login, `null` when there is none, `undefined` when the file exists but
 * cannot be read (a notice says so; JAFS: is then not mounted rather than silently local).
 */
async function readStoredLogin(
  file: string,
  notices: string[],
): Promise<StoredLogin | null | undefined> {
  try {
    return (await new FileTokenStore(file).load()) ?? null;
  } catch (error) {
    notices.push(loginFailure(error));
    return undefined;
  }
}

/** The startup notice; only a refused login asks for a new one (B16: offline keeps it). */
function loginFailure(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  if (!(error instanceof AuthError)) {
    return (
      `JAFS: is not mounted: ${reason} The stored login is kept: start jafs again (or run ` +
      "Connect-Jottacloud) when the server answers, or 'jafs logout' to use the local server."
    );
  }
  return (
    `JAFS: is not mounted: ${reason} Run 'jafs login' (or Connect-Jottacloud in the shell) ` +
    "with a new personal login token, or 'jafs logout' to use the local server instead."
  );
}
