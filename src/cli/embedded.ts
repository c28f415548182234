import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { announceOwner, findOwner, forwardTo, withdrawOwner } from './embedded-share.js';
import type { HomePaths } from './home.js';

/** The account a newcomer gets on the embedded local server. */
export const DEMO_ACCOUNT = 'demo';

/**
 * The local JFS server inside this process, started on first use: a shell run that never touches
 * `JAFS:` opens no database and hashes no password. Its port is reserved at once, so its URL
 * (the client's base URL, the host of public links) is known before it runs.
 */
export interface EmbeddedServer {
  /** Base URL, e.g. `http://127.0.0.1:43211`; fixed from the start. */
  readonly url: string;
  readonly username: string;
  readonly password: string;
  /** Whether `start` has been called (and the data folder opened). */
  readonly started: boolean;
  /**
   * Starts the server once; every caller waits for the same start. A failed start is retried.
   * When another jafs process already runs the server of this JAFS_HOME, its URL is answered.
   */
  start(): Promise<EmbeddedEndpoint>;
  close(): Promise<void>;
}

/** Where the embedded server answers, and how this process lets go of it. */
export interface EmbeddedEndpoint {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Reserves 127.0.0.1 and a free port for the local JFS server with its data in JAFS_HOME. The
 * demo account's password is random, made once and kept (mode 0600) so that the data of one run
 * is the data of the next.
 */
export async function reserveEmbeddedServer(paths: HomePaths): Promise<EmbeddedServer> {
  const password = await demoPassword(paths.embeddedAccount);
  let placeholder: Server | undefined = await listenOnFreePort();
  const port = (placeholder.address() as AddressInfo).port;
  let running: Promise<EmbeddedEndpoint> | undefined;

  const startOnce = async (): Promise<EmbeddedEndpoint> => {
    await closeServer(placeholder);
    placeholder = undefined;
    // Loaded here: the server's modules and SQLite are the largest part of a cold start.
    const { startServer, DataDirLockedError } = await import('../server/index.js');
    const options = {
      dataDir: paths.serverData,
      host: '127.0.0.1',
      accounts: [{ username: DEMO_ACCOUNT, password }],
    };
    // The reserved port was free a moment ago; should another process have taken it since,
    // a free one is used (public links then name the reserved one, a cosmetic fault only).
    const started = startServer({ ...options, port }).catch((error: unknown) =>
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? startServer({ ...options, port: 0 })
        : Promise.reject(error),
    );

    try {
      const server = await started;
      await announceOwner(paths.embeddedOwner, server.url);
      return {
        url: server.url,
        close: async () => {
          await withdrawOwner(paths.embeddedOwner);
          await server.close();
        },
      };
    } catch (error) {
      // Another jafs window on this JAFS_HOME holds the data folder: use its server.
      const owner = error instanceof DataDirLockedError && (await findOwner(paths.embeddedOwner));
      if (!owner) throw error;
      const forwarder = await forwardTo(port, owner).catch(() => undefined);
      return { url: owner, close: () => closeServer(forwarder) };
    }
  };

  return {
    url: `http://127.0.0.1:${port}`,
    username: DEMO_ACCOUNT,
    password,
    get started() {
      return running !== undefined;
    },
    start() {
      if (!running) {
        const starting = startOnce();
        starting.catch(() => {
          if (running === starting) running = undefined;
        });
        running = starting;
      }
      return running;
    },
    async close() {
      await closeServer(placeholder);
      placeholder = undefined;
      const server = await running?.catch(() => undefined);
      running = undefined;
      await server?.close();
    },
  };
}

/** A listener on a free loopback port that holds the port until the real server takes it. */
function listenOnFreePort(): Promise<Server> {
  return new Promise((done, fail) => {
    const server = createServer((socket) => socket.destroy());
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', fail);
      // The placeholder must not keep a finished run alive.
      server.unref();
      done(server);
    });
  });
}

function closeServer(server: Server | undefined): Promise<void> {
  return new Promise((done) => (server ? server.close(() => done()) : done()));
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
  const { default: writeFileAtomic } = await import('write-file-atomic');
  await writeFileAtomic(file, `${JSON.stringify({ username: DEMO_ACCOUNT, password })}\n`, {
    mode: 0o600,
  });
  return password;
}
