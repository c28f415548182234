import { invalidArgument } from './errors.js';

/** A multipart/form-data body up to its file part: the text fields before it and the file bytes. */
export interface MultipartUpload {
  fields: Record<string, string>;
  /** The bytes of the first part that has a filename (or is named `file`), streamed. */
  file: AsyncIterable<Buffer>;
}

const MAX_HEADER_BYTES = 16 * 1024;
const MAX_FIELD_BYTES = 64 * 1024;

/** The boundary of a `multipart/form-data; boundary=…` content type, or undefined. */
export function boundaryOf(contentType: string): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2]) : undefined;
}

/**
 * Reads a legacy multipart upload (§5.1: fields `md5`, `modified`, `created`, then `file`) without
 * buffering the file: text parts are collected, the file part is handed out as a stream that
 * ends at the next boundary. Only RFC 7578 `filename=` is understood, like the real service.
 */
export async function readMultipartUpload(
  body: AsyncIterable<Buffer>,
  boundary: string,
): Promise<MultipartUpload> {
  const reader = new ChunkReader(body[Symbol.asyncIterator]());
  const dashBoundary = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);

  await drain(reader.until(dashBoundary, Number.MAX_SAFE_INTEGER));
  const fields: Record<string, string> = {};
  for (;;) {
    const after = await reader.take(2);
    if (after.toString() !== '\r\n') throw invalidArgument('The multipart body has no file part');
    const headers = (
      await collect(reader.until(Buffer.from('\r\n\r\n'), MAX_HEADER_BYTES))
    ).toString('utf8');
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '';
    const isFile = /\bfilename="/i.test(disposition) || name === 'file';

    // A body that stops inside the file part is a short upload (INCOMPLETE), not a bad request.
    if (isFile) return { fields, file: reader.until(delimiter, Number.MAX_SAFE_INTEGER, true) };
    fields[name] = (await collect(reader.until(delimiter, MAX_FIELD_BYTES))).toString('utf8');
  }
}

/** Pulls chunks and splits them at delimiters, holding back a possible partial match. */
class ChunkReader {
  #buffer: Buffer = Buffer.alloc(0);
  #ended = false;
  readonly #source: AsyncIterator<Buffer>;

  constructor(source: AsyncIterator<Buffer>) {
    this.#source = source;
  }

  async #fill(): Promise<boolean> {
    if (this.#ended) return false;
    const next = await this.#source.next();
    if (next.done) {
      this.#ended = true;
      return false;
    }
    this.#buffer =
      this.#buffer.length === 0 ? next.value : Buffer.concat([this.#buffer, next.value]);
    return true;
  }

  /** Exactly `count` bytes (fewer only at the end of the body). */
  async take(count: number): Promise<Buffer> {
    while (this.#buffer.length < count && (await this.#fill())) {
      // Keep reading until enough bytes are buffered.
    }
    const taken = this.#buffer.subarray(0, count);
    this.#buffer = this.#buffer.subarray(count);
    return taken;
  }

  /**
   * Yields bytes up to `delimiter` and consumes it; more than `limit` bytes is an error, and so is
   * the end of the body before the delimiter unless `endOk`.
   */
  async *until(delimiter: Buffer, limit: number, endOk = false): AsyncGenerator<Buffer> {
    let yielded = 0;
    for (;;) {
      const at = this.#buffer.indexOf(delimiter);
      const safe = at >= 0 ? at : Math.max(0, this.#buffer.length - delimiter.length + 1);
      if (safe > 0) {
        yielded += safe;
        if (yielded > limit) throw invalidArgument('A multipart part is too large');
        const out = this.#buffer.subarray(0, safe);
        this.#buffer = this.#buffer.subarray(safe);
        yield out;
      }
      if (at >= 0) {
        this.#buffer = this.#buffer.subarray(delimiter.length);
        return;
      }
      if (await this.#fill()) continue;
      if (!endOk) throw invalidArgument('The multipart body ended before its closing boundary');
      if (this.#buffer.length > 0) yield this.#buffer;
      this.#buffer = Buffer.alloc(0);
      return;
    }
  }
}

async function collect(parts: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const part of parts) chunks.push(part);
  return Buffer.concat(chunks);
}

async function drain(parts: AsyncIterable<Buffer>): Promise<void> {
  for await (const _part of parts) {
    // The preamble carries nothing.
  }
}
