import { createServer, type Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { JafsError } from '../core/errors.js';
import type { Backend } from './backend.js';
import { FaultInjector } from './faults.js';
import {
  type AccountSeed,
  type RunningServer,
  type ServerOptions,
  resolveOptions,
} from './options.js';
import { recover } from './recovery.js';
import { seedTree } from './seed.js';
import { createRequestHandler } from './router.js';
import { AccountStore } from './store/accounts.js';
import { BlobStore } from './store/blobs.js';
import { DeviceStore } from './store/devices.js';
import { acquireDataDirLock } from './store/lock.js';
import { RevisionStore } from './store/revisions.js';
import { openDatabase } from './store/schema.js';
import { TokenStore } from './store/tokens.js';
import { TreeStore } from './store/tree.js';

/**
 * Starts the local JFS server: takes the data folder's lock, opens the metadata database, repairs
 * what a crash may have left (see recover: partial files, unreferenced blobs), seeds the
 * accounts and listens. Every path family of the real service is served from this one origin.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const resolved = resolveOptions({ ...options, dataDir: resolve(options.dataDir) });
  mkdirSync(resolved.dataDir, { recursive: true });
  const release = acquireDataDirLock(resolved.dataDir);

  let db: ReturnType<typeof openDatabase> | undefined;
  try {
    db = openDatabase(join(resolved.dataDir, 'metadata.sqlite'));
    const tokens = new TokenStore(db, resolved.accessTokenLifetimeSeconds);
    const accounts = new AccountStore(db);
    const backend: Backend = {
      db,
      accounts,
      tokens,
      devices: new DeviceStore(db),
      tree: new TreeStore(db),
      revisions: new RevisionStore(db),
      blobs: new BlobStore(resolved.dataDir),
      faults: new FaultInjector((username) => {
        const account = username === undefined ? undefined : accounts.find(username);
        tokens.expireAccessTokens(account?.id ?? (username === undefined ? undefined : -1));
      }),
      options: resolved,
    };

    await backend.blobs.init();
    await recover(backend);
    const addAccount = (seed: AccountSeed): void => {
      const account = accounts.ensure(seed.username, seed.password);
      if (seed.quotaBytes !== undefined) accounts.setQuota(account, seed.quotaBytes);
    };
    for (const seed of options.accounts ?? []) addAccount(seed);

    const server = createServer({ keepAlive: true }, createRequestHandler(backend));
    await listen(server, resolved.host, resolved.port);
    resolved.port = (server.address() as AddressInfo).port;
    const url = `http://${urlHost(resolved.host)}:${resolved.port}`;

    return {
      url,
      faults: backend.faults,
      issueLoginToken: (username, realm = resolved.realms[0]) => {
        const account = accounts.find(username);
        if (!account)
          throw new JafsError(`No account named ${username} on this server.`, {
            code: 'ENOACCOUNT',
            category: 'ObjectNotFound',
          });
        const secret = tokens.issueLoginSecret(account.id, resolved.loginTokenLifetimeSeconds);
        const json = {
          username: account.username,
          realm,
          well_known_link: `${url}/auth/realms/${realm}/.well-known/openid-configuration`,
          auth_token: secret,
        };
        return Buffer.from(JSON.stringify(json)).toString('base64url');
      },
      addAccount,
      seed: (username, entries) => seedTree(backend, username, entries),
      setQuota: (username, bytes) => {
        const account = accounts.find(username);
        if (account) accounts.setQuota(account, bytes);
      },
      close: async () => {
        await new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
        db?.close();
        release();
      },
    };
  } catch (error) {
    db?.close();
    release();
    throw error;
  }
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done();
    });
  });
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
