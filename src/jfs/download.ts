import { partialFileName } from '../core/partial-name.js';
import { createHash } from 'node:crypto';
import { open, rename, stat, unlink, utimes, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PassThrough, Transform, type Readable, type TransformCallback } from 'node:stream';

import { OperationCanceledError } from '../core/errors.js';
import {
  CorruptDownloadError,
  IncompleteUploadError,
  JfsError,
  NotFoundError,
  TransportError,
} from './errors.js';
import type { JfsFile } from './models.js';
import { retryDelayMs, sleep, type RetryPolicy } from './retry.js';
import { isNetworkError, type Transport } from './transport.js';

export interface DownloadOptions {
  /** Revision number to read (§4.2 `revision=N`); default the current revision. */
  revision?: number;
  /** First byte to read; sent as `Range: bytes=<offset>-`. */
  offset?: number;
  signal?: AbortSignal;
}

export interface Download {
  /** The bytes from `offset` to the end. */
  stream: Readable;
  /** Bytes this stream will deliver (Content-Length), i.e. file size minus offset. */
  size: number;
}

/**
 * `GET …?mode=bin` (Range when offset > 0). A server that ignores the Range (answers 200 with
 * the whole file) is handled by skipping the first `offset` bytes here.
 */
export async function openDownload(
  transport: Transport,
  url: URL,
  path: string,
  options: DownloadOptions = {},
): Promise<Download> {
  const offset = options.offset ?? 0;
  url.searchParams.set('mode', 'bin');
  if (options.revision !== undefined) url.searchParams.set('revision', String(options.revision));

  const response = await transport.send({
    method: 'GET',
    url,
    headers: offset > 0 ? { range: `bytes=${offset}-` } : undefined,
    path,
    action: 'download',
    idempotent: true,
    signal: options.signal,
  });

  const length = Number(response.headers['content-length'] ?? NaN);
  const body = guardStream(response.body as unknown as Readable, path, options.signal);
  if (offset > 0 && response.status === 200) {
    const size = Number.isFinite(length) ? Math.max(0, length - offset) : NaN;
    return { stream: body.pipe(new SkipBytes(offset)), size };
  }
  return { stream: body, size: length };
}

/**
 * Re-emits a response body, turning a connection lost midway into a TransportError (or
 * OperationCanceledError after an abort) so consumers see the client's error classes only.
 */
export function guardStream(body: Readable, path: string, signal?: AbortSignal): Readable {
  const guarded = new PassThrough();
  body.on('error', (error) => {
    if (signal?.aborted) return guarded.destroy(new OperationCanceledError());
    guarded.destroy(
      new TransportError(`The transfer of ${path} broke off: ${errorCode(error)}. Try again.`, {
        path,
        cause: error,
      }),
    );
  });
  guarded.on('close', () => body.destroy());
  return body.pipe(guarded);
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'connection lost';
}

/** Drops the first `count` bytes of a stream. */
class SkipBytes extends Transform {
  constructor(private remaining: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    if (this.remaining >= chunk.length) {
      this.remaining -= chunk.length;
      return callback();
    }
    const rest = chunk.subarray(this.remaining);
    this.remaining = 0;
    callback(null, rest);
  }
}

/** What downloadToFile needs from the client. */
export interface FileDownloadContext {
  readFile(signal?: AbortSignal): Promise<JfsFile>;
  open(options: DownloadOptions): Promise<Download>;
  retry: RetryPolicy;
}

/**
 * Streams the current revision into a temporary file beside `target`, checks size and MD5,
 * sets the modification time, then renames: `target` never holds a partial file. A connection
 * lost midway resumes with a Range request on the same revision. Deleted (B36) and
 * never-completed (B37) files are refused before any byte moves; zero-byte files are ordinary
 * files (B06).
 */
export async function downloadToFile(
  context: FileDownloadContext,
  path: string,
  target: string,
  options: { signal?: AbortSignal; onProgress?(received: number, total: number): void } = {},
): Promise<JfsFile> {
  const { signal } = options;
  const file = await context.readFile(signal);
  const revision = checkDownloadable(file, path);
  const total = revision.size ?? 0;

  const temporary = join(dirname(target), partialFileName(basename(target)));
  const output = await open(temporary, 'wx');
  try {
    const { received, md5 } = await receiveInto(context, output, revision.number, total, options);
    await output.close();

    if (received !== total || (revision.md5 !== undefined && md5 !== revision.md5)) {
      throw new CorruptDownloadError(
        `Download of ${path} is damaged: got ${received} bytes with MD5 ${md5}, expected ` +
          `${total} bytes with MD5 ${revision.md5}. Try again.`,
        { path },
      );
    }

    const modified = revision.modified ?? file.modified;
    if (modified) await utimes(temporary, modified, modified);
    await rename(temporary, target);
    return file;
  } catch (error) {
    await output.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    if (signal?.aborted) throw new OperationCanceledError();
    throw error;
  }
}

/** Copies the revision's bytes into `output`, resuming after network failures. */
async function receiveInto(
  context: FileDownloadContext,
  output: FileHandle,
  revision: number,
  total: number,
  options: { signal?: AbortSignal; onProgress?(received: number, total: number): void },
): Promise<{ received: number; md5: string }> {
  const { signal, onProgress } = options;
  const hash = createHash('md5');
  let received = 0;

  for (let failures = 0; ;) {
    try {
      const download = await context.open({ signal, offset: received, revision });
      for await (const chunk of download.stream) {
        const buffer = chunk as Buffer;
        await output.write(buffer);
        hash.update(buffer);
        received += buffer.length;
        onProgress?.(received, total);
      }
      return { received, md5: hash.digest('hex') };
    } catch (error) {
      if (signal?.aborted || error instanceof OperationCanceledError) throw error;
      const transient = error instanceof TransportError || isNetworkError(error);
      if (!transient || failures >= context.retry.retries) throw error;
      await sleep(retryDelayMs(context.retry, failures++), signal);
    }
  }
}

function checkDownloadable(file: JfsFile, path: string) {
  if (file.deleted) {
    throw new NotFoundError(`Cannot download ${path}: it is in the trash.`, { path });
  }
  const revision = file.currentRevision;
  if (!revision || revision.state !== 'COMPLETED') {
    throw new IncompleteUploadError(
      `Cannot download ${path}: no upload of it ever completed (${file.state}).`,
      { path },
    );
  }
  return revision;
}

/** Refuses a target that is an existing folder before anything is downloaded (B40). */
export async function assertFileTarget(target: string, path: string): Promise<void> {
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) {
    throw new JfsError(`Cannot download ${path} to ${target}: that is a folder.`, { path });
  }
}
