import { createHash } from 'node:crypto';
import { JafsError } from '../core/errors.js';
import { type Backend, collectBlobs } from './backend.js';
import { mimeFor, nowSeconds } from './format.js';
import { conflict } from './http/errors.js';
import { validateNames } from './http/request.js';
import type { Account } from './store/accounts.js';
import { fold, type DeviceRow, type NodeRow } from './store/tree.js';

/** One folder or file for {@link seedTree}. */
export interface SeedEntry {
  /** Below the account: `<device>/<mount point>/<folders…>/<name>` (`Jotta/Archive/a/b.txt`). */
  path: string;
  /** The file's bytes; leave it out for a folder. */
  content?: Buffer | string;
  /** Creation and modification time of a file. @default now */
  modified?: Date;
}

/** What a seed created. */
export interface SeedReport {
  folders: number;
  files: number;
  /** Blob files written: contents already stored, or repeated in the seed, are written once. */
  blobs: number;
}

/** Raised when a seed names an account or a device that does not exist. */
export class SeedTargetError extends JafsError {
  constructor(what: string) {
    super(`Cannot seed: ${what} does not exist on this server. Create it first.`, {
      code: 'ESERVER_SEED',
      errorId: 'SeedTargetMissing',
      category: 'ObjectNotFound',
    });
  }
}

interface PendingFile {
  device: DeviceRow;
  names: string[];
  md5: string;
  size: number;
  modified: number;
}

/**
 * Puts folders and files straight into the store, for tests and benchmarks that need a big tree
 * quickly (thousands of uploads would take minutes). The contents are written (and fsynced) to
 * `blobs/` first, once per distinct MD5; then every node and revision goes in one transaction.
 * Missing folders are created; a file that exists gets a new COMPLETED revision, as an upload
 * would give it. The result is what uploads of the same files would have left.
 */
export async function seedTree(
  backend: Backend,
  username: string,
  entries: Iterable<SeedEntry>,
): Promise<SeedReport> {
  const account = backend.accounts.find(username);
  if (!account) throw new SeedTargetError(`the account ${username}`);

  const report: SeedReport = { folders: 0, files: 0, blobs: 0 };
  const stored = new Set<string>();
  const written: string[] = [];
  const devices = new Map<string, DeviceRow>();
  const folders: { device: DeviceRow; names: string[] }[] = [];
  const files: PendingFile[] = [];
  for (const entry of entries) {
    const { device, names } = target(backend, account, entry.path, devices);
    if (entry.content === undefined) {
      folders.push({ device, names });
      continue;
    }
    const content = Buffer.from(entry.content);
    const md5 = createHash('md5').update(content).digest('hex');
    if (!stored.has(md5)) {
      stored.add(md5);
      if (await backend.blobs.storeBlob(md5, content)) written.push(md5);
    }
    const modified = Math.floor((entry.modified?.getTime() ?? Date.now()) / 1000);
    files.push({ device, names, md5, size: content.length, modified });
  }

  let released: string[];
  try {
    released = backend.db.transaction(() => insert(backend, folders, files, report))();
  } catch (error) {
    // Nothing of a refused seed stays: the blobs it wrote have no revision.
    await collectBlobs(backend, written);
    throw error;
  }
  await collectBlobs(backend, released);
  report.blobs = written.length;
  return report;
}

/** The device (looked up once per name) and the names below it, mount point first. */
function target(
  backend: Backend,
  account: Account,
  path: string,
  devices: Map<string, DeviceRow>,
): { device: DeviceRow; names: string[] } {
  const parts = path.split('/').filter((p) => p !== '');
  if (parts.length < 2) throw new SeedTargetError(`a mount point in the path ${path}`);
  validateNames(parts, path, backend.options.quirks);
  const device = devices.get(parts[0]) ?? backend.devices.device(account.id, parts[0]);
  if (!device) throw new SeedTargetError(`the device ${parts[0]}`);
  devices.set(parts[0], device);
  return { device, names: parts.slice(1) };
}

/** The inserts, inside the seed's transaction; returns blob hashes that retention released. */
function insert(
  backend: Backend,
  folders: { device: DeviceRow; names: string[] }[],
  files: PendingFile[],
  report: SeedReport,
): string[] {
  // Each folder is looked up (or made) once, however many files it receives.
  const known = new Map<string, NodeRow>();
  const mounts = new Set<NodeRow>();
  const folderAt = (device: DeviceRow, names: string[]): NodeRow => {
    let key = String(device.id);
    let parent: NodeRow | undefined;
    for (const [depth, name] of names.entries()) {
      key += `/${fold(name)}`;
      let node = known.get(key);
      if (!node) {
        node = backend.tree.liveChild(device.id, parent?.id ?? null, name);
        if (node?.kind === 'file') throw conflict(`${name} is a file, not a folder`);
        if (!node) {
          const kind = depth === 0 ? 'mount' : 'folder';
          node = backend.tree.insertNode(device.id, parent?.id ?? null, kind, name);
          report.folders += depth === 0 ? 0 : 1;
        }
        known.set(key, node);
      }
      if (depth === 0) mounts.add(node);
      parent = node;
    }
    return parent as NodeRow;
  };

  for (const folder of folders) folderAt(folder.device, folder.names);
  const released: string[] = [];
  for (const file of files) {
    const parent = folderAt(file.device, file.names.slice(0, -1));
    const name = file.names[file.names.length - 1];
    const existing = backend.tree.liveChild(file.device.id, parent.id, name);
    if (existing && existing.kind !== 'file') throw conflict(`${name} is a folder`);
    const node = existing ?? backend.tree.insertNode(file.device.id, parent.id, 'file', name);
    backend.revisions.record(node, {
      state: 'COMPLETED',
      created: file.modified,
      modified: file.modified,
      mime: mimeFor(name),
      md5: file.md5,
      size: file.size,
      received: file.size,
      blob: file.md5,
    });
    // Only a file that was there before can have revisions beyond what retention keeps.
    if (existing) released.push(...backend.revisions.prune(node.id).blobs);
    report.files += 1;
  }
  const now = nowSeconds();
  for (const mount of mounts) backend.tree.touchMount(mount, now);
  return released;
}
