import type { FileHandle } from 'node:fs/promises';

/** Bytes gathered while a write is in flight before the sender is made to wait. */
const WRITE_BATCH_BYTES = 1024 * 1024;

/** A checkpoint records at least this many new bytes… */
const CHECKPOINT_MIN_BYTES = 1024 * 1024;

/** …and comes when the unrecorded bytes reach this share of the recorded ones… */
const CHECKPOINT_GROWTH = 0.25;

/** …or when this many milliseconds passed since the last one. */
const CHECKPOINT_INTERVAL_MS = 250;

/**
 * Writes the bytes of one upload body to its partial file. A chunk goes out at once when the file
 * is idle; while a write is in flight the next chunks are gathered (up to a MiB) and go out
 * together in one `writev` (no copying into one buffer), so a fast sender gets large writes and a
 * slow one has its bytes on disk without delay. Now and then the bytes written so far are
 * fsynced and only then handed to `checkpoint` (which records them in the database), so a
 * killed server resumes near the break.
 * That fsync runs beside the writing instead of stopping the stream: it covers every write that
 * completed before it started, which is the count recorded. The first MiB is recorded at once
 * (an upload that breaks early resumes), later checkpoints when the unrecorded part grew by a
 * quarter or 250 ms passed: a killed upload loses at most about a fifth or a quarter second of
 * its bytes, and a fast upload of 1 GiB syncs a few dozen times instead of a thousand.
 */
export class PartialWriter {
  readonly #file: FileHandle;
  readonly #checkpoint: (written: number) => void;
  #position: number;
  #batch: Buffer[] = [];
  #batchBytes = 0;
  #written = 0;
  #synced = 0;
  #lastSync = Date.now();
  /** The write in flight, if any. */
  #writing: Promise<void> | undefined;
  #syncing: Promise<void> | undefined;
  #failure: unknown;

  /** `start` is the file offset of the first byte; `checkpoint` gets durable byte counts. */
  constructor(file: FileHandle, start: number, checkpoint: (written: number) => void) {
    this.#file = file;
    this.#position = start;
    this.#checkpoint = checkpoint;
  }

  /** Bytes written to the file so far (a prefix of what was added, without gaps). */
  get written(): number {
    return this.#written;
  }

  /**
   * Queues a chunk. It goes to the file at once when no write is in flight, and is gathered
   * with the next ones while one is; waits only when a whole batch is waiting (back-pressure).
   */
  async add(chunk: Buffer): Promise<void> {
    if (this.#failure !== undefined) throw this.#failure;
    if (chunk.length === 0) return;
    this.#batch.push(chunk);
    this.#batchBytes += chunk.length;
    this.#pump();
    if (this.#batchBytes >= WRITE_BATCH_BYTES) await this.#writing;
  }

  /**
   * Writes what is still gathered, waits for the writes and any checkpoint, and fsyncs the file,
   * so everything counted in {@link written} is durable. Throws the first write or sync error.
   */
  async finish(): Promise<void> {
    while (this.#writing !== undefined) await this.#writing;
    await this.#syncing;
    await this.#file.sync();
    if (this.#failure !== undefined) throw this.#failure;
  }

  /** Starts a write of everything gathered, unless one is in flight (order of offsets). */
  #pump(): void {
    if (this.#writing !== undefined || this.#batchBytes === 0 || this.#failure !== undefined) {
      return;
    }
    const batch = this.#batch;
    const bytes = this.#batchBytes;
    const at = this.#position;
    this.#batch = [];
    this.#batchBytes = 0;
    this.#position += bytes;
    this.#writing = writeAll(this.#file, batch, at).then(
      () => {
        this.#written += bytes;
        this.#writing = undefined;
        this.#maybeCheckpoint();
        this.#pump();
      },
      (error: unknown) => {
        this.#failure ??= error;
        this.#writing = undefined;
      },
    );
  }

  #maybeCheckpoint(): void {
    if (this.#syncing || this.#failure !== undefined) return;
    const fresh = this.#written - this.#synced;
    if (fresh < CHECKPOINT_MIN_BYTES) return;
    const grown = fresh >= this.#synced * CHECKPOINT_GROWTH;
    if (!grown && Date.now() - this.#lastSync < CHECKPOINT_INTERVAL_MS) return;

    const covered = this.#written;
    this.#syncing = this.#file
      .sync()
      .then(() => {
        this.#synced = covered;
        this.#lastSync = Date.now();
        this.#checkpoint(covered);
      })
      .catch((error: unknown) => {
        this.#failure ??= error;
      })
      .finally(() => {
        this.#syncing = undefined;
      });
  }
}

/** `writev` of the whole batch at `position`, continuing after a short write. */
async function writeAll(file: FileHandle, batch: Buffer[], position: number): Promise<void> {
  let pending = batch;
  let at = position;
  while (pending.length > 0) {
    const { bytesWritten } = await file.writev(pending, at);
    if (bytesWritten === 0) throw new Error('The partial file accepted no bytes');
    at += bytesWritten;
    pending = dropBytes(pending, bytesWritten);
  }
}

/** The buffers left after the first `count` bytes were written (views, not copies). */
function dropBytes(buffers: Buffer[], count: number): Buffer[] {
  let left = count;
  const rest: Buffer[] = [];
  for (const buffer of buffers) {
    if (left >= buffer.length) {
      left -= buffer.length;
      continue;
    }
    rest.push(left > 0 ? buffer.subarray(left) : buffer);
    left = 0;
  }
  return rest;
}
