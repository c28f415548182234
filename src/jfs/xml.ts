import { createRequire } from 'node:module';
import type { XMLParser } from 'fast-xml-parser';

import { ProtocolError } from './errors.js';
import type {
  Device,
  DeviceType,
  FileDirList,
  Folder,
  FolderEntry,
  JfsFile,
  MountPoint,
  Revision,
  RevisionState,
  SearchResult,
  TreeFolder,
  User,
} from './models.js';
import { toDeviceRelative } from './paths.js';
import { parseJfsTime } from './time.js';

/** A parsed XML element: attributes as `@_name`, text as `#text`, children by tag name. */
export type XmlNode = Record<string, unknown>;

/** Elements that are lists inside their container (`<files><file/>…</files>`). */
const LIST_ELEMENTS = [
  'folders.folder',
  'files.file',
  'devices.device',
  'mountPoints.mountPoint',
  'revisions.revision',
];

/**
 * fast-xml-parser is loaded with the first document, from its one-file CommonJS build: its ES
 * module build is ~30 files that every start would read, even a run that reaches no server.
 */
const require = createRequire(import.meta.url);
let parser: XMLParser | undefined;

function xmlParser(): XMLParser {
  if (parser) return parser;
  const { XMLParser } = require('fast-xml-parser') as typeof import('fast-xml-parser');
  // trimValues is off because names may start or end with a space (B19) and xml:space="preserve"
  // means exactly that; numbers and dates are trimmed where they are read.
  parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    htmlEntities: true,
    isArray: (_name, jpath) => LIST_ELEMENTS.some((list) => String(jpath).endsWith(list)),
  });
  return parser;
}

/** Parses a JFS document and returns its root element name and node. */
export function parseXmlDocument(xml: string): { root: string; node: XmlNode } {
  let parsed: XmlNode;
  try {
    parsed = xmlParser().parse(xml) as XmlNode;
  } catch (error) {
    throw new ProtocolError('The server sent XML the client cannot read.', { cause: error });
  }

  const root = Object.keys(parsed).find((key) => !key.startsWith('?') && !key.startsWith('#'));
  if (root === undefined) throw new ProtocolError('The server sent an empty XML document.');
  const node = parsed[root];
  return { root, node: typeof node === 'object' && node !== null ? (node as XmlNode) : {} };
}

function text(node: XmlNode, key: string): string | undefined {
  const value = node[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const inner = (value as XmlNode)['#text'];
    return typeof inner === 'string' ? inner : '';
  }
  return undefined;
}

function attribute(node: XmlNode, name: string): string | undefined {
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

function integer(node: XmlNode, key: string): number | undefined {
  const value = text(node, key)?.trim();
  if (!value) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function bool(node: XmlNode, key: string): boolean | undefined {
  const value = text(node, key)?.trim();
  return value ? value === 'true' : undefined;
}

function children(node: XmlNode, container: string, element: string): XmlNode[] {
  const holder = node[container];
  if (typeof holder !== 'object' || holder === null) return [];
  const list = (holder as XmlNode)[element];
  if (!Array.isArray(list)) return [];
  return list.map((item) => (typeof item === 'object' && item !== null ? (item as XmlNode) : {}));
}

function revision(node: unknown): Revision | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const element = node as XmlNode;
  const state = text(element, 'state')?.trim();

  return {
    number: integer(element, 'number') ?? 0,
    state: state === 'COMPLETED' || state === 'CORRUPT' ? state : 'INCOMPLETE',
    created: parseJfsTime(text(element, 'created')),
    modified: parseJfsTime(text(element, 'modified')),
    updated: parseJfsTime(text(element, 'updated')),
    mime: text(element, 'mime')?.trim() || undefined,
    size: integer(element, 'size'),
    md5: text(element, 'md5')?.trim().toLowerCase() || undefined,
  };
}

/** A `file` element, root or child. `user` turns server paths into device-relative ones. */
export function toFile(node: XmlNode, user: string | undefined): JfsFile {
  const current = revision(node.currentRevision);
  const latest = revision(node.latestRevision);
  const newest = latest ?? current;
  const shown = current ?? latest;
  const parent = text(node, 'path') ?? text(node, 'abspath');

  return {
    kind: 'file',
    name: attribute(node, 'name') ?? '',
    uuid: attribute(node, 'uuid') ?? '',
    path: parent === undefined ? undefined : toDeviceRelative(parent, user),
    deleted: parseJfsTime(attribute(node, 'deleted')),
    currentRevision: current,
    latestRevision: latest,
    revisions: children(node, 'revisions', 'revision')
      .map(revision)
      .filter((item): item is Revision => item !== undefined),
    publicUri: text(node, 'publicURI')?.trim() || undefined,
    state: newest?.state ?? ('INCOMPLETE' satisfies RevisionState),
    size: shown?.size,
    md5: shown?.md5,
    modified: shown?.modified,
    created: shown?.created,
  };
}

/** Short child folders; a trashed one's `abspath` (its original parent) is kept as `path`. */
function folderEntries(node: XmlNode, user: string | undefined): FolderEntry[] {
  return children(node, 'folders', 'folder').map((entry) => {
    const parent = text(entry, 'path') ?? text(entry, 'abspath');
    const publicUri = text(entry, 'publicURI')?.trim() || undefined;
    return {
      name: attribute(entry, 'name') ?? '',
      deleted: parseJfsTime(attribute(entry, 'deleted')),
      ...(parent === undefined ? {} : { path: toDeviceRelative(parent, user) }),
      ...(publicUri === undefined ? {} : { publicUri }),
    };
  });
}

function files(node: XmlNode, user: string | undefined): JfsFile[] {
  return children(node, 'files', 'file').map((entry) => toFile(entry, user));
}

export function toFolder(node: XmlNode, user: string | undefined): Folder {
  return {
    kind: 'folder',
    name: attribute(node, 'name') ?? '',
    path: toDeviceRelative(text(node, 'path') ?? text(node, 'abspath') ?? '', user),
    deleted: parseJfsTime(attribute(node, 'deleted')),
    publicUri: text(node, 'publicURI')?.trim() || undefined,
    folders: folderEntries(node, user),
    files: files(node, user),
  };
}

export function toMountPoint(node: XmlNode, user: string | undefined): MountPoint {
  return {
    kind: 'mountPoint',
    name: text(node, 'name') ?? '',
    device: text(node, 'device') ?? '',
    size: integer(node, 'size'),
    modified: parseJfsTime(text(node, 'modified')),
    deleted: parseJfsTime(text(node, 'deleted') ?? attribute(node, 'deleted')),
    folders: folderEntries(node, user),
    files: files(node, user),
  };
}

export function toDevice(node: XmlNode): Device {
  return {
    kind: 'device',
    name: text(node, 'name') ?? '',
    type: (text(node, 'type')?.trim() ?? 'WORKSTATION') as DeviceType,
    sid: text(node, 'sid')?.trim() ?? '',
    size: integer(node, 'size'),
    modified: parseJfsTime(text(node, 'modified')),
    mountPoints: children(node, 'mountPoints', 'mountPoint').map((entry) => ({
      name: text(entry, 'name') ?? '',
      size: integer(entry, 'size'),
      modified: parseJfsTime(text(entry, 'modified')),
      deleted: parseJfsTime(text(entry, 'deleted')),
    })),
  };
}

export function toUser(node: XmlNode): User {
  return {
    kind: 'user',
    username: text(node, 'username')?.trim() ?? '',
    accountType: text(node, 'account-type')?.trim() || undefined,
    capacity: integer(node, 'capacity') ?? -1,
    usage: integer(node, 'usage') ?? 0,
    locked: bool(node, 'locked') ?? false,
    readLocked: bool(node, 'read-locked') ?? false,
    writeLocked: bool(node, 'write-locked') ?? false,
    quotaWriteLocked: bool(node, 'quota-write-locked') ?? false,
    maxDevices: integer(node, 'max-devices'),
    maxMobileDevices: integer(node, 'max-mobile-devices'),
    enableSync: bool(node, 'enable-sync'),
    devices: children(node, 'devices', 'device').map((entry) => ({
      name: text(entry, 'name') ?? '',
      type: (text(entry, 'type')?.trim() ?? 'WORKSTATION') as DeviceType,
      sid: text(entry, 'sid')?.trim() ?? '',
      size: integer(entry, 'size'),
      modified: parseJfsTime(text(entry, 'modified')),
    })),
  };
}

export function toFileDirList(node: XmlNode, user: string | undefined): FileDirList {
  const folders: TreeFolder[] = children(node, 'folders', 'folder').map((entry) => ({
    name: attribute(entry, 'name') ?? '',
    path: toDeviceRelative(text(entry, 'path') ?? text(entry, 'abspath') ?? '', user),
    deleted: parseJfsTime(attribute(entry, 'deleted')),
    files: files(entry, user),
  }));
  return { kind: 'fileDirList', folders };
}

/** `searchresult` (Latest, Links): `<files>`, shared `<folders>` (Links), `<metadata total=…>`. */
export function toSearchResult(node: XmlNode, user: string | undefined): SearchResult {
  const found = files(node, user);
  const metadata = typeof node.metadata === 'object' && node.metadata !== null;
  const total = metadata ? Number(attribute(node.metadata as XmlNode, 'total')) : NaN;
  return {
    kind: 'searchResult',
    files: found,
    folders: folderEntries(node, user),
    total: Number.isFinite(total) ? total : found.length,
  };
}
