import type { Readable } from 'node:stream';
import { byteOrderMark, type StreamDecoder, type TextEncoding } from './content-encoding.js';

/** How Get-Content turns bytes into records. */
export interface RecordOptions {
  encoding: TextEncoding;
  /** Splits records at this string instead of at line breaks (PowerShell 6+ drops it). */
  delimiter?: string;
  /** One record: the whole text, or with `asBytes` one array of every byte. */
  raw: boolean;
  /** Records are bytes (numbers 0–255) instead of text. */
  asBytes: boolean;
  /** Only the first N records (stops reading early). */
  totalCount?: number;
  /** Only the last N records. */
  tail?: number;
}

/**
 * Splits text into records as it arrives. At line breaks (the default, and `` -Delimiter "`n" ``
 * as PowerShell 7 reads it) a record ends at `\r\n`, `\n` or a lone `\r`; with another
 * delimiter at each occurrence of it. A final empty record (text ending in a delimiter) is not
 * one.
 */
export class RecordSplitter {
  #pending = '';
  readonly #delimiter: string | undefined;

  constructor(delimiter?: string) {
    this.#delimiter = delimiter === '\n' || delimiter === '' ? undefined : delimiter;
  }

  push(text: string): string[] {
    this.#pending += text;
    return this.#delimiter === undefined ? this.#lines() : this.#split(this.#delimiter);
  }

  end(): string[] {
    const rest = this.#pending.endsWith('\r') ? this.#pending.slice(0, -1) : this.#pending;
    const ended = this.#pending !== '';
    this.#pending = '';
    return ended ? [rest] : [];
  }

  #lines(): string[] {
    const text = this.#pending;
    const records: string[] = [];
    let start = 0;
    for (let at = 0; at < text.length; at++) {
      const char = text[at];
      if (char !== '\n' && char !== '\r') continue;
      // A `\r` at the end of a chunk may be the first half of `\r\n`: wait for the next one.
      if (char === '\r' && at + 1 === text.length) break;

      records.push(text.slice(start, at));
      if (char === '\r' && text[at + 1] === '\n') at++;
      start = at + 1;
    }

    this.#pending = text.slice(start);
    return records;
  }

  #split(delimiter: string): string[] {
    const parts = this.#pending.split(delimiter);
    this.#pending = parts.pop() ?? '';
    return parts;
  }
}

/** Bytes read until the first four (or the end) are known, to look for a byte order mark. */
async function* withDecoder(
  stream: Readable,
  encoding: TextEncoding,
): AsyncGenerator<string, void, undefined> {
  let head = Buffer.alloc(0);
  let decoder: StreamDecoder | undefined;
  const start = () => {
    const mark = byteOrderMark(head);
    decoder = (mark?.encoding ?? encoding).decoder();
    return decoder.write(head.subarray(mark?.length ?? 0));
  };

  for await (const chunk of stream) {
    if (decoder) {
      yield decoder.write(chunk as Buffer);
      continue;
    }

    head = Buffer.concat([head, chunk as Buffer]);
    if (head.length >= 4) yield start();
  }

  if (!decoder) yield start();
  yield decoder!.end();
}

/** The records of one stream, as strings, or as numbers with `asBytes`. */
async function* allRecords(stream: Readable, options: RecordOptions): AsyncGenerator<unknown> {
  if (options.asBytes) {
    for await (const chunk of stream) yield* chunk as Buffer;
    return;
  }

  const splitter = new RecordSplitter(options.delimiter);
  for await (const text of withDecoder(stream, options.encoding)) yield* splitter.push(text);
  yield* splitter.end();
}

/**
 * Get-Content's output for one item: records (or one raw record), cut to -TotalCount or
 * -Tail. The stream is read only as far as -TotalCount needs and closed afterwards.
 */
export async function* readRecords(
  stream: Readable,
  options: RecordOptions,
): AsyncGenerator<unknown> {
  try {
    if (options.raw) {
      // An empty file gives nothing at all ($null), not an empty string.
      const whole = await rawRecord(stream, options);
      if (whole.length > 0) yield whole;
      return;
    }

    const limit =
      options.totalCount !== undefined && options.totalCount >= 0 ? options.totalCount : Infinity;
    const tail = options.tail !== undefined && options.tail >= 0 ? options.tail : undefined;
    if (limit === 0) return;

    const kept: unknown[] = [];
    let emitted = 0;
    for await (const record of allRecords(stream, options)) {
      if (tail === undefined) {
        yield record;
        if (++emitted >= limit) return;
        continue;
      }

      kept.push(record);
      if (kept.length > tail) kept.shift();
    }

    yield* kept;
  } finally {
    stream.destroy();
  }
}

/** -Raw: the whole text with its line breaks, or every byte in one array. */
async function rawRecord(stream: Readable, options: RecordOptions): Promise<string | number[]> {
  if (options.asBytes) {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return [...Buffer.concat(chunks)];
  }

  let text = '';
  for await (const part of withDecoder(stream, options.encoding)) text += part;
  return text;
}
