import type { FileHandle } from 'node:fs/promises';

/** Bytes gathered before they go to the file in one `writev` (socket chunks are ~64 KiB). */
const WRITE_BATCH_BYTES = 1024 * 1024;

/** A checkpoint records at least this many new bytes… */
const CHECKPOINT_MIN_BYTES = 1024 * 1024;

/** …and comes when the unrecorded bytes reach this share of the recorded ones… */
const CHECKPOINT_GROWTH = 0.25;

/** …or when this many milliseconds passed since the last one. */
const CHECKPOINT_INTERVAL_MS = 250;

/**
 * Writes the bytes of one upload body to its partial file. Chunks are gathered into large
 * batches written with one `writev` each (no copying into one buffer), one batch in flight while
 * the next is gathered. Now and then the bytes written so far are fsynced and only then handed to
 * `checkpoint` (which records them in the database), so a killed server resumes near the break.
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
  #writing: Promise<void> = Promise.resolve();
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

  /** Queues a chunk; waits only when a full batch must go out while the last one is in flight. */
  async add(chunk: Buffer): Promise<void> {
    if (chunk.length === 0) return;
    this.#batch.push(chunk);
    this.#batchBytes += chunk.length;
    if (this.#batchBytes >= WRITE_BATCH_BYTES) await this.#flush();
    this.#maybeCheckpoint();
  }

  /**
   * Writes what is still gathered, waits for the writes and any checkpoint, and fsyncs the file,
   * so everything counted in {@link written} is durable. Throws the first write or sync error.
   */
  async finish(): Promise<void> {
    if (this.#batchBytes > 0 && this.#failure === undefined) await this.#flush();
    await this.#writing;
    await this.#syncing;
    await this.#file.sync();
    if (this.#failure !== undefined) throw this.#failure;
  }

  async #flush(): Promise<void> {
    // One write in flight keeps the batches in order at their offsets.
    await this.#writing;
    if (this.#failure !== undefined) throw this.#failure;

    const batch = this.#batch;
    const bytes = this.#batchBytes;
    const at = this.#position;
    this.#batch = [];
    this.#batchBytes = 0;
    this.#position += bytes;
    this.#writing = writeAll(this.#file, batch, at).then(
      () => {
        this.#written += bytes;
        // Not only on the next chunk: a slow sender's bytes are recorded as soon as written.
        this.#maybeCheckpoint();
      },
      (error: unknown) => {
        this.#failure ??= error;
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
