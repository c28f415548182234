import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { startServer, type RunningServer } from '../server/index.js';
import type { HomePaths } from './home.js';

/** The account a newcomer gets on the embedded local server. */
export const DEMO_ACCOUNT = 'demo';

export interface EmbeddedServer {
  server: RunningServer;
  username: string;
  password: string;
}

/**
 * Starts the local JFS server inside this process on 127.0.0.1 and a free port, with its data in
 * JAFS_HOME. The demo account's password is random, made once and kept (mode 0600) so that the
 * data of one run is the data of the next.
 */
export async function startEmbeddedServer(paths: HomePaths): Promise<EmbeddedServer> {
  const password = await demoPassword(paths.embeddedAccount);
  const server = await startServer({
    dataDir: paths.serverData,
    host: '127.0.0.1',
    port: 0,
    accounts: [{ username: DEMO_ACCOUNT, password }],
  });
  return { server, username: DEMO_ACCOUNT, password };
}

async function demoPassword(file: string): Promise<string> {
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as { password?: unknown };
    if (typeof stored.password === 'string' && stored.password.length >= 16) return stored.password;
  } catch {
    // Missing or unreadable: make a new one below. The server resets the account's password to
    // it, so nothing stored on the server is lost.
  }

  const password = randomBytes(24).toString('base64url');
  await writeFileAtomic(file, `${JSON.stringify({ username: DEMO_ACCOUNT, password })}\n`, {
    mode: 0o600,
  });
  return password;
}
