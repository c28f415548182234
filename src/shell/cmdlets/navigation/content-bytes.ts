import type { CmdletContext } from '../../api.js';
import { JafsError } from '../../../core/errors.js';
import type { ItemPath, ResolvedItem } from '../../../provider/item-path.js';
import { engineOf, operationOptions } from './common.js';
import {
  DEFAULT_ENCODING,
  byteOrderMark,
  encodingNamed,
  type TextEncoding,
} from './content-encoding.js';

/**
 * The bytes Set-Content and Add-Content write: values as lines in an encoding (with its byte
 * order mark at the start of a file), or as bytes with -AsByteStream.
 */

/** -AsByteStream was given a value that is not a byte. */
export class NotAByteError extends JafsError {
  constructor(value: unknown) {
    super(`Cannot convert value "${String(value)}" to type "System.Byte".`, {
      code: 'EBYTE',
      errorId: 'InvalidCastToByte',
      category: 'InvalidArgument',
      targetObject: value,
    });
  }
}

/** A parameter's values as a list (one value, an array, or none). */
export function valueList(values: unknown): unknown[] {
  return Array.isArray(values) ? values : values === undefined ? [] : [values];
}

/** The text a list of values becomes: one line each, each ending in `\n` unless -NoNewline. */
function textOf(values: unknown, noNewline: boolean): string {
  const lines = valueList(values).map((value) =>
    value === null || value === undefined ? '' : String(value),
  );
  return noNewline ? lines.join('') : lines.map((line) => `${line}\n`).join('');
}

/** -AsByteStream: numbers 0–255 (or strings of them), byte arrays, nested arrays of those. */
function bytesOf(values: unknown): Buffer {
  const bytes: number[] = [];
  const add = (value: unknown): void => {
    if (value instanceof Uint8Array) return void bytes.push(...value);
    if (Array.isArray(value)) return value.forEach(add);
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < 0 || number > 255) {
      throw new NotAByteError(value);
    }

    bytes.push(number);
  };
  valueList(values).forEach(add);
  return Buffer.from(bytes);
}

/**
 * The bytes written to `target`: the values encoded (or as bytes), after the byte order mark
 * when the file starts with them (Set-Content, or Add-Content to a new or empty file).
 */
export async function contentFor(
  ctx: CmdletContext,
  target: ItemPath,
  values: unknown,
  append: boolean,
): Promise<Buffer> {
  if (ctx.params.AsByteStream === true) return bytesOf(values);

  const text = textOf(values, ctx.params.NoNewline === true);
  const existing = append ? await engineOf(ctx.session).tryGetItem(target) : undefined;
  const atStart = (existing?.size ?? 0) === 0;
  const encoding =
    atStart || ctx.params.Encoding !== undefined
      ? encodingNamed(ctx.params.Encoding)
      : await encodingOfFile(ctx, { path: target, item: existing! });
  const body = encoding.encode(text);
  return atStart ? Buffer.concat([encoding.preamble, body]) : body;
}

/**
 * What Add-Content without -Encoding appends in: the encoding the file's byte order mark names
 * (UTF-8 added to a UTF-16 file would garble it), else the default. Reads the first bytes only.
 */
async function encodingOfFile(ctx: CmdletContext, target: ResolvedItem): Promise<TextEncoding> {
  const engine = engineOf(ctx.session);
  const source = await engine.openContent(target, operationOptions(ctx));
  const stream = await source.open(0, ctx.signal);
  let head = Buffer.alloc(0);
  try {
    for await (const chunk of stream) {
      head = Buffer.concat([head, chunk as Buffer]);
      if (head.length >= 4) break;
    }
  } finally {
    stream.destroy();
  }

  return byteOrderMark(head)?.encoding ?? DEFAULT_ENCODING;
}
