import { randomBytes } from 'node:crypto';
import type { Located } from '../backend.js';
import { sendXml } from '../http/respond.js';
import type { NodeRow } from '../store/tree.js';
import {
  deviceDocument,
  fileDirListDocument,
  folderDocument,
  mountPointDocument,
  trashDocument,
} from '../xml/containers.js';
import { fileElement, metadata, rootAttrs, userElement } from '../xml/documents.js';
import type { XmlElement } from '../xml/writer.js';
import { type JfsRequest, locate, locateOrFail, requireDevice } from './context.js';
import { download } from './download.js';
import { sendListStream } from './liststream.js';

/** Views of the built-in device that are not mount points (§4.12). */
const VIEWS = ['trash', 'links', 'latest'];

/** Every `GET /jfs/…`: documents, downloads, recursive listings, views and share toggles. */
export function handleGet(request: JfsRequest): void {
  const { backend, res, names } = request;
  if (names.length === 1) {
    sendXml(res, 200, userElement(backend, request.account));
    return;
  }

  const device = requireDevice(request);
  if (names.length === 2) {
    sendXml(res, 200, deviceDocument(backend, request.account, device, true));
    return;
  }

  const view = names[2].toLowerCase();
  if (
    device.type === 'JOTTA' &&
    VIEWS.includes(view) &&
    names.length === 3 &&
    !locate(request, device)
  ) {
    sendView(request, view);
    return;
  }

  const at = locateOrFail(request, device);
  const mode = request.query.get('mode');
  if (mode === 'bin') return download(request, at);
  if (mode === 'list' && at.node.kind !== 'file')
    return sendXml(res, 200, fileDirListDocument(backend, at));
  if (mode === 'liststream' && at.node.kind !== 'file') return sendListStream(request, at);
  if (mode === 'enableShare' || mode === 'disableShare') {
    backend.tree.setPublicUri(
      at.node,
      mode === 'enableShare' ? (at.node.public_uri ?? randomBytes(16).toString('hex')) : null,
    );
    at.node = backend.tree.node(at.node.id);
  }
  sendXml(res, 200, nodeDocument(request, at));
}

/** The document of a node as a direct GET returns it. */
export function nodeDocument(request: JfsRequest, at: Located): XmlElement {
  const { backend } = request;
  if (at.node.kind === 'mount') return mountPointDocument(backend, at, true);
  if (at.node.kind === 'folder') return folderDocument(backend, at, true);
  return fileElement(backend, at, { paths: true, history: true, root: true });
}

function sendView(request: JfsRequest, view: string): void {
  const { backend, res, account } = request;
  const jotta = requireDevice(request);
  if (view === 'trash') {
    sendXml(res, 200, trashDocument(backend, account, jotta));
    return;
  }

  let files: NodeRow[];
  if (view === 'links') {
    files = backend.tree.sharedFiles(account.id);
  } else {
    files = latestFiles(request);
  }
  const located = files.map((node) => ({
    account,
    device: backend.tree.deviceById(node.device_id),
    node,
  }));
  const total = view === 'latest' ? latestCount(request) : located.length;
  sendXml(res, 200, {
    name: 'searchresult',
    attrs: rootAttrs(backend),
    children: [
      located.length > 0
        ? {
            name: 'files',
            children: located.map((at) =>
              fileElement(backend, at, { paths: true, history: false }),
            ),
          }
        : undefined,
      metadata({ total, num_files: total }),
    ],
  });
}

/** Latest: live files with a completed revision, most recently updated first, `max` of them. */
function latestFiles(request: JfsRequest): NodeRow[] {
  const max = Math.max(1, Number.parseInt(request.query.get('max') ?? '10', 10) || 10);
  return request.backend.db
    .prepare(
      `SELECT n.* FROM nodes n JOIN devices d ON d.id = n.device_id JOIN revisions r ON r.node_id = n.id
       WHERE d.account_id = ? AND n.kind = 'file' AND n.deleted IS NULL AND r.state = 'COMPLETED'
       GROUP BY n.id ORDER BY max(r.updated) DESC, n.id DESC LIMIT ?`,
    )
    .all(request.account.id, max) as NodeRow[];
}

/** Latest's `num_files` shows the unlimited count (JaFS note, §3.7). */
function latestCount(request: JfsRequest): number {
  return request.backend.db
    .prepare(
      `SELECT count(DISTINCT n.id) FROM nodes n JOIN devices d ON d.id = n.device_id JOIN revisions r ON r.node_id = n.id
       WHERE d.account_id = ? AND n.kind = 'file' AND n.deleted IS NULL AND r.state = 'COMPLETED'`,
    )
    .pluck()
    .get(request.account.id) as number;
}
