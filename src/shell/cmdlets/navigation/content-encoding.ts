import { JafsError } from '../../../core/errors.js';
import { ParameterBindingError } from '../../errors.js';

/**
 * The text encodings of -Encoding on Get-Content, Set-Content and Add-Content, by PowerShell 7's
 * names, .NET's names (`utf-16`, `iso-8859-1`) and code pages (`1200`). PowerShell's default is
 * UTF-8 without a byte order mark; reading, a byte order mark at the start of the content wins
 * over -Encoding, as .NET's StreamReader does.
 */
export interface TextEncoding {
  /** The canonical name, as help and errors show it. */
  readonly name: string;
  /** The byte order mark Set-Content writes first (empty for none). */
  readonly preamble: Buffer;
  encode(text: string): Buffer;
  /** A decoder for one stream: `write` each chunk, then `end`. */
  decoder(): StreamDecoder;
}

/** Decodes one stream chunk by chunk, carrying split characters over. */
export interface StreamDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

/** The names tab completion offers: PowerShell 7's set, as its ValidateSet-like list reads. */
export const ENCODING_NAMES: readonly string[] = [
  'ascii',
  'ansi',
  'bigendianunicode',
  'bigendianutf32',
  'latin1',
  'oem',
  'unicode',
  'utf8',
  'utf8BOM',
  'utf8NoBOM',
  'utf32',
];

/** A decoder over the WHATWG TextDecoder (UTF-8 and UTF-16 in either byte order). */
function webDecoder(label: string): () => StreamDecoder {
  return () => {
    const decoder = new TextDecoder(label, { ignoreBOM: true });
    return {
      write: (chunk) => decoder.decode(chunk, { stream: true }),
      end: () => decoder.decode(),
    };
  };
}

/** A decoder of fixed-width units (UTF-32) that keeps a split unit for the next chunk. */
function unitDecoder(width: number, decode: (unit: Buffer) => string): () => StreamDecoder {
  return () => {
    let carried = Buffer.alloc(0);
    return {
      write(chunk) {
        const bytes = Buffer.concat([carried, chunk]);
        const whole = bytes.length - (bytes.length % width);
        carried = bytes.subarray(whole);
        let text = '';
        for (let at = 0; at < whole; at += width) text += decode(bytes.subarray(at, at + width));
        return text;
      },
      // A truncated last unit decodes as the replacement character, as .NET does.
      end: () => (carried.length > 0 ? '\uFFFD' : ''),
    };
  };
}

function utf32Unit(bigEndian: boolean) {
  return (unit: Buffer) => {
    const point = bigEndian ? unit.readUInt32BE(0) : unit.readUInt32LE(0);
    const valid = point <= 0x10ffff && (point < 0xd800 || point > 0xdfff);
    return valid ? String.fromCodePoint(point) : '\uFFFD';
  };
}

function encodeUtf32(text: string, bigEndian: boolean): Buffer {
  const points = [...text].map((char) => char.codePointAt(0) ?? 0xfffd);
  const bytes = Buffer.alloc(points.length * 4);
  points.forEach((point, i) =>
    bigEndian ? bytes.writeUInt32BE(point, i * 4) : bytes.writeUInt32LE(point, i * 4),
  );
  return bytes;
}

/** Single-byte text: characters above `max` become `?`, as .NET's replacement fallback does. */
function encodeSingleByte(text: string, max: number): Buffer {
  return Buffer.from(
    [...text].map((char) => ((char.codePointAt(0) ?? 0) <= max ? char.codePointAt(0)! : 0x3f)),
  );
}

const BOMS = {
  utf8: Buffer.from([0xef, 0xbb, 0xbf]),
  utf16le: Buffer.from([0xff, 0xfe]),
  utf16be: Buffer.from([0xfe, 0xff]),
  utf32le: Buffer.from([0xff, 0xfe, 0x00, 0x00]),
  utf32be: Buffer.from([0x00, 0x00, 0xfe, 0xff]),
};
const NONE = Buffer.alloc(0);

function utf8(preamble: Buffer): TextEncoding {
  const name = preamble.length > 0 ? 'utf8BOM' : 'utf8NoBOM';
  return {
    name,
    preamble,
    encode: (text) => Buffer.from(text, 'utf8'),
    decoder: webDecoder('utf-8'),
  };
}

const UTF8 = utf8(NONE);
const UTF8_BOM = utf8(BOMS.utf8);
const UTF16LE: TextEncoding = {
  name: 'unicode',
  preamble: BOMS.utf16le,
  encode: (text) => Buffer.from(text, 'utf16le'),
  decoder: webDecoder('utf-16le'),
};
const UTF16BE: TextEncoding = {
  name: 'bigendianunicode',
  preamble: BOMS.utf16be,
  encode: (text) => Buffer.from(text, 'utf16le').swap16(),
  decoder: webDecoder('utf-16be'),
};
const UTF32LE: TextEncoding = {
  name: 'utf32',
  preamble: BOMS.utf32le,
  encode: (text) => encodeUtf32(text, false),
  decoder: unitDecoder(4, utf32Unit(false)),
};
const UTF32BE: TextEncoding = {
  name: 'bigendianutf32',
  preamble: BOMS.utf32be,
  encode: (text) => encodeUtf32(text, true),
  decoder: unitDecoder(4, utf32Unit(true)),
};
/** A single-byte decoder: bytes above `max` read as `?`, as .NET's ASCII decoder has them. */
function byteDecoder(max: number): () => StreamDecoder {
  return () => ({
    write: (chunk) =>
      Buffer.from(chunk.map((byte) => (byte <= max ? byte : 0x3f))).toString('latin1'),
    end: () => '',
  });
}

const ASCII: TextEncoding = {
  name: 'ascii',
  preamble: NONE,
  encode: (text) => encodeSingleByte(text, 0x7f),
  decoder: byteDecoder(0x7f),
};
const LATIN1: TextEncoding = {
  name: 'latin1',
  preamble: NONE,
  encode: (text) => encodeSingleByte(text, 0xff),
  decoder: byteDecoder(0xff),
};

/**
 * Every accepted spelling, lower-cased. .NET's own names (`utf-8`, 65001) give its UTF-8 with a
 * byte order mark, as `Encoding.GetEncoding` does in PowerShell. `ansi` and `oem` are the
 * system's code pages, which are UTF-8 where jafs runs (as PowerShell 7 has them on Linux).
 */
const BY_NAME = new Map<string, TextEncoding>([
  ['utf8', UTF8],
  ['utf8nobom', UTF8],
  ['ansi', UTF8],
  ['oem', UTF8],
  ['utf8bom', UTF8_BOM],
  ['utf-8', UTF8_BOM],
  ['65001', UTF8_BOM],
  ['unicode', UTF16LE],
  ['utf-16', UTF16LE],
  ['utf-16le', UTF16LE],
  ['1200', UTF16LE],
  ['bigendianunicode', UTF16BE],
  ['utf-16be', UTF16BE],
  ['unicodefffe', UTF16BE],
  ['1201', UTF16BE],
  ['utf32', UTF32LE],
  ['utf-32', UTF32LE],
  ['utf-32le', UTF32LE],
  ['12000', UTF32LE],
  ['bigendianutf32', UTF32BE],
  ['utf-32be', UTF32BE],
  ['12001', UTF32BE],
  ['ascii', ASCII],
  ['us-ascii', ASCII],
  ['20127', ASCII],
  ['latin1', LATIN1],
  ['iso-8859-1', LATIN1],
  ['28591', LATIN1],
]);

/** PowerShell's default for reading and writing text. */
export const DEFAULT_ENCODING = UTF8;

/** UTF-7 is a valid PowerShell name that jafs does not implement. */
export class EncodingNotSupportedError extends JafsError {
  constructor(name: string) {
    super(
      `The encoding '${name}' (UTF-7) is not supported by jafs: it is obsolete and unsafe. ` +
        'Use utf8 instead.',
      { code: 'EENCODING', errorId: 'EncodingNotSupported', category: 'InvalidArgument' },
    );
  }
}

/**
 * The encoding -Encoding names, or the default when none is given. An unknown name is
 * PowerShell's argument transformation error, worded as .NET words it for names and code pages.
 */
export function encodingNamed(given: unknown): TextEncoding {
  if (given === undefined || given === null || given === '') return DEFAULT_ENCODING;
  const name = String(given);
  const found = BY_NAME.get(name.toLowerCase());
  if (found) return found;
  if (['utf7', 'utf-7', '65000'].includes(name.toLowerCase())) {
    throw new EncodingNotSupportedError(name);
  }

  const prefix = "Cannot process argument transformation on parameter 'Encoding'.";
  const custom =
    'For information on defining a custom encoding, see the documentation for the ' +
    'Encoding.RegisterProvider method.';
  const message = /^\d+$/.test(name)
    ? `${prefix} No data is available for encoding ${name}. ${custom} (Parameter 'codepage')`
    : `${prefix} '${name}' is not a supported encoding name. ${custom} (Parameter 'name')`;
  throw new ParameterBindingError(message, 'ParameterArgumentTransformationError');
}

/** The encoding whose byte order mark starts `head`, and the mark's length; longest first. */
export function byteOrderMark(
  head: Uint8Array,
): { encoding: TextEncoding; length: number } | undefined {
  const starts = (mark: Buffer) =>
    head.length >= mark.length && mark.every((byte, i) => head[i] === byte);
  if (starts(BOMS.utf32le)) return { encoding: UTF32LE, length: 4 };
  if (starts(BOMS.utf32be)) return { encoding: UTF32BE, length: 4 };
  if (starts(BOMS.utf8)) return { encoding: UTF8, length: 3 };
  if (starts(BOMS.utf16le)) return { encoding: UTF16LE, length: 2 };
  if (starts(BOMS.utf16be)) return { encoding: UTF16BE, length: 2 };
  return undefined;
}
