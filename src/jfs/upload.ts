import type { Readable } from 'node:stream';

import { OperationCanceledError } from '../core/errors.js';
import {
  AuthError,
  CorruptUploadError,
  IncompleteUploadError,
  JfsError,
  ProtocolError,
  TransportError,
} from './errors.js';
import { parseServerFault } from './error-map.js';
import { FileBodyStream } from './file-body.js';
import { CountingStream, md5OfFile, md5OfStream } from './hashing.js';
import type { JfsFile } from './models.js';
import { allocatePath } from './paths.js';
import { retryDelayMs, sleep, throwIfAborted } from './retry.js';
import { formatRfc3339 } from './time.js';
import type { Transport } from './transport.js';

/** The bytes to upload. `open` is called again (with an offset) to resume. */
export interface UploadSource {
  size: number;
  /** Lower-case hex MD5 when known; otherwise it is computed by streaming the source once. */
  md5?: string;
  modified?: Date;
  created?: Date;
  open(offset: number, signal?: AbortSignal): Promise<Readable>;
  /**
   * A local file that holds exactly these bytes and does not change during the upload. When
   * set, the upload hashes and sends it with a few reused buffers instead of reading `open`'s
   * streams, which keeps the memory of a large upload flat; `open` is then not called.
   */
  localFile?: string;
  /** Told the bytes of `localFile` hashed so far, during the MD5 pass before the upload. */
  onLocalRead?(bytesDone: number): void;
}

export interface UploadOptions {
  signal?: AbortSignal;
  /** Called as bytes go out; `sent` counts from the start of the file (resumed bytes included). */
  onProgress?(sent: number, total: number): void;
}

/** Allocate answer (§3.13); `resume_pos` is the first byte the server still needs. */
interface Allocation {
  state?: string;
  upload_url?: string;
  resume_pos?: number;
}

export interface UploadContext {
  transport: Transport;
  /** The JSON API origin of `files/v1/allocate`; the upload URL it returns is used as given. */
  apiBaseUrl: string;
  /** Re-reads the file through JFS to verify the stored revision. */
  readFile(signal?: AbortSignal): Promise<JfsFile>;
}

/**
 * The allocate upload (§5.2): MD5 first (B01, streamed: B02), allocate, send from
 * `resume_pos` (B05; a 420 or a dropped connection means "allocate again and continue"), then
 * verify through JFS that the revision is COMPLETED with the same MD5 and size (B03). A
 * COMPLETED allocation (dedupe, or same content already there) sends no bytes.
 */
export async function uploadFile(
  context: UploadContext,
  names: readonly string[],
  path: string,
  source: UploadSource,
  options: UploadOptions = {},
): Promise<JfsFile> {
  const { transport } = context;
  const { signal, onProgress } = options;
  const md5 = await sourceMd5(source, path, signal);
  let failures = 0;
  let reauthorized = false;
  let previousStart = -1;

  for (;;) {
    throwIfAborted(signal);
    const allocation = await allocate(context, names, path, source, md5, signal);
    if (allocation.state === 'COMPLETED') break;

    const start = allocation.resume_pos ?? 0;
    try {
      const done = await sendBytes(context, allocation, path, source, start, options);
      if (done) break;

      // 420 "incomplete": fine while the server's position advances, a failure when it stalls.
      if (start <= previousStart && failures++ >= transport.retry.retries) {
        throw new IncompleteUploadError(
          `Upload of ${path} makes no progress: the server keeps ${start} of ${source.size} ` +
            'bytes. Try again later.',
          { path, status: 420 },
        );
      }
      previousStart = start;
    } catch (error) {
      if (error instanceof IncompleteUploadError) throw error;
      if (error instanceof OperationCanceledError || signal?.aborted) throw error;
      // A token that expired mid-transfer was refreshed by the transport, but a streamed body
      // cannot be re-sent there: allocate again and resume once with the new token (B16).
      if (error instanceof AuthError && !reauthorized) {
        reauthorized = true;
        continue;
      }
      if (!(error instanceof TransportError) || failures >= transport.retry.retries) throw error;
      await sleep(retryDelayMs(transport.retry, failures++), signal);
    }
  }

  onProgress?.(source.size, source.size);
  return verifyUpload(await context.readFile(signal), path, source.size, md5);
}

async function sourceMd5(source: UploadSource, path: string, signal?: AbortSignal) {
  if (source.md5) return source.md5.toLowerCase();

  const hashed = source.localFile
    ? await md5OfFile(source.localFile, signal, source.onLocalRead)
    : await md5OfStream(await source.open(0, signal), signal);
  if (hashed.size !== source.size) {
    throw new JfsError(
      `Cannot upload ${path}: the source has ${hashed.size} bytes, not the ${source.size} declared.`,
      { path },
    );
  }
  return hashed.md5;
}

function allocate(
  context: UploadContext,
  names: readonly string[],
  path: string,
  source: UploadSource,
  md5: string,
  signal?: AbortSignal,
): Promise<Allocation> {
  const request = {
    path: allocatePath(names),
    bytes: source.size,
    md5,
    created: source.created ? formatRfc3339(source.created) : undefined,
    modified: source.modified ? formatRfc3339(source.modified) : undefined,
  };
  return context.transport.json<Allocation>({
    method: 'POST',
    url: new URL(`${context.apiBaseUrl}/files/v1/allocate`),
    headers: { 'content-type': 'application/json; charset=UTF-8' },
    body: JSON.stringify(request),
    path,
    action: 'upload',
    // Allocating again for the same path and MD5 returns the same open revision.
    idempotent: true,
    signal,
  });
}

/** Sends bytes `start…size-1`; resolves true when the server has the whole file. */
async function sendBytes(
  context: UploadContext,
  allocation: Allocation,
  path: string,
  source: UploadSource,
  start: number,
  options: UploadOptions,
): Promise<boolean> {
  if (!allocation.upload_url) {
    throw new ProtocolError(`Cannot upload ${path}: the server gave no upload URL.`, { path });
  }
  const { signal, onProgress } = options;
  const total = source.size;
  onProgress?.(start, total);

  const { input, body } = await uploadBody(source, start, options);

  const headers: Record<string, string> = {
    'content-type': 'application/octet-stream',
    'content-length': String(total - start),
  };
  if (start > 0) headers.range = `bytes=${start}-${total - 1}`;

  try {
    const response = await context.transport.send({
      method: 'POST',
      url: new URL(allocation.upload_url, context.apiBaseUrl),
      headers,
      body,
      path,
      action: 'upload',
      idempotent: false,
      secretUrl: true,
      accept: (status) => (status >= 200 && status < 300) || [400, 409, 420].includes(status),
      signal,
    });
    const text = await response.body.text();

    if (response.status === 420) return false;
    if (response.status === 409) {
      // The server still holds an earlier, interrupted request for this revision: wait, resume.
      throw new TransportError(`Cannot upload ${path}: an earlier upload of it is still open.`, {
        path,
        status: 409,
      });
    }
    if (response.status === 400) throw uploadRejected(path, text);
    return true;
  } finally {
    input.destroy();
  }
}

/**
 * The bytes from `start` as a request body that reports progress. A local file is read
 * straight into reused buffers (no stream in between, which would hold on to them); any other
 * source is piped through a counter.
 */
async function uploadBody(source: UploadSource, start: number, options: UploadOptions) {
  const { signal, onProgress } = options;
  const total = source.size;
  if (source.localFile) {
    const range = { start, end: total };
    const onBytes = (position: number) => onProgress?.(position, total);
    const body = new FileBodyStream(source.localFile, range, { signal, onBytes });
    return { input: body, body };
  }

  const input = await source.open(start, signal);
  const counter = new CountingStream((sent) => onProgress?.(start + sent, total));
  input.on('error', (error) => counter.destroy(error));
  return { input, body: input.pipe(counter) };
}

/** A 400 from the upload URL: a CORRUPT revision, or a refusal with its reason. */
function uploadRejected(path: string, body: string): JfsError {
  const fault = parseServerFault(body);
  if (/Corrupt/i.test(fault.exception ?? '')) {
    return new CorruptUploadError(
      `Upload of ${path} failed: the bytes received do not match the MD5 (the source may have ` +
        'changed while it was read). Upload it again.',
      { path, status: 400, exception: fault.exception },
    );
  }
  if (/Incomplete/i.test(fault.exception ?? '')) {
    return new IncompleteUploadError(`Upload of ${path} stopped before the end. Try again.`, {
      path,
      status: 400,
      exception: fault.exception,
    });
  }
  return new JfsError(`Upload of ${path} was refused (${fault.exception ?? 'HTTP 400'}).`, {
    path,
    status: 400,
    exception: fault.exception,
  });
}

/**
 * B03: success only if the newest revision is COMPLETED with the local MD5 and size. An
 * allocate upload is `resumable` (sending it again continues where it stopped).
 */
export function verifyUpload(
  file: JfsFile,
  path: string,
  size: number,
  md5: string,
  resumable = true,
): JfsFile {
  const current = file.currentRevision;
  const latest = file.latestRevision;

  if (latest && latest.state === 'CORRUPT') {
    throw new CorruptUploadError(
      `Upload of ${path} ended CORRUPT on the server: the bytes do not match the MD5. ` +
        'Upload it again.',
      { path },
    );
  }
  if (latest || !current || current.state !== 'COMPLETED') {
    throw new IncompleteUploadError(
      `Upload of ${path} is not complete on the server (${latest?.state ?? 'no revision'}). ` +
        (resumable ? 'Upload it again to resume.' : 'Upload it again.'),
      { path },
    );
  }
  if (current.md5?.toLowerCase() !== md5 || current.size !== size) {
    throw new CorruptUploadError(
      `Upload of ${path} finished, but the server holds ${current.size} bytes with MD5 ` +
        `${current.md5} instead of ${size} bytes with MD5 ${md5}. Upload it again.`,
      { path },
    );
  }
  return file;
}
