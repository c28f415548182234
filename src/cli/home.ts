import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import envPaths from 'env-paths';

/**
 * JAFS_HOME holds everything jafs keeps between runs: the stored login, history, the profile and
 * the embedded server's data. Default: the `jafs` folder in the user's XDG data directory.
 */
export function jafsHome(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.JAFS_HOME?.trim();
  if (fromEnv) return fromEnv;
  return envPaths('jafs', { suffix: '' }).data;
}

export interface HomePaths {
  home: string;
  /** The embedded local JFS server's data folder. */
  serverData: string;
  /** The embedded server's demo account (generated password, mode 0600). */
  embeddedAccount: string;
  /** Where the process running the embedded server says it listens (pid and URL). */
  embeddedOwner: string;
  /** A stored Jottacloud login (mode 0600). */
  login: string;
  history: string;
  profile: string;
}

export async function prepareHome(env: NodeJS.ProcessEnv = process.env): Promise<HomePaths> {
  const home = jafsHome(env);
  await mkdir(home, { recursive: true, mode: 0o700 });
  return {
    home,
    serverData: join(home, 'server'),
    embeddedAccount: join(home, 'embedded-account.json'),
    embeddedOwner: join(home, 'embedded-server.json'),
    login: join(home, 'login.json'),
    history: join(home, 'history'),
    profile: join(home, 'profile.ps1'),
  };
}
