import { NotFoundError, ProtocolError } from './errors.js';
import type {
  Device,
  FileDirList,
  Folder,
  JfsFile,
  MountPoint,
  SearchResult,
  User,
} from './models.js';
import { absoluteQueryValue, joinPath, jfsUrlPath, parseItemPath } from './paths.js';
import { formatJfsTime } from './time.js';
import type { Transport } from './transport.js';
import { retryVerified } from './verified-retry.js';
import {
  parseXmlDocument,
  toDevice,
  toFile,
  toFileDirList,
  toFolder,
  toMountPoint,
  toSearchResult,
  toUser,
  type XmlNode,
} from './xml.js';

/** A parsed answer with the username needed to make its paths device-relative. */
export interface JfsDocument {
  root: string;
  node: XmlNode;
  user: string;
}

type Command = 'mv' | 'mvDir' | 'cp';

/** The model each root element becomes. */
interface RootModels {
  user: User;
  device: Device;
  mountPoint: MountPoint;
  folder: Folder;
  file: JfsFile;
  filedirlist: FileDirList;
  searchresult: SearchResult;
}

/**
 * The JFS verbs on object URLs (§4.0): reads, command POSTs (no body, `Content-Length: 0`, no
 * Content-Type), and the conversion of answers into models. Used by the Jottacloud class.
 */
export class ObjectRequests {
  constructor(
    private readonly transport: Transport,
    private readonly baseUrl: string,
    private readonly username: (signal?: AbortSignal) => Promise<string>,
  ) {}

  async url(names: readonly string[], signal?: AbortSignal, trailingSlash = false): Promise<URL> {
    const path = jfsUrlPath(await this.username(signal), names) + (trailingSlash ? '/' : '');
    return new URL(this.baseUrl + path);
  }

  async user(signal?: AbortSignal): Promise<User> {
    const document = await this.get([], 'read', signal);
    if (document.root !== 'user') throw this.unexpected(document.root, '/');
    return toUser(document.node);
  }

  async get(
    names: readonly string[],
    action: string,
    signal?: AbortSignal,
    query: Record<string, string> = {},
  ): Promise<JfsDocument> {
    const url = await this.url(names, signal);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    const user = await this.username(signal);
    const xml = await this.transport.text({
      method: 'GET',
      url,
      path: joinPath(names),
      action,
      idempotent: true,
      signal,
    });
    return { ...parseXmlDocument(xml), user };
  }

  /** An idempotent command POST (`mkDir`, `dl`, `rm`, `type=`…): safe to repeat. */
  async post(
    names: readonly string[],
    query: Record<string, string>,
    action: string,
    signal?: AbortSignal,
  ): Promise<JfsDocument> {
    const url = await this.url(names, signal);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return this.postTo(url, names, action, true, signal);
  }

  /** `mv`, `mvDir` or `cp`: sent once; `retryVerified` decides about another attempt. */
  async command(
    names: readonly string[],
    command: Command,
    target: readonly string[],
    signal?: AbortSignal,
  ): Promise<JfsDocument> {
    const user = await this.username(signal);
    const url = await this.url(names, signal, command === 'mvDir');
    // Built by hand: URLSearchParams would write spaces as `+` (fine for the server) but the
    // explicit %20 form also survives servers that do not form-decode.
    url.search = `?${command}=${absoluteQueryValue(user, target)}`;
    const action = command === 'cp' ? 'copy' : 'move';
    return this.postTo(url, names, action, false, signal);
  }

  private async postTo(
    url: URL,
    names: readonly string[],
    action: string,
    idempotent: boolean,
    signal?: AbortSignal,
  ): Promise<JfsDocument> {
    const user = await this.username(signal);
    const xml = await this.transport.text({
      method: 'POST',
      url,
      path: joinPath(names),
      action,
      idempotent,
      signal,
    });
    return { ...parseXmlDocument(xml), user };
  }

  /** Converts a document whose root must be one of `roots`. */
  expect<Root extends keyof RootModels>(
    roots: Root | readonly Root[],
    document: JfsDocument,
  ): RootModels[Root] {
    const allowed: readonly string[] = typeof roots === 'string' ? [roots] : roots;
    if (!allowed.includes(document.root)) throw this.unexpected(document.root);
    return this.toObject(document) as RootModels[Root];
  }

  toObject(document: JfsDocument): RootModels[keyof RootModels] {
    const { root, node, user } = document;
    switch (root) {
      case 'user':
        return toUser(node);
      case 'device':
        return toDevice(node);
      case 'mountPoint':
        return toMountPoint(node, user);
      case 'folder':
        return toFolder(node, user);
      case 'file':
        return toFile(node, user);
      case 'filedirlist':
        return toFileDirList(node, user);
      case 'searchresult':
        return toSearchResult(node, user);
      default:
        throw this.unexpected(root);
    }
  }

  asFile(document: JfsDocument): JfsFile {
    return this.expect('file', document);
  }

  /** mkDir on a mount point answers with the mount point: shown as a folder of its device. */
  asFolder(document: JfsDocument): Folder {
    if (document.root === 'mountPoint') {
      const mountPoint = toMountPoint(document.node, document.user);
      const { name, deleted, folders, files } = mountPoint;
      return { kind: 'folder', name, path: '/' + mountPoint.device, deleted, folders, files };
    }
    return this.expect('folder', document);
  }

  async move<Kind extends 'file' | 'folder'>(
    path: string,
    destination: string,
    kind: Kind,
    signal?: AbortSignal,
  ): Promise<RootModels[Kind]> {
    const names = parseItemPath(path, 3, `a ${kind}`);
    const target = parseItemPath(destination, 3, `a ${kind}`);
    const command = kind === 'file' ? 'mv' : 'mvDir';

    return retryVerified(
      this.transport.retry,
      async () => this.expect(kind, await this.command(names, command, target, signal)),
      async () =>
        (await this.movedAlready(names, target, kind, signal)) as RootModels[Kind] | undefined,
      signal,
    );
  }

  /** A move happened when the source is gone (or trashed) and the destination is live. */
  private async movedAlready(
    names: readonly string[],
    target: readonly string[],
    kind: 'file' | 'folder',
    signal?: AbortSignal,
  ): Promise<JfsFile | Folder | undefined> {
    const source = await this.liveOrUndefined(names, signal);
    if (source !== undefined) return undefined;
    const moved = await this.liveOrUndefined(target, signal);
    return moved?.kind === kind ? moved : undefined;
  }

  /** A copy happened when the destination is live with the source's current MD5. */
  async copiedAlready(
    names: readonly string[],
    target: readonly string[],
    signal?: AbortSignal,
  ): Promise<JfsFile | undefined> {
    const source = await this.liveOrUndefined(names, signal);
    const copy = await this.liveOrUndefined(target, signal);
    if (source?.kind !== 'file' || copy?.kind !== 'file') return undefined;
    return copy.md5 !== undefined && copy.md5 === source.md5 ? copy : undefined;
  }

  private async liveOrUndefined(names: readonly string[], signal?: AbortSignal) {
    try {
      const object = this.toObject(await this.get(names, 'read', signal));
      if (object.kind !== 'file' && object.kind !== 'folder') return undefined;
      return object.deleted ? undefined : object;
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  /** `cphash` (§4.9) brings a trashed copy destination back with the copied content. */
  async revive(target: readonly string[], copied: JfsFile, signal?: AbortSignal) {
    const revision = copied.currentRevision;
    if (!revision?.md5 || revision.size === undefined) return copied;

    const url = await this.url(target, signal);
    url.searchParams.set('cphash', 'true');
    const headers: Record<string, string> = {
      JMd5: revision.md5,
      JSize: String(revision.size),
    };
    if (revision.created) headers.JCreated = formatJfsTime(revision.created);
    if (revision.modified) headers.JModified = formatJfsTime(revision.modified);

    const xml = await this.transport.text({
      method: 'POST',
      url,
      headers,
      path: joinPath(target),
      action: 'restore',
      idempotent: true,
      signal,
    });
    const user = await this.username(signal);
    return this.asFile({ ...parseXmlDocument(xml), user });
  }

  private unexpected(root: string, path?: string): ProtocolError {
    return new ProtocolError(`The server answered with an unexpected <${root}> document.`, {
      path,
    });
  }
}
