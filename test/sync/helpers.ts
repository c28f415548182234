import { messages, quietHost } from '../provider/cmdlet-context.js';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createFileSystemProvider } from '../../providers/filesystem/index.js';
import { createJottacloudProvider } from '../../providers/jottacloud/index.js';
import { Jottacloud, MemoryTokenStore, loginWithToken } from '../../src/jfs/index.js';
import { ProviderEngine } from '../../src/provider/index.js';
import { contextFor } from '../../src/provider/provider-call.js';
import type { ProgressEvent } from '../../src/provider/types.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import type { CmdletContext, SessionApi } from '../../src/shell/api.js';
import { syncCmdlets } from '../../src/shell/cmdlets/sync/index.js';

/**
 * A local JFS server in a temp data folder, a client logged in to it, an engine with the file
 * system and `JAFS:` drives, and a temp local folder. The server's request log counts the
 * allocate and upload-data requests, so a test can tell "nothing was sent" from the wire.
 */
export interface SyncFixture {
  engine: ProviderEngine;
  server: RunningServer;
  client: Jottacloud;
  /** A temp folder for the local side. */
  local: string;
  /** Requests seen by the server since the last reset: `POST /files/v1/upload/…` etc. */
  requests: string[];
  /** Called with each request line as the server finishes it (a test aborts from there). */
  onRequest?: (line: string) => void;
  /** Requests that carried file bytes up (resumable upload data or a one-request upload). */
  uploads(): number;
  /** Resumable upload allocations (one per file whose MD5 is known before its bytes). */
  allocations(): number;
  close(): Promise<void>;
}

export async function startSyncFixture(): Promise<SyncFixture> {
  const dataDir = await mkdtemp(join(tmpdir(), 'jafs-sync-server-'));
  const local = await mkdtemp(join(tmpdir(), 'jafs-sync-local-'));
  const requests: string[] = [];
  let fixture: SyncFixture | undefined = undefined;
  const server = await startServer({
    dataDir,
    port: 0,
    accounts: [{ username: 'demo', password: 'pw' }],
    log: (line) => {
      requests.push(line);
      fixture?.onRequest?.(line);
    },
  });
  // A token login: basic auth makes the server run scrypt on every request (~50-300 ms).
  const store = new MemoryTokenStore();
  await loginWithToken(server.issueLoginToken('demo'), { store, baseUrl: server.url });
  const client = new Jottacloud({ baseUrl: server.url, auth: { type: 'token', store } });

  const engine = new ProviderEngine();
  engine.registerProvider(createFileSystemProvider());
  engine.registerProvider(createJottacloudProvider({ client }));
  await engine.newDrive('Jottacloud', { name: 'JAFS', root: '/' });
  await engine.setLocation(local);

  const count = (prefix: string) => requests.filter((line) => line.startsWith(prefix)).length;
  fixture = {
    engine,
    server,
    client,
    local,
    requests,
    // Bytes go up in the resumable upload's data requests, or (small files whose MD5 is not
    // known before reading) in one legacy upload: a POST on the file's path answered 201.
    uploads: () =>
      count('POST /files/v1/upload/') +
      requests.filter((line) => /^POST \/jfs\/\S+ 201$/.test(line)).length,
    allocations: () => count('POST /files/v1/allocate'),
    async close() {
      await client.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
      await rm(local, { recursive: true, force: true });
    },
  };
  return fixture;
}

/** Writes files below `root` (keys ending in `/` are folders), with an optional mtime. */
export async function writeTree(
  root: string,
  files: Record<string, string | Buffer>,
  mtime?: Date,
): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const full = join(root, name);
    if (name.endsWith('/')) {
      await mkdir(full, { recursive: true });
      continue;
    }

    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content);
    if (mtime) await utimes(full, mtime, mtime);
  }
}

/** What one Sync-Item run produced. */
export interface SyncRun {
  summary: Record<string, unknown> | undefined;
  output: unknown[];
  errors: unknown[];
  whatIf: string[];
  warnings: string[];
  progress: ProgressEvent[];
  /** The terminating error, when the run threw one. */
  thrown: unknown;
}

/**
 * Runs Sync-Item with bound parameters through a CmdletContext like the shell's: -WhatIf
 * records the line and declines, `answer` replies to -Confirm, `onProgress` sees each event
 * (a test aborts from there).
 */
export async function runSync(
  engine: ProviderEngine,
  params: Record<string, unknown>,
  options: {
    whatIf?: boolean;
    confirm?: (target: string, action: string) => boolean;
    signal?: AbortSignal;
    onProgress?: (event: ProgressEvent) => void;
  } = {},
): Promise<SyncRun> {
  const run: SyncRun = {
    summary: undefined,
    output: [],
    errors: [],
    whatIf: [],
    warnings: [],
    progress: [],
    thrown: undefined,
  };
  const variables = new Map<string, unknown>();
  const session: SessionApi = {
    engine,
    getVariable: (name) => variables.get(name),
    setVariable: (name, value) => variables.set(name, value),
  };

  const ctx: CmdletContext = {
    params,
    input: undefined,
    expectingInput: false,
    signal: options.signal ?? new AbortController().signal,
    host: quietHost(),
    session,
    write: async (value) => void run.output.push(value),
    writeError: (error) => void run.errors.push(error),
    writeWarning: (message) => void run.warnings.push(message),
    writeVerbose: () => undefined,
    progress: (event) => {
      if (!event) return;
      run.progress.push(event);
      options.onProgress?.(event);
    },
    shouldProcess: async (target, action) => {
      if (options.whatIf) {
        run.whatIf.push(`What if: Performing the operation "${action}" on target "${target}".`);
        return false;
      }

      return options.confirm?.(target, action) ?? true;
    },
    shouldContinue: async () => false,
  };

  try {
    await syncCmdlets[0].process!(ctx);
  } catch (error) {
    run.thrown = error;
  }

  run.summary = run.output.at(-1) as Record<string, unknown> | undefined;
  return run;
}

export { messages };

export async function readBytes(engine: ProviderEngine, path: string): Promise<Buffer> {
  const [found] = await engine.resolve(path, { literal: true });
  const { drive, providerPath } = found.path;
  const content = await drive.provider.getContent!(providerPath, contextFor(drive));
  const chunks: Buffer[] = [];
  for await (const chunk of await content.open(0)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Relative paths (with `/`, folders ending in `/`) of everything below `path`, sorted. */
export async function treeOf(engine: ProviderEngine, path: string): Promise<string[]> {
  const [root] = await engine.resolve(path, { literal: true });
  const names: string[] = [];
  for await (const entry of engine.childItems(root, { recurse: true })) {
    const relative = entry.path.segments.slice(root.path.segments.length).join('/');
    names.push(entry.item.isContainer ? `${relative}/` : relative);
  }

  return names.sort();
}

/** The item at a path, or undefined (trashed items only with `force`). */
export async function itemAt(engine: ProviderEngine, path: string, force = false) {
  return engine.tryGetItem(engine.lexicalPath(path), { force });
}
