import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';

import { FILE_CHUNK_BYTES } from './hashing.js';
import { JfsError } from './errors.js';

/**
 * Buffers in rotation. A chunk handed to the HTTP writer is in the socket until it drains, and
 * the stream reads at most one chunk ahead of that (its high-water mark is one chunk), so the
 * buffer refilled is always two chunks older than the one being sent.
 */
const POOL_SIZE = 3;

/**
 * The bytes `start…end-1` of a local file as an upload body, read into a few reused buffers
 * instead of a new one per chunk: a large upload then leaves no garbage behind and the
 * process's memory stays flat. Only for a consumer that is done with a chunk before it asks for
 * the third after it, as undici's request writer is (it pauses the body until the socket
 * drains). A buffer reused too early would send wrong bytes; the server's MD5 check would then
 * mark the upload CORRUPT, so it cannot go unnoticed.
 */
export class FileBodyStream extends Readable {
  readonly #path: string;
  readonly #end: number;
  readonly #onBytes?: (position: number) => void;
  readonly #pool: Buffer[] = [];
  #handle?: FileHandle;
  #position: number;
  #turn = 0;

  constructor(
    path: string,
    range: { start: number; end: number },
    options: { signal?: AbortSignal; onBytes?(position: number): void } = {},
  ) {
    super({ highWaterMark: FILE_CHUNK_BYTES, signal: options.signal });
    this.#path = path;
    this.#position = range.start;
    this.#end = range.end;
    this.#onBytes = options.onBytes;
  }

  override _construct(callback: (error?: Error | null) => void): void {
    open(this.#path, 'r').then(
      (handle) => {
        this.#handle = handle;
        callback();
      },
      (error: Error) => callback(error),
    );
  }

  override _read(): void {
    const wanted = Math.min(FILE_CHUNK_BYTES, this.#end - this.#position);
    if (wanted <= 0) {
      this.push(null);
      return;
    }

    const buffer = this.#nextBuffer();
    this.#handle!.read(buffer, 0, wanted, this.#position).then(
      ({ bytesRead }) => {
        if (bytesRead === 0) {
          this.destroy(this.#shrunk());
          return;
        }
        this.#position += bytesRead;
        this.#onBytes?.(this.#position);
        this.push(buffer.subarray(0, bytesRead));
      },
      (error: Error) => this.destroy(error),
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const handle = this.#handle;
    this.#handle = undefined;
    if (!handle) return callback(error);
    handle.close().then(
      () => callback(error),
      () => callback(error),
    );
  }

  #nextBuffer(): Buffer {
    const index = this.#turn++ % POOL_SIZE;
    this.#pool[index] ??= Buffer.allocUnsafeSlow(FILE_CHUNK_BYTES);
    return this.#pool[index];
  }

  #shrunk(): JfsError {
    return new JfsError(
      `Cannot upload ${this.#path}: the file became shorter while it was read. Upload it again.`,
      { path: this.#path },
    );
  }
}
