import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Backend, Located } from '../backend.js';
import { accessDenied, noSuchDevice, noSuchMountPoint, noSuchPath } from '../http/errors.js';
import type { Account } from '../store/accounts.js';
import type { DeviceRow } from '../store/tree.js';

/** One JFS request, decoded: who asks, which path (user segment first) and the query. */
export interface JfsRequest {
  backend: Backend;
  req: IncomingMessage;
  res: ServerResponse;
  account: Account;
  /** Decoded path segments after `/jfs/`: user, device, mount point, folders…, name. */
  names: string[];
  query: URLSearchParams;
}

/** `/<user>/<device>/<mp>/<a>/<b>` for messages, from the decoded names. */
export function shownPath(request: JfsRequest): string {
  return `/${request.names.join('/')}`;
}

/** Refuses a path of another account (the real service's answer is unknown; 403 is ours). */
export function checkOwner(request: JfsRequest): void {
  const user = request.names[0] ?? '';
  if (user.toLowerCase() !== request.account.username.toLowerCase()) {
    throw accessDenied(`Access denied for /${user}`);
  }
}

export function requireDevice(request: JfsRequest): DeviceRow {
  const device = request.backend.devices.device(request.account.id, request.names[1]);
  if (!device) throw noSuchDevice(`/${request.names.slice(0, 2).join('/')}`);
  return device;
}

/** The node the path names below the device; 404 in the service's words when there is none. */
export function locate(request: JfsRequest, device: DeviceRow): Located | undefined {
  const node = request.backend.tree.resolve(device.id, request.names.slice(2));
  return node ? { account: request.account, device, node } : undefined;
}

/** Like {@link locate} but 404 NoSuchMountPoint / NoSuchPath when missing. */
export function locateOrFail(request: JfsRequest, device: DeviceRow): Located {
  const found = locate(request, device);
  if (found) return found;

  const mount = request.backend.tree.resolve(device.id, request.names.slice(2, 3));
  if (!mount) throw noSuchMountPoint(shownPath(request));
  throw noSuchPath(shownPath(request));
}

/** Whether a query flag is present (any value: clients send `true`, md5s, or nothing). */
export function flag(query: URLSearchParams, name: string): boolean {
  return query.has(name);
}
