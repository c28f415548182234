import { guardStream } from './download.js';
import { ConflictError, NotFoundError } from './errors.js';
import { parseListStream, type StreamEntry } from './liststream.js';
import type { JfsFile, SearchResult } from './models.js';
import type { ObjectRequests } from './object-requests.js';
import { joinPath } from './paths.js';
import type { Transport } from './transport.js';

/**
 * Verbs beyond the core CRUD set: trash restore and purge (§4.13, B30), public links (§4.11)
 * and the streamed recursive listing (§3.9). Used by the Jottacloud class.
 */
export class ExtraRequests {
  constructor(
    private readonly transport: Transport,
    private readonly apiBaseUrl: string,
    private readonly requests: ObjectRequests,
  ) {}

  /** Revives a trashed file at its original path with `cphash` and its tombstone's hash. */
  async restoreFile(names: string[], signal?: AbortSignal): Promise<JfsFile> {
    const path = joinPath(names);
    const tombstone = this.requests.toObject(await this.requests.get(names, 'restore', signal));
    if (tombstone.kind !== 'file' || !tombstone.deleted) {
      throw new NotFoundError(`Cannot restore ${path}: there is no trashed file there.`, { path });
    }
    if (!tombstone.currentRevision?.md5) {
      throw new ConflictError(`Cannot restore ${path}: it never finished uploading.`, { path });
    }

    const restored = await this.requests.revive(names, tombstone, signal);
    if (restored.deleted) {
      throw new ConflictError(`The server kept ${path} in the trash. Try again later.`, { path });
    }
    return restored;
  }

  /** Empties the trash for good: `POST /files/v1/purge_trash`. */
  async purgeTrash(signal?: AbortSignal): Promise<{ folders: number; files: number }> {
    const answer = await this.transport.json<{ folders?: number; files?: number }>({
      method: 'POST',
      url: new URL(`${this.apiBaseUrl}/files/v1/purge_trash`),
      action: 'empty the trash of',
      idempotent: true,
      signal,
    });
    return { folders: answer.folders ?? 0, files: answer.files ?? 0 };
  }

  /** `mode=enableShare` / `disableShare`: the object with or without its `publicUri`. */
  async setShared(names: string[], shared: boolean, signal?: AbortSignal) {
    const mode = shared ? 'enableShare' : 'disableShare';
    const document = await this.requests.get(names, 'share', signal, { mode });
    return this.requests.expect(['file', 'folder'], document);
  }

  /**
   * The Latest view (§4.12): `GET /<user>/Jotta/Latest?sort=updated&max=N&web=true`, the `max`
   * most recently updated files of the whole account, newest first.
   */
  async latest(max: number, signal?: AbortSignal): Promise<SearchResult> {
    const query = { sort: 'updated', max: String(max), web: 'true' };
    const document = await this.requests.get(['Jotta', 'Latest'], 'list', signal, query);
    return this.requests.expect('searchresult', document);
  }

  /** The Links view: every file with an active public link (`publicUri` set), trashed too. */
  async links(signal?: AbortSignal): Promise<SearchResult> {
    const document = await this.requests.get(['Jotta', 'Links'], 'list', signal);
    return this.requests.expect('searchresult', document);
  }

  /** `mode=liststream`, parsed as it arrives. */
  async *listStream(names: string[], signal?: AbortSignal): AsyncGenerator<StreamEntry> {
    const url = await this.requests.url(names, signal);
    url.searchParams.set('mode', 'liststream');
    const path = joinPath(names);
    const response = await this.transport.send({
      method: 'GET',
      url,
      path,
      action: 'list',
      idempotent: true,
      signal,
    });
    yield* parseListStream(guardStream(response.body, path, signal), names[0], path);
  }
}
