import { collectBlobs } from '../backend.js';
import { nowSeconds } from '../format.js';
import { invalidArgument, missingCommand, noSuchMountPoint } from '../http/errors.js';
import { discardBody } from '../http/request.js';
import { sendXml } from '../http/respond.js';
import { deviceDocument, mountPointDocument } from '../xml/containers.js';
import { userElement } from '../xml/documents.js';
import { flag, type JfsRequest, locate, requireDevice, shownPath } from './context.js';
import { runPathCommand } from './jfs-commands.js';
import { isUpload, legacyUpload } from './legacy-upload.js';

/** Device types a client may create (§3.3). */
const DEVICE_TYPES = [
  'WORKSTATION',
  'LAPTOP',
  'IMAC',
  'MACBOOK',
  'IPAD',
  'ANDROID',
  'IPHONE',
  'WINDOWS_PHONE',
  'CLI',
];

/** Every `POST /jfs/…`: device and mount point admin, path commands and legacy uploads. */
export async function handlePost(request: JfsRequest): Promise<void> {
  const { names } = request;
  if (names.length >= 4 && isUpload(request)) return legacyUpload(request);
  await discardBody(request.req);

  if (names.length === 1) throw missingCommand();
  if (names.length === 2) return deviceCommand(request);
  if (names.length === 3) return mountPointCommand(request);
  return runPathCommand(request);
}

async function deviceCommand(request: JfsRequest): Promise<void> {
  const { backend, res, account, query } = request;
  if (flag(query, 'rm')) {
    const device = requireDevice(request);
    if (device.type === 'JOTTA')
      throw invalidArgument('The built-in device Jotta cannot be deleted');
    const blobs = backend.db.transaction(() => backend.devices.remove(device))();
    await collectBlobs(backend, blobs);
    sendXml(res, 200, userElement(backend, account));
    return;
  }

  const type = query.get('type');
  if (type === null) throw missingCommand();
  if (!DEVICE_TYPES.includes(type.toUpperCase()))
    throw invalidArgument(`Unknown device type ${type}`);
  // JaFS: 201 Created even when the device exists (the existing one is returned unchanged).
  const device =
    backend.devices.device(account.id, names(request)[1]) ??
    backend.devices.create(account.id, names(request)[1], type.toUpperCase());
  sendXml(res, 201, deviceDocument(backend, account, device, false));
}

async function mountPointCommand(request: JfsRequest): Promise<void> {
  const { backend, res, account, query } = request;
  const device = requireDevice(request);
  const found = locate(request, device);
  const live = found && found.node.deleted === null ? found : undefined;

  if (flag(query, 'dl') || flag(query, 'rm')) {
    if (!live && !(flag(query, 'rm') && found)) throw noSuchMountPoint(shownPath(request));
    const at = live ?? found!;
    if (at.node.builtin)
      throw invalidArgument(`The built-in mount point ${at.node.name} cannot be deleted`);
    if (flag(query, 'rm')) {
      const blobs = backend.db.transaction(() => backend.tree.remove(at.node))();
      await collectBlobs(backend, blobs);
      sendXml(res, 200, deviceDocument(backend, account, device, false));
      return;
    }
    backend.tree.trash(at.node, nowSeconds());
    sendXml(
      res,
      200,
      mountPointDocument(backend, { ...at, node: backend.tree.node(at.node.id) }, false),
    );
    return;
  }

  if (flag(query, 'mkDir') || [...query.keys()].length === 0) {
    const node = live?.node ?? backend.tree.ensureLiveFolders(device.id, [request.names[2]]);
    const status = live || flag(query, 'mkDir') ? 200 : 201;
    sendXml(res, status, mountPointDocument(backend, { account, device, node }, false));
    return;
  }
  throw missingCommand();
}

function names(request: JfsRequest): string[] {
  return request.names;
}
