import type { ContentSource, ProviderContext, ProviderItem } from '../../src/provider/types.js';
import type { JfsFile } from '../../src/jfs/models.js';
import {
  InvalidItemOperationError,
  ItemNotFoundError,
  UnreadableFileError,
  attempt,
} from './errors.js';
import { findItem, loadListing } from './lookup.js';
import { displayPath } from './paths.js';
import type { JottacloudDriveState } from './state.js';

type Context = ProviderContext<JottacloudDriveState>;

/**
 * The bytes of a file's newest complete revision. A file whose uploads never completed is
 * refused: its bytes are partial or wrong, and handing them out as the file would lose data.
 */
export async function getContent(path: string, ctx: Context): Promise<ContentSource> {
  const shown = displayPath(path, ctx.drive);
  const item = await findItem(path, ctx);
  if (!item) throw new ItemNotFoundError(shown);
  if (item.isContainer) {
    throw new InvalidItemOperationError(shown, `Cannot read '${shown}': it is a container.`);
  }

  // A direct GET of the file: it carries the revisions a parent listing leaves out.
  const file = await loadListing(path, ctx);
  if (file.kind !== 'file') throw new ItemNotFoundError(shown);
  const asked = ctx.dynamic.Revision;
  if (asked !== undefined && asked !== null) return revisionContent(path, file, Number(asked), ctx);
  const current = file.currentRevision;
  if (!current) throw new UnreadableFileError(shown, file.state);

  // A failed newer upload leaves the last complete revision readable; say which one is read.
  let revision: number | undefined;
  if (file.latestRevision) {
    revision = current.number;
    const state = file.latestRevision.state.toLowerCase();
    ctx.warning(`The newest upload of '${shown}' is ${state}; reading revision ${revision}.`);
  }

  return downloadSource(path, current, revision, ctx);
}

/**
 * The bytes of a file the caller has just listed. A listing entry whose newest revision is
 * COMPLETED carries its size and MD5, so the download starts at once, without the direct GET
 * getContent makes for the revisions (the writer checks the bytes against that MD5). Anything
 * else (-Revision, a newer failed upload, no MD5) takes getContent's way.
 */
export async function getListedContent(
  path: string,
  item: ProviderItem,
  ctx: Context,
): Promise<ContentSource> {
  const asked = ctx.dynamic.Revision;
  const complete = item.properties.State === 'COMPLETED' && item.size !== undefined && item.md5;
  if ((asked !== undefined && asked !== null) || !complete || item.isContainer || item.deleted) {
    return getContent(path, ctx);
  }

  const created = item.properties.CreationTime;
  const listed = {
    size: item.size,
    md5: item.md5,
    modified: item.lastWriteTime,
    created: created instanceof Date ? created : undefined,
  };
  return downloadSource(path, listed, undefined, ctx);
}

/** A revision's bytes as a content source (`revision` undefined: the current one). */
function downloadSource(
  path: string,
  known: { size?: number; md5?: string; modified?: Date; created?: Date },
  revision: number | undefined,
  ctx: Context,
): ContentSource {
  const shown = displayPath(path, ctx.drive);
  const { client } = ctx.drive.state;
  return {
    size: known.size,
    md5: known.md5?.toLowerCase(),
    lastWriteTime: known.modified,
    createdTime: known.created,
    open: async (offset = 0, signal = ctx.signal) => {
      const download = await attempt('read', shown, () =>
        client.download(path, { revision, offset, signal }),
      );
      return download.stream;
    },
  };
}

/** Get-Content -Revision N: the bytes of one COMPLETED revision, current or not. */
function revisionContent(path: string, file: JfsFile, number: number, ctx: Context): ContentSource {
  const shown = displayPath(path, ctx.drive);
  const all = [file.latestRevision, file.currentRevision, ...file.revisions];
  const revision = all.find((candidate) => candidate?.number === number);
  if (!revision || revision.state !== 'COMPLETED') {
    const why = revision ? `it is ${revision.state.toLowerCase()}` : 'there is no such revision';
    const message = `Cannot read revision ${number} of '${shown}': ${why}. Get-ItemRevision lists them.`;
    throw new InvalidItemOperationError(shown, message);
  }

  return downloadSource(path, revision, number, ctx);
}

// Writes live beside the reads; importers of this module find both here.
export { clearContent, setContent, setListedContent } from './write-content.js';
