import { type Backend, collectBlobs, type Located } from '../backend.js';
import { mimeFor, nowSeconds, parseClientTime } from '../format.js';
import {
  accessDenied,
  conflict,
  invalidArgument,
  JfsHttpError,
  missingCommand,
  noSuchDevice,
  noSuchFile,
  noSuchPath,
} from '../http/errors.js';
import { validateNames } from '../http/request.js';
import { sendXml } from '../http/respond.js';
import type { DeviceRow, NodeRow } from '../store/tree.js';
import { afterPrune, checkQuota } from '../upload-machine.js';
import { folderDocument } from '../xml/containers.js';
import { fileElement } from '../xml/documents.js';
import { flag, type JfsRequest, locate, requireDevice, shownPath } from './context.js';
import { nodeDocument } from './jfs-read.js';

/** POST commands on a path below a mount point (§4.5–§4.9). */
export async function runPathCommand(request: JfsRequest): Promise<void> {
  const { query } = request;
  const device = requireDevice(request);
  if (flag(query, 'mkDir')) return mkDir(request, device);
  if (flag(query, 'mvDir')) return move(request, device, 'folder', query.get('mvDir') ?? '');
  if (flag(query, 'mv')) return move(request, device, 'file', query.get('mv') ?? '');
  if (flag(query, 'cp')) return copy(request, device, query.get('cp') ?? '');
  if (flag(query, 'dlDir')) return softDelete(request, device, 'folder');
  if (flag(query, 'dl')) return softDelete(request, device, 'file');
  if (flag(query, 'rmDir')) return hardDelete(request, device, 'folder');
  if (flag(query, 'rm')) return hardDelete(request, device, 'file');
  if (flag(query, 'cphash')) return cphash(request, device);
  throw missingCommand();
}

function mkDir(request: JfsRequest, device: DeviceRow): void {
  if (request.backend.options.quirks.mkDirReturnsTrashed) {
    const found = locate(request, device);
    if (found && found.node.deleted !== null && found.node.kind === 'folder') {
      sendXml(request.res, 200, folderDocument(request.backend, found, false));
      return;
    }
  }
  const node = request.backend.tree.ensureLiveFolders(device.id, request.names.slice(2));
  const at = { account: request.account, device, node };
  sendXml(
    request.res,
    200,
    node.kind === 'mount' ? nodeDocument(request, at) : folderDocument(request.backend, at, false),
  );
}

/** `mv` (files) and `mvDir` (folders): the destination is `/<user>/<device>/<mp>/<path>`. */
function move(
  request: JfsRequest,
  device: DeviceRow,
  kind: 'file' | 'folder',
  destination: string,
): void {
  const { backend } = request;
  const source = locate(request, device);
  if (!source || source.node.deleted !== null || source.node.kind !== kind) {
    throw kind === 'file'
      ? noSuchFile(shownPath(request), true)
      : noSuchPath(shownPath(request), true);
  }

  const target = parseDestination(request, destination);
  const moved = backend.db.transaction(() => {
    const parent = backend.tree.ensureLiveFolders(target.device.id, target.names.slice(0, -1));
    if (kind === 'folder' && backend.tree.subtreeIds(source.node.id).includes(parent.id)) {
      throw invalidArgument('A folder cannot be moved into itself');
    }
    return backend.tree.move(
      source.node,
      target.device.id,
      parent.id,
      target.names[target.names.length - 1],
    );
  })();

  const at = { account: request.account, device: target.device, node: moved };
  sendXml(
    request.res,
    200,
    kind === 'file' ? nodeDocument(request, at) : folderDocument(backend, at, false),
  );
}

/**
 * `cp`: a new file (or a new revision of the file already there) sharing the source's current
 * content. Onto a trashed file the copy lands as a new revision that stays in the trash — the
 * quirk rclone works around with cphash (rclone#6112).
 */
async function copy(request: JfsRequest, device: DeviceRow, destination: string): Promise<void> {
  const { backend } = request;
  const source = locate(request, device);
  const current =
    source && source.node.kind === 'file'
      ? backend.revisions.view(source.node.id).current
      : undefined;
  if (!source || source.node.deleted !== null || !current)
    throw noSuchFile(shownPath(request), true);

  const target = parseDestination(request, destination);
  const copied = backend.db.transaction(() => {
    checkQuota(backend, request.account, current.size);
    const existing = backend.tree.resolve(target.device.id, target.names);
    if (existing && existing.kind !== 'file') throw conflict(`${destination} is a folder`);
    const node = existing ?? newFileAt(backend, target.device, target.names);
    backend.revisions.add(node, {
      ...current,
      mime: mimeFor(node.name),
      state: 'COMPLETED',
      received: current.size,
    });
    backend.tree.touchMount(node, nowSeconds());
    return { node: backend.tree.node(node.id), dropped: backend.revisions.prune(node.id) };
  })();

  await afterPrune(backend, copied.dropped);
  const at = { account: request.account, device: target.device, node: copied.node };
  sendXml(request.res, 200, nodeDocument(request, at));
}

function softDelete(request: JfsRequest, device: DeviceRow, kind: 'file' | 'folder'): void {
  const { backend, res } = request;
  const found = locate(request, device);
  if (!found || found.node.deleted !== null || found.node.kind !== kind) {
    if (kind === 'file' && backend.options.quirks.softDeleteMissingStatus === 200 && !found) {
      sendXml(res, 200, { name: 'file', attrs: { name: request.names[request.names.length - 1] } });
      return;
    }
    throw kind === 'file' ? noSuchFile(shownPath(request)) : noSuchPath(shownPath(request));
  }

  backend.tree.trash(found.node, nowSeconds());
  const at = { ...found, node: backend.tree.node(found.node.id) };
  sendXml(
    res,
    200,
    kind === 'file' ? nodeDocument(request, at) : folderDocument(backend, at, false),
  );
}

/** `rm` / `rmDir`: permanent, also for an already-trashed item at its original path (X1). */
async function hardDelete(
  request: JfsRequest,
  device: DeviceRow,
  kind: 'file' | 'folder',
): Promise<void> {
  const { backend, res } = request;
  const found = locate(request, device);
  if (!found || found.node.kind !== kind) {
    throw kind === 'file' ? noSuchFile(shownPath(request)) : noSuchPath(shownPath(request));
  }

  const document =
    kind === 'file' ? nodeDocument(request, found) : folderDocument(backend, found, false);
  const blobs = backend.db.transaction(() => backend.tree.remove(found.node))();
  await collectBlobs(backend, blobs);
  sendXml(res, 200, document);
}

/**
 * `cphash` (§4.9): with JMd5/JSize, touch a file that has this content, restore a trashed one,
 * or create the file/revision from content the account already stores; 404 means "upload it".
 */
async function cphash(request: JfsRequest, device: DeviceRow): Promise<void> {
  const { backend, req } = request;
  const md5 = String(req.headers.jmd5 ?? '');
  const size = Number(req.headers.jsize);
  if (!/^[0-9a-fA-F]{32}$/.test(md5) || !Number.isSafeInteger(size) || size < 0) {
    throw invalidArgument('cphash needs the headers JMd5 (32 hex digits) and JSize');
  }
  const now = nowSeconds();
  const created = parseClientTime(req.headers.jcreated, now);
  const modified = parseClientTime(req.headers.jmodified, now);

  let dropped: { blobs: string[]; partials: number[] } = { blobs: [], partials: [] };
  const result = backend.db.transaction((): NodeRow | undefined => {
    const names = request.names.slice(2);
    const found = backend.tree.resolve(device.id, names);
    if (found && found.kind !== 'file') throw conflict(`${shownPath(request)} is a folder`);
    const current = found ? backend.revisions.view(found.id).current : undefined;
    const matches =
      current !== undefined &&
      current.md5.toLowerCase() === md5.toLowerCase() &&
      current.size === size;
    const blob = matches
      ? current.blob
      : backend.revisions.findContent(request.account.id, md5, size);
    if (blob === undefined || blob === null) return undefined;

    let node = found;
    if (node && node.deleted !== null) {
      const parent = backend.tree.ensureLiveFolders(device.id, names.slice(0, -1));
      backend.tree.revive(node, parent.id);
    }
    node ??= newFileAt(backend, device, names);
    if (matches) {
      backend.revisions.setTimes(current, created, modified);
    } else {
      checkQuota(backend, request.account, size);
      backend.revisions.add(node, {
        state: 'COMPLETED',
        created,
        modified,
        mime: mimeFor(node.name),
        md5,
        size,
        received: size,
        blob,
      });
      backend.tree.touchMount(node, now);
      dropped = backend.revisions.prune(node.id);
    }
    return backend.tree.node(node.id);
  })();
  await afterPrune(backend, dropped);

  if (!result)
    throw new JfsHttpError(
      404,
      'no.jotta.backup.errors.NoSuchFileException',
      'No content with this md5 and size; upload the file',
    );
  const at: Located = { account: request.account, device, node: result };
  sendXml(request.res, 200, fileElement(backend, at, { paths: true, history: false, root: true }));
}

function newFileAt(backend: Backend, device: DeviceRow, names: string[]): NodeRow {
  const parent = backend.tree.ensureLiveFolders(device.id, names.slice(0, -1));
  return backend.tree.createNode(device.id, parent.id, 'file', names[names.length - 1]);
}

/** A move/copy destination: absolute `/<user>/<device>/<mp>/<path>` of the same account. */
function parseDestination(
  request: JfsRequest,
  destination: string,
): { device: DeviceRow; names: string[] } {
  const parts = destination.split('/').filter((p) => p !== '');
  if (parts.length < 4)
    throw invalidArgument(
      `Destination ${destination} must be /<user>/<device>/<mount point>/<name>`,
    );
  validateNames(parts, destination, request.backend.options.quirks);
  if (parts[0].toLowerCase() !== request.account.username.toLowerCase())
    throw accessDenied(`Access denied for /${parts[0]}`);

  const device = request.backend.devices.device(request.account.id, parts[1]);
  if (!device) throw noSuchDevice(`/${parts.slice(0, 2).join('/')}`);
  return { device, names: parts.slice(2) };
}
