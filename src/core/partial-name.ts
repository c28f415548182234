import { randomBytes } from 'node:crypto';

/** Bytes of the target's name kept in a partial file's name: well inside 255 with the suffix. */
const KEPT_NAME_BYTES = 80;

/**
 * The name of the temporary file a download or an atomic write fills before it takes the
 * target's name: hidden, recognisable (`.jafs-part`), unique, and short enough for any file
 * system even when the target's own name is at the 255-byte limit.
 */
export function partialFileName(targetName: string): string {
  let kept = '';
  for (const character of targetName) {
    if (Buffer.byteLength(kept + character) > KEPT_NAME_BYTES) break;
    kept += character;
  }
  return `.${kept}.${randomBytes(6).toString('hex')}.jafs-part`;
}
