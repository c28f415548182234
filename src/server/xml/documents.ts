import { jfsTime } from '../format.js';
import { type Backend, type Located, ownPath, parentPath } from '../backend.js';
import type { Account } from '../store/accounts.js';
import { type RevisionRow, viewOf } from '../store/revisions.js';
import type { DeviceRow, NodeRow } from '../store/tree.js';
import { leaf, preserved, type XmlElement } from './writer.js';

/** Root element attributes every JFS document carries (§3.0). */
export function rootAttrs(backend: Backend): Record<string, string> {
  return { time: jfsTime(Math.floor(Date.now() / 1000)), host: backend.options.nodeName };
}

/** One revision element (`currentRevision`, `latestRevision` or `revision`, §3.6). */
export function revisionElement(name: string, rev: RevisionRow, showReceived: boolean): XmlElement {
  let size: XmlElement | undefined;
  if (rev.state === 'COMPLETED') size = leaf('size', rev.size);
  else if (rev.state === 'INCOMPLETE' && showReceived) size = leaf('size', rev.received);

  return {
    name,
    children: [
      leaf('number', rev.number),
      leaf('state', rev.state),
      leaf('created', jfsTime(rev.created)),
      leaf('modified', jfsTime(rev.modified)),
      leaf('mime', rev.mime),
      leaf('mstyle', rev.mime),
      size,
      leaf('md5', rev.md5),
      leaf('updated', jfsTime(rev.updated)),
    ],
  };
}

/** How much of a file element to write. */
export interface FileShape {
  /** `path` + `abspath` (direct GET, Latest, Links); otherwise only a trashed file's `abspath`. */
  paths: boolean;
  /** Older revisions and the bytes received of an INCOMPLETE latest (direct GET only). */
  history: boolean;
  /** `contextType="TRASH"` (Trash view). */
  trashContext?: boolean;
  root?: boolean;
}

/** `publicURI` + `publicSharePath` of a shared file or folder (§4.11); nothing when unshared. */
export function shareElements(backend: Backend, node: NodeRow): XmlElement[] {
  if (!node.public_uri) return [];
  return [
    leaf('publicURI', node.public_uri),
    leaf('publicSharePath', `s/${backend.options.shareIdPrefix}${node.public_uri}`),
  ];
}

/** What a caller listing many files already knows, so that each file costs no query of its own. */
export interface KnownAbout {
  /** The absolute path of the file's parent, as {@link parentPath} gives it. */
  parent?: string;
  /** Every revision of the file, newest first. */
  revisions?: RevisionRow[];
}

export function fileElement(
  backend: Backend,
  at: Located,
  shape: FileShape,
  known: KnownAbout = {},
): XmlElement {
  const { node } = at;
  const showPath = shape.paths || node.deleted !== null;
  // The path costs a query per ancestor: only asked for when it is printed and not known.
  const parent = showPath ? (known.parent ?? parentPath(backend, at)) : '';
  const view = known.revisions ? viewOf(known.revisions) : backend.revisions.view(node.id);
  const share = shareElements(backend, node);

  return {
    name: 'file',
    attrs: {
      name: node.name,
      uuid: node.uuid,
      deleted: node.deleted === null ? undefined : jfsTime(node.deleted),
      contextType: shape.trashContext ? 'TRASH' : undefined,
      ...(shape.root ? rootAttrs(backend) : {}),
    },
    children: [
      shape.paths ? preserved('path', parent) : undefined,
      showPath ? preserved('abspath', parent) : undefined,
      ...share,
      view.current ? revisionElement('currentRevision', view.current, false) : undefined,
      view.latest ? revisionElement('latestRevision', view.latest, shape.history) : undefined,
      shape.history && view.older.length > 0
        ? {
            name: 'revisions',
            children: view.older.map((r) => revisionElement('revision', r, false)),
          }
        : undefined,
    ],
  };
}

/** Short form of a child folder: bare for a live one, with `deleted` + `abspath` when trashed. */
export function childFolderElement(
  backend: Backend,
  at: Located,
  trashContext = false,
  knownParent?: string,
): XmlElement {
  const deleted = at.node.deleted;
  const abspath = (): string => knownParent ?? parentPath(backend, at);
  return {
    name: 'folder',
    attrs: {
      name: at.node.name,
      deleted: deleted === null ? undefined : jfsTime(deleted),
      contextType: trashContext ? 'TRASH' : undefined,
    },
    children: deleted === null ? undefined : [preserved('abspath', abspath())],
  };
}

/** `folders`/`files` lists plus `metadata` for a container's children (omitted when empty). */
export function childListing(backend: Backend, at: Located, children: NodeRow[]): XmlElement[] {
  const folders = children.filter((c) => c.kind !== 'file');
  const files = children.filter((c) => c.kind === 'file');
  const locate = (node: NodeRow): Located => ({ ...at, node });
  // One path and one revision query for the whole folder, not one per child.
  const parent = ownPath(backend, at);
  const revisions = files.length > 0 ? backend.revisions.ofChildren(at.node.id) : new Map();

  return [
    folders.length > 0
      ? {
          name: 'folders',
          children: folders.map((f) => childFolderElement(backend, locate(f), false, parent)),
        }
      : undefined,
    files.length > 0
      ? {
          name: 'files',
          children: files.map((f) =>
            fileElement(
              backend,
              locate(f),
              { paths: false, history: false },
              { parent, revisions: revisions.get(f.id) ?? [] },
            ),
          ),
        }
      : undefined,
    metadata({ total: children.length, num_folders: folders.length, num_files: files.length }),
  ].filter((e): e is XmlElement => e !== undefined);
}

export function metadata(counts: Record<string, number | string>): XmlElement {
  return { name: 'metadata', attrs: { first: '', max: '', ...counts } };
}

/** Size and last write of a device: the sums over its mount points. */
export function deviceStats(
  backend: Backend,
  device: DeviceRow,
): { size: number; modified: number | null } {
  const mounts = backend.tree.children(device.id, null).filter((m) => m.deleted === null);
  const ids = mounts.map((m) => m.id);
  const times = mounts.map((m) => m.modified).filter((t): t is number => t !== null);
  return {
    size: backend.revisions.subtreeSize(ids),
    modified: times.length ? Math.max(...times) : null,
  };
}

/** The device header elements shared by the user list and the device document. */
export function deviceHead(backend: Backend, device: DeviceRow): XmlElement[] {
  const stats = deviceStats(backend, device);
  return [
    preserved('name', device.name),
    preserved('display_name', device.name),
    leaf('type', device.type),
    leaf('sid', device.sid),
    leaf('size', stats.size),
    leaf('modified', jfsTime(stats.modified)),
  ];
}

export function userElement(backend: Backend, account: Account): XmlElement {
  const devices = backend.devices.all(account.id);
  return {
    name: 'user',
    attrs: rootAttrs(backend),
    children: [
      leaf('username', account.username),
      leaf('account-type', account.quota < 0 ? 'unlimited' : 'free'),
      leaf('locked', false),
      leaf('capacity', account.quota),
      leaf('max-devices', -1),
      leaf('max-mobile-devices', -1),
      leaf('usage', backend.revisions.usage(account.id)),
      leaf('read-locked', false),
      leaf('write-locked', false),
      leaf(
        'quota-write-locked',
        account.quota >= 0 && backend.revisions.usage(account.id) >= account.quota,
      ),
      leaf('enable-sync', true),
      leaf('enable-foldershare', true),
      devices.length > 0
        ? {
            name: 'devices',
            children: devices.map((d) => ({ name: 'device', children: deviceHead(backend, d) })),
          }
        : undefined,
    ],
  };
}
