import { createReadStream } from 'node:fs';
import type { Backend, Located } from '../backend.js';
import { noSuchFile, noSuchPath, rangeNotSatisfiable } from '../http/errors.js';
import { nextTraceId } from '../http/respond.js';
import type { RevisionRow } from '../store/revisions.js';
import { type JfsRequest, shownPath } from './context.js';

/**
 * `GET …?mode=bin[&revision=N]` (§4.2): the bytes of the current (or a given COMPLETED)
 * revision. `Range: bytes=a-b`, `a-` and `-n` are answered 206 with Content-Range; a range that
 * cannot be met, or a malformed one, is 416.
 */
export function download(request: JfsRequest, at: Located): void {
  const { backend, res } = request;
  if (at.node.kind !== 'file') throw noSuchFile(shownPath(request));
  const revision = pickRevision(backend, request, at);

  const size = revision.size;
  const range = parseRange(request.req.headers.range, size);
  const headers: Record<string, string | number> = {
    'Content-Type': revision.mime,
    'Accept-Ranges': 'bytes',
    'X-ID': nextTraceId(),
    ETag: `"${revision.md5.toLowerCase()}"`,
    'Last-Modified': new Date(revision.modified * 1000).toUTCString(),
  };

  if (size === 0 || revision.blob === null) {
    res.writeHead(200, { ...headers, 'Content-Length': 0 });
    res.end();
    return;
  }
  const [start, end] = range ?? [0, size - 1];
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  res.writeHead(range ? 206 : 200, { ...headers, 'Content-Length': end - start + 1 });

  // 1 MiB reads: a sixteenth of the reads and socket writes of the 64 KiB default.
  const stream = createReadStream(backend.blobs.blobPath(revision.blob), {
    start,
    end,
    highWaterMark: 1024 * 1024,
  });
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}

function pickRevision(backend: Backend, request: JfsRequest, at: Located): RevisionRow {
  const wanted = request.query.get('revision');
  const all = backend.revisions.all(at.node.id);
  const revision =
    wanted === null
      ? all.find((r) => r.state === 'COMPLETED')
      : all.find((r) => String(r.number) === wanted.trim() && r.state === 'COMPLETED');
  if (!revision)
    throw noSuchPath(`${shownPath(request)}${wanted === null ? '' : ` revision ${wanted}`}`);
  return revision;
}

/** [start, end] inclusive, or undefined for "whole file"; throws 416 for anything unusable. */
export function parseRange(header: string | undefined, size: number): [number, number] | undefined {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  const fail = () =>
    rangeNotSatisfiable(`Range ${header.slice(0, 60)} cannot be satisfied for ${size} bytes`);
  if (!match || (match[1] === '' && match[2] === '')) throw fail();

  if (size === 0 && match[1] === '0') return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) throw fail();
    return [Math.max(0, size - suffix), size - 1];
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || start > Number(match[2] === '' ? start : match[2])) throw fail();
  return [start, end];
}
