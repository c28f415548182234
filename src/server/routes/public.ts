import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Backend } from '../backend.js';
import { JfsHttpError } from '../http/errors.js';
import type { NodeRow } from '../store/tree.js';
import type { JfsRequest } from './context.js';
import { download } from './download.js';
import { statementsOf } from '../store/statements.js';

/**
 * `GET /opin/io/downloadPublic/<user>/<publicURI>` (and `streamPublic`), the direct link of a
 * shared file (§4.11), without authentication: the 32-hex secret is the credential. Shared
 * folders would download as a zip on the real service; this server does not build zips.
 */
export function publicDownload(
  backend: Backend,
  req: IncomingMessage,
  res: ServerResponse,
  username: string,
  publicUri: string,
): void {
  const account = backend.accounts.find(username);
  const node = account
    ? (statementsOf(backend.db)
        .prepared(
          `SELECT n.* FROM nodes n JOIN devices d ON d.id = n.device_id
           WHERE d.account_id = ? AND n.public_uri = ?`,
        )
        .get(account.id, publicUri.toLowerCase()) as NodeRow | undefined)
    : undefined;
  if (!account || !node) {
    throw new JfsHttpError(
      404,
      'no.jotta.backup.errors.NoSuchFileException',
      'No such shared item',
    );
  }
  if (node.kind !== 'file') {
    throw new JfsHttpError(
      404,
      'no.jotta.backup.errors.NoSuchFileException',
      'Shared folders are not offered as zip downloads by this server',
    );
  }

  const device = backend.devices.byId(node.device_id);
  const names = [account.username, device.name, ...backend.tree.ancestorNames(node), node.name];
  const request: JfsRequest = { backend, req, res, account, names, query: new URLSearchParams() };
  download(request, { account, device, node });
}
