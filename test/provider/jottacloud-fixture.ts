import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJottacloudProvider } from '../../providers/jottacloud/index.js';
import type { JottacloudDriveState } from '../../providers/jottacloud/index.js';
import { Jottacloud } from '../../src/jfs/index.js';
import type {
  DriveInfo,
  ProgressEvent,
  Provider,
  ProviderContext,
  ProviderItem,
} from '../../src/provider/types.js';
import { startServer } from '../../src/server/index.js';

/** A running local JFS server with account demo/pw, a client and the provider over it. */
export interface JottacloudFixture {
  url: string;
  client: Jottacloud;
  provider: Provider<JottacloudDriveState>;
  drive: DriveInfo<JottacloudDriveState>;
  server: Awaited<ReturnType<typeof startServer>>;
  /** A context as the engine would build it; records progress and warnings. */
  context(options?: { force?: boolean; dynamic?: Record<string, unknown> }): TestContext;
  close(): Promise<void>;
}

export interface TestContext extends ProviderContext<JottacloudDriveState> {
  progressEvents: ProgressEvent[];
  warnings: string[];
}

export const USERNAME = 'demo';
export const PASSWORD = 'pw';

export async function startJottacloud(): Promise<JottacloudFixture> {
  const dataDir = await mkdtemp(join(tmpdir(), 'jafs-provider-'));
  const server = await startServer({
    dataDir,
    port: 0,
    accounts: [{ username: USERNAME, password: PASSWORD }],
  });
  const client = new Jottacloud({
    baseUrl: server.url,
    auth: { type: 'basic', username: USERNAME, password: PASSWORD },
  });
  const provider = createJottacloudProvider({ client });
  const signal = new AbortController().signal;
  const state = await provider.newDrive!({ name: 'JAFS', root: '/' }, signal);
  const drive: DriveInfo<JottacloudDriveState> = {
    name: 'JAFS',
    root: '/',
    description: '',
    provider,
    state,
  };

  return {
    url: server.url,
    client,
    provider,
    drive,
    server,
    context: (options = {}) => makeContext(drive, options),
    async close() {
      await client.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function makeContext(
  drive: DriveInfo<JottacloudDriveState>,
  options: { force?: boolean; dynamic?: Record<string, unknown>; signal?: AbortSignal } = {},
): TestContext {
  const progressEvents: ProgressEvent[] = [];
  const warnings: string[] = [];
  return {
    signal: options.signal ?? new AbortController().signal,
    force: options.force ?? false,
    dynamic: options.dynamic ?? {},
    drive,
    progress: (event) => progressEvents.push(event),
    verbose: () => undefined,
    warning: (message) => warnings.push(message),
    progressEvents,
    warnings,
  };
}

/** All children of `path`, gathered from the async iterable. */
export async function children(
  provider: Provider<JottacloudDriveState>,
  path: string,
  ctx: ProviderContext<JottacloudDriveState>,
): Promise<ProviderItem[]> {
  const items: ProviderItem[] = [];
  for await (const item of provider.getChildItems(path, ctx)) items.push(item);
  return items;
}

export function names(items: readonly ProviderItem[]): string[] {
  return items.map((item) => item.name).sort();
}
