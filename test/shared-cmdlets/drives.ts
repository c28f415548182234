import { mkdir, mkdtemp, readFile, readdir, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createFileSystemProvider } from '../../providers/filesystem/index.js';
import { createJottacloudProvider } from '../../providers/jottacloud/index.js';
import { Jottacloud, NotFoundError } from '../../src/jfs/index.js';
import { ProviderEngine } from '../../src/provider/index.js';
import { startServer } from '../../src/server/index.js';

/**
 * One drive the shared suite runs on: a place to work in (a fresh folder per test) and a way to
 * read back the state a command left behind without going through the cmdlets under test.
 */
export interface SharedDrive {
  readonly label: 'FileSystem' | 'Jottacloud';
  /** Separator the drive's paths are shown with. */
  readonly sep: '/' | '\\';
  /** Registers the providers (and mounts JAFS:) on a new engine. */
  register(engine: ProviderEngine): Promise<void>;
  /** A fresh, empty working folder holding `tree` (`name/` = folder); its shown path. */
  makeFolder(tree: Record<string, string>): Promise<string>;
  /** The provider-qualified form of a shown path (`FileSystem::/tmp/x`, `Jottacloud::/Jotta/…`). */
  providerQualified(shown: string): string;
  /** Content of the file at `relative` under `base`, or undefined when there is none. */
  read(base: string, relative: string): Promise<string | undefined>;
  /** Names of the children of `relative` under `base`, sorted; undefined when it is missing. */
  list(base: string, relative?: string): Promise<string[] | undefined>;
  /** Whether `relative` under `base` is a container, a leaf or absent. */
  kind(base: string, relative: string): Promise<'container' | 'leaf' | undefined>;
  close(): Promise<void>;
}

const bySeparator = (relative: string) => relative.split(/[\\/]/).filter((s) => s !== '');

/** Working folders under one temp folder on the local disk. */
export async function fileSystemDrive(): Promise<SharedDrive> {
  const top = await realpath(await mkdtemp(join(tmpdir(), 'jafs-shared-')));
  let count = 0;
  const local = (base: string, relative = '') => join(base, ...bySeparator(relative));

  return {
    label: 'FileSystem',
    sep: '/',
    async register(engine) {
      engine.registerProvider(createFileSystemProvider());
    },
    async makeFolder(tree) {
      const base = join(top, `case ${++count}`);
      await mkdir(base);
      for (const [name, text] of Object.entries(tree)) {
        const full = local(base, name);
        if (name.endsWith('/')) await mkdir(full, { recursive: true });
        else {
          await mkdir(join(full, '..'), { recursive: true });
          await writeFile(full, text);
        }
      }
      return base;
    },
    providerQualified: (shown) => `FileSystem::${shown}`,
    read: (base, relative) => readFile(local(base, relative), 'utf8').catch(() => undefined),
    async list(base, relative) {
      const names = await readdir(local(base, relative)).catch(() => undefined);
      return names?.sort();
    },
    async kind(base, relative) {
      const info = await stat(local(base, relative)).catch(() => undefined);
      if (!info) return undefined;
      return info.isDirectory() ? 'container' : 'leaf';
    },
    close: () => rm(top, { recursive: true, force: true }),
  };
}

/** Working folders in the Archive mount point of a local JFS server, reached as `JAFS:`. */
export async function jottacloudDrive(): Promise<SharedDrive> {
  const dataDir = await mkdtemp(join(tmpdir(), 'jafs-shared-server-'));
  const server = await startServer({
    dataDir,
    port: 0,
    accounts: [{ username: 'demo', password: 'pw' }],
  });
  const connect = () =>
    new Jottacloud({
      baseUrl: server.url,
      auth: { type: 'basic', username: 'demo', password: 'pw' },
    });
  // The provider caches listings per client for a few seconds: each session gets a client of its
  // own (as each jafs process does), and the suite seeds and reads back through another one so
  // that it sees the server's state, not a drive's cache.
  const clients: Jottacloud[] = [];
  const probe = connect();
  let count = 0;
  const remote = (base: string, relative = '') =>
    ['', ...bySeparator(base.replace(/^JAFS:/, '')), ...bySeparator(relative)].join('/');
  const object = (base: string, relative = '') =>
    probe.getObject(remote(base, relative)).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });

  return {
    label: 'Jottacloud',
    sep: '\\',
    async register(engine) {
      const client = connect();
      clients.push(client);
      engine.registerProvider(createFileSystemProvider());
      engine.registerProvider(createJottacloudProvider({ client, webBaseUrl: server.url }));
      await engine.newDrive('Jottacloud', { name: 'JAFS', root: '/' });
    },
    async makeFolder(tree) {
      const base = `JAFS:\\Jotta\\Archive\\case ${++count}`;
      await probe.createFolder(remote(base));
      for (const [name, text] of Object.entries(tree)) {
        if (name.endsWith('/')) await probe.createFolder(remote(base, name));
        else await probe.upload(remote(base, name), textSource(text));
      }
      return base;
    },
    providerQualified: (shown) => `Jottacloud::${shown.replace(/^JAFS:/, '')}`,
    async read(base, relative) {
      const found = await object(base, relative);
      if (!found || found.kind !== 'file' || found.deleted) return undefined;
      const download = await probe.download(remote(base, relative));
      const chunks: Buffer[] = [];
      for await (const chunk of download.stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    async list(base, relative) {
      const found = await object(base, relative);
      if (!found || found.kind !== 'folder' || found.deleted) return undefined;
      const live = [...found.folders, ...found.files].filter((entry) => !entry.deleted);
      return live.map((entry) => entry.name).sort();
    },
    async kind(base, relative) {
      const found = await object(base, relative);
      if (!found || ('deleted' in found && found.deleted)) return undefined;
      return found.kind === 'file' ? 'leaf' : 'container';
    },
    async close() {
      await Promise.all(clients.map((client) => client.close()));
      await probe.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function textSource(text: string) {
  const bytes = Buffer.from(text, 'utf8');
  return { size: bytes.length, open: async () => Readable.from([bytes]) };
}
