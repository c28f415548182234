import { InvalidPathError } from './errors.js';

/** Jottacloud refuses longer names (rclone#7184); the client says so before any request. */
export const MAX_NAME_LENGTH = 255;

/**
 * Splits a device-relative path (`/Jotta/Archive/a b/c.txt`) into its names. Only `/`
 * separates: a backslash is part of a name. Names are kept exactly, leading and trailing spaces
 * included (rclone#2744); empty segments from doubled or trailing slashes are dropped.
 */
export function splitPath(path: string): string[] {
  const names = path.split('/').filter((name) => name !== '');

  for (const name of names) {
    if (name === '.' || name === '..') {
      throw new InvalidPathError(`The path ${path} contains "${name}", which JFS cannot address.`, {
        path,
      });
    }
  }
  return names;
}

/** The canonical device-relative form: `/Jotta/Archive/a`. */
export function joinPath(names: readonly string[]): string {
  return '/' + names.join('/');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Rejects names JFS will not store; `[...name]` counts code points, not UTF-16 units. */
export function assertValidName(name: string, path: string): void {
  if ([...name].length > MAX_NAME_LENGTH) {
    throw new InvalidPathError(
      `The name "${name.slice(0, 40)}…" in ${path} is too long: Jottacloud allows at most ` +
        `${MAX_NAME_LENGTH} characters. Rename it and try again.`,
      { path },
    );
  }
  if (LONE_SURROGATE.test(name)) {
    throw new InvalidPathError(`The path ${path} contains a broken Unicode character.`, { path });
  }
}

/**
 * Parses a path that must reach at least `minDepth` names (1 = device, 2 = mount point,
 * 3 = something inside a mount point) and checks every name for creation.
 */
export function parseItemPath(path: string, minDepth: number, what: string): string[] {
  const names = splitPath(path);

  if (names.length < minDepth) {
    const levels = ['a device', 'a mount point', 'a folder or file inside a mount point'];
    throw new InvalidPathError(
      `The path ${path} does not name ${what}: expected ${levels[minDepth - 1]}, ` +
        `like /Jotta/Archive/folder.`,
      { path },
    );
  }
  for (const name of names) assertValidName(name, path);
  return names;
}

/**
 * Percent-encodes one path segment (§1.4). encodeURIComponent leaves only
 * `A-Za-z0-9-_.!~*'()` literal, so space → %20 (never `+`, which the server reads as a space),
 * `+` → %2B, `#` → %23, `%` → %25, `;` → %3B (else Jetty drops the rest of the segment),
 * `?` → %3F, `\` → %5C and non-ASCII as UTF-8 bytes.
 */
export function encodeSegment(name: string): string {
  try {
    return encodeURIComponent(name);
  } catch {
    throw new InvalidPathError(`The name "${name}" contains a broken Unicode character.`);
  }
}

/** `/jfs/<user>/<names…>` with every segment encoded. */
export function jfsUrlPath(user: string, names: readonly string[]): string {
  return '/jfs/' + [user, ...names].map(encodeSegment).join('/');
}

/**
 * Absolute form the server uses in `mv=`, `mvDir=`, `cp=`: `/<user>/<device>/<mp>/…`, encoded
 * as a query value (encodeURIComponent is safe for both form-style and plain decoding).
 */
export function absoluteQueryValue(user: string, names: readonly string[]): string {
  return encodeURIComponent('/' + [user, ...names].join('/'));
}

/** Allocate API form, without the user (§1.3, B09): `/jfs/<device>/<mp>/<path>`. */
export function allocatePath(names: readonly string[]): string {
  return '/jfs/' + names.join('/');
}

/**
 * Turns a server path (`/<user>/Jotta/Archive`, as in `<path>`/`<abspath>`) into a
 * device-relative one (`/Jotta/Archive`). Paths that do not start with the user are returned
 * unchanged, so nothing is lost when the server's user spelling differs in case.
 */
export function toDeviceRelative(serverPath: string, user: string | undefined): string {
  if (user === undefined) return serverPath;
  const prefix = '/' + user;
  if (serverPath.toLowerCase() === prefix.toLowerCase()) return '/';
  if (serverPath.toLowerCase().startsWith(prefix.toLowerCase() + '/')) {
    return serverPath.slice(prefix.length);
  }
  return serverPath;
}
