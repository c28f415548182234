import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { JfsHttpError } from '../http/errors.js';
import { PartialWriter } from './partial-writer.js';

/**
 * File contents on disk. A finished content is `blobs/<md5>` (lower-case hex), shared by every
 * revision with that hash. Bytes still arriving live in `partial/<revision id>`, which is appended
 * to, fsynced, and only then counted in the database; on completion it is hashed and renamed into
 * `blobs/`. A crash therefore leaves at worst a partial file longer than its recorded size (cut
 * back on the next append) or an unreferenced blob (removed by the start-up sweep).
 */
export class BlobStore {
  readonly #blobs: string;
  readonly #partial: string;

  constructor(dataDir: string) {
    this.#blobs = join(dataDir, 'blobs');
    this.#partial = join(dataDir, 'partial');
  }

  async init(): Promise<void> {
    await mkdir(this.#blobs, { recursive: true });
    await mkdir(this.#partial, { recursive: true });
  }

  blobPath(md5: string): string {
    return join(this.#blobs, md5.toLowerCase());
  }

  async hasBlob(md5: string): Promise<boolean> {
    return stat(this.blobPath(md5)).then(
      () => true,
      () => false,
    );
  }

  /**
   * Streams `body` into the partial file of a revision from byte `start`, accepting at most
   * `limit` bytes (more → 400, the declared size was exceeded). Whatever arrived before the body
   * ended or broke is fsynced and returned, so an interrupted upload can resume from it. A body
   * that starts at byte 0 is hashed as it arrives, so completing it needs no second read.
   */
  async append(
    revisionId: number,
    start: number,
    body: AsyncIterable<Buffer>,
    limit: number,
    checkpoint: (written: number) => void,
  ): Promise<AppendResult> {
    // From byte 0 the file is emptied on open; a resume keeps the bytes before `start`.
    const file = await open(join(this.#partial, String(revisionId)), start === 0 ? 'w' : 'a+');
    const writer = new PartialWriter(file, start, checkpoint);
    const hash = start === 0 ? createHash('md5') : undefined;
    let accepted = 0;
    let failure: unknown;
    try {
      if (start > 0) await file.truncate(start);
      for await (const chunk of body) {
        const part = accepted + chunk.length > limit ? chunk.subarray(0, limit - accepted) : chunk;
        hash?.update(part);
        accepted += part.length;
        await writer.add(part);
        if (part !== chunk) {
          throw new JfsHttpError(
            400,
            'no.jotta.backup.errors.InvalidArgumentException',
            'Upload is larger than the declared size',
          );
        }
      }
    } catch (error) {
      failure = error;
    } finally {
      try {
        await writer.finish();
      } finally {
        await file.close();
      }
    }

    const written = writer.written;
    const whole = hash !== undefined && failure === undefined && written === limit;
    return { written, failure, md5: whole ? hash.digest('hex') : undefined };
  }

  /** MD5 (lower-case hex) of the bytes received so far for a revision. */
  async hashPartial(revisionId: number): Promise<string> {
    const hash = createHash('md5');
    const path = join(this.#partial, String(revisionId));
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
      hash.update(chunk as Buffer);
    }
    return hash.digest('hex');
  }

  /** Moves a finished partial file to `blobs/<md5>` (or drops it when that blob exists). */
  async promote(revisionId: number, md5: string): Promise<void> {
    const source = join(this.#partial, String(revisionId));
    if (await this.hasBlob(md5)) {
      await rm(source, { force: true });
      return;
    }
    await rename(source, this.blobPath(md5));
    await syncDirectory(this.#blobs);
  }

  /**
   * Stores a whole content as `blobs/<md5>` unless that blob exists; true when it was written.
   * It goes to a temporary name beside it first (never swept while the server runs), is fsynced
   * with the folder, and only then renamed, so no revision can ever see a short blob.
   */
  async storeBlob(md5: string, content: Buffer): Promise<boolean> {
    if (await this.hasBlob(md5)) return false;
    const temporary = `${this.blobPath(md5)}.storing`;
    const file = await open(temporary, 'w');
    try {
      await file.writeFile(content);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, this.blobPath(md5));
    await syncDirectory(this.#blobs);
    return true;
  }

  /** Bytes of a revision's partial file on disk (0 when there is none). */
  async partialSize(revisionId: number): Promise<number> {
    return stat(join(this.#partial, String(revisionId))).then(
      (info) => info.size,
      () => 0,
    );
  }

  async dropPartial(revisionId: number): Promise<void> {
    await rm(join(this.#partial, String(revisionId)), { force: true });
  }

  async dropBlob(md5: string): Promise<void> {
    await rm(this.blobPath(md5), { force: true });
  }

  /** Start-up sweep: removes partial files of no open revision and blobs nothing refers to. */
  async sweep(
    isOpenRevision: (id: number) => boolean,
    isReferenced: (md5: string) => boolean,
  ): Promise<SweepReport> {
    const report: SweepReport = { partials: await this.sweepPartials(isOpenRevision), blobs: 0 };
    for (const name of await readdir(this.#blobs)) {
      if (!/^[0-9a-f]{32}$/.test(name) || !isReferenced(name)) {
        await rm(join(this.#blobs, name), { force: true });
        report.blobs += 1;
      }
    }
    return report;
  }

  /** Removes partial files whose revision is no longer open (deleted, or never recorded). */
  async sweepPartials(isOpenRevision: (id: number) => boolean): Promise<number> {
    let removed = 0;
    for (const name of await readdir(this.#partial)) {
      const id = Number(name);
      if (!Number.isInteger(id) || !isOpenRevision(id)) {
        await rm(join(this.#partial, name), { force: true });
        removed += 1;
      }
    }
    return removed;
  }
}

export interface AppendResult {
  written: number;
  /** Set when the body broke off or exceeded the limit; the written bytes are still durable. */
  failure?: unknown;
  /** MD5 (lower-case hex) of the whole content, when this body carried all of it from byte 0. */
  md5?: string;
}

export interface SweepReport {
  partials: number;
  blobs: number;
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
