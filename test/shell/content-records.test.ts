import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { encodingNamed } from '../../src/shell/cmdlets/navigation/content-encoding.js';
import {
  readRecords,
  type RecordOptions,
} from '../../src/shell/cmdlets/navigation/content-reader.js';

/** The bytes as a stream of `size`-byte chunks, so every boundary case is crossed. */
function chunked(bytes: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return Readable.from(chunks);
}

async function records(bytes: Buffer, options: Partial<RecordOptions> = {}, size = 1) {
  const all: unknown[] = [];
  const settings = { encoding: encodingNamed(undefined), raw: false, asBytes: false, ...options };
  for await (const record of readRecords(chunked(bytes, size), settings)) all.push(record);
  return all;
}

describe('Get-Content records, whatever the chunk boundaries', () => {
  it.each([1, 2, 3, 7, 64])('splits CRLF, LF and lone CR lines in %i-byte chunks', async (size) => {
    const text = Buffer.from('one\r\ntwo\nthree\rfour\r\n\r\nsix');
    expect(await records(text, {}, size)).toEqual(['one', 'two', 'three', 'four', '', 'six']);
  });

  it.each([1, 3, 5])(
    'finds a BOM split over chunks and decodes UTF-16 and UTF-32 (%i)',
    async (size) => {
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ä😀\nb', 'utf16le')]);
      expect(await records(utf16, {}, size)).toEqual(['ä😀', 'b']);

      const utf32 = encodingNamed('bigendianutf32');
      const bytes = Buffer.concat([utf32.preamble, utf32.encode('x😀y\n')]);
      expect(await records(bytes, {}, size)).toEqual(['x😀y']);
    },
  );

  it('keeps a multi-character delimiter split over chunks, and drops it', async () => {
    const text = Buffer.from('a<>b<><>c<>');
    expect(await records(text, { delimiter: '<>' }, 1)).toEqual(['a', 'b', '', 'c']);
  });

  it('stops at -TotalCount, keeps the last -Tail, and gives one record with -Raw', async () => {
    const text = Buffer.from('1\n2\n3\n4\n');
    expect(await records(text, { totalCount: 2 })).toEqual(['1', '2']);
    expect(await records(text, { totalCount: 0 })).toEqual([]);
    expect(await records(text, { tail: 3 })).toEqual(['2', '3', '4']);
    expect(await records(text, { raw: true }, 3)).toEqual(['1\n2\n3\n4\n']);
    expect(await records(Buffer.alloc(0), { raw: true })).toEqual([]);
    expect(await records(Buffer.from([0, 200]), { asBytes: true, raw: true })).toEqual([[0, 200]]);
  });

  it('reads a truncated UTF-32 unit as the replacement character', async () => {
    const bytes = Buffer.from([0x41, 0, 0, 0, 0x42, 0]);
    expect(await records(bytes, { encoding: encodingNamed('utf32') })).toEqual(['A\uFFFD']);
  });
});
