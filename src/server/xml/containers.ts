import { jfsTime } from '../format.js';
import { type Backend, type Located, parentPath } from '../backend.js';
import type { Account } from '../store/accounts.js';
import type { DeviceRow } from '../store/tree.js';
import {
  childFolderElement,
  childListing,
  deviceHead,
  fileElement,
  metadata,
  rootAttrs,
  shareElements,
} from './documents.js';
import { leaf, preserved, type XmlElement } from './writer.js';

/** `device` document (§3.3); `listing: false` gives the short create response (§8.13). */
export function deviceDocument(
  backend: Backend,
  account: Account,
  device: DeviceRow,
  listing: boolean,
): XmlElement {
  const mounts = backend.tree.children(device.id, null);
  const mountElements = mounts.map((m) => {
    const ids = m.deleted === null ? [m.id] : [];
    return {
      name: 'mountPoint',
      children: [
        preserved('name', m.name),
        m.deleted !== null ? leaf('deleted', jfsTime(m.deleted)) : undefined,
        m.deleted !== null
          ? preserved('abspath', `/${account.username}/${device.name}`)
          : undefined,
        leaf('size', backend.revisions.subtreeSize(ids)),
        leaf('modified', jfsTime(m.modified)),
      ],
    };
  });

  return {
    name: 'device',
    attrs: rootAttrs(backend),
    children: [
      ...deviceHead(backend, device),
      leaf('user', account.username),
      listing && mounts.length > 0 ? { name: 'mountPoints', children: mountElements } : undefined,
      listing ? metadata({ total: mounts.length, num_mountpoints: mounts.length }) : undefined,
    ],
  };
}

/** `mountPoint` document (§3.4); `listing: false` is the create response without children. */
export function mountPointDocument(backend: Backend, at: Located, listing: boolean): XmlElement {
  const { node, device, account } = at;
  const devicePath = `/${account.username}/${device.name}`;
  const size = backend.revisions.subtreeSize([node.id]);

  return {
    name: 'mountPoint',
    attrs: {
      ...rootAttrs(backend),
      deleted: node.deleted === null ? undefined : jfsTime(node.deleted),
    },
    children: [
      preserved('name', node.name),
      preserved('path', devicePath),
      preserved('abspath', devicePath),
      leaf('size', size),
      leaf('modified', jfsTime(node.modified)),
      leaf('device', device.name),
      leaf('user', account.username),
      ...(listing ? childListing(backend, at, backend.tree.children(device.id, node.id)) : []),
    ],
  };
}

/** `folder` document (§3.5); `listing: false` is the mkDir/create response. */
export function folderDocument(backend: Backend, at: Located, listing: boolean): XmlElement {
  const parent = parentPath(backend, at);
  return {
    name: 'folder',
    attrs: {
      name: at.node.name,
      deleted: at.node.deleted === null ? undefined : jfsTime(at.node.deleted),
      ...rootAttrs(backend),
    },
    children: [
      preserved('path', parent),
      preserved('abspath', parent),
      ...shareElements(backend, at.node),
      ...(listing
        ? childListing(backend, at, backend.tree.children(at.device.id, at.node.id))
        : []),
    ],
  };
}

/** The Trash view (§4.12, §8.8): every trash entry of every device, original parent in abspath. */
export function trashDocument(backend: Backend, account: Account, jotta: DeviceRow): XmlElement {
  const entries = backend.tree.trashEntries(account.id).map((node) => ({
    account,
    device: backend.devices.byId(node.device_id),
    node,
  }));
  const folders = entries.filter((e) => e.node.kind !== 'file');
  const files = entries.filter((e) => e.node.kind === 'file');
  const devicePath = `/${account.username}/${jotta.name}`;

  return {
    name: 'mountPoint',
    attrs: rootAttrs(backend),
    children: [
      preserved('name', 'Trash'),
      preserved('path', devicePath),
      preserved('abspath', devicePath),
      leaf('size', ''),
      leaf('modified', ''),
      leaf('device', jotta.name),
      leaf('user', account.username),
      folders.length > 0
        ? { name: 'folders', children: folders.map((f) => childFolderElement(backend, f, true)) }
        : undefined,
      files.length > 0
        ? {
            name: 'files',
            children: files.map((f) =>
              fileElement(backend, f, { paths: false, history: false, trashContext: true }),
            ),
          }
        : undefined,
      metadata({ total: entries.length, num_folders: folders.length, num_files: files.length }),
    ],
  };
}

/**
 * The folder entries of a `filedirlist` (§3.8), one at a time: every folder of the subtree, the
 * start included, each with its own files. Trashed entries are included with `deleted` (the notes
 * say "probably yes"; clients filter). Each folder costs two queries (its children, and the
 * revisions of its files); paths are carried down instead of being looked up per entry.
 */
export function* fileDirListFolders(backend: Backend, start: Located): Generator<XmlElement> {
  // Depth first, children in name order: a stack, each folder's subfolders pushed in reverse.
  const pending = [{ node: start.node, parent: parentPath(backend, start) }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { node, parent } = next;
    const at = { ...start, node };
    const children = backend.tree.children(start.device.id, node.id);
    const files = children.filter((c) => c.kind === 'file');
    const revisions = files.length > 0 ? backend.revisions.ofChildren(node.id) : new Map();
    const own = `${parent}/${node.name}`;
    yield {
      name: 'folder',
      attrs: {
        name: node.name,
        deleted: node.deleted === null ? undefined : jfsTime(node.deleted),
      },
      children: [
        preserved('path', parent),
        preserved('abspath', parent),
        files.length > 0
          ? {
              name: 'files',
              children: files.map((f) =>
                fileElement(
                  backend,
                  { ...at, node: f },
                  { paths: false, history: false },
                  { parent: own, revisions: revisions.get(f.id) ?? [] },
                ),
              ),
            }
          : undefined,
      ],
    };
    const folders = children.filter((c) => c.kind !== 'file');
    for (let i = folders.length - 1; i >= 0; i -= 1)
      pending.push({ node: folders[i], parent: own });
  }
}
