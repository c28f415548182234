/**
 * Provider paths of the Jottacloud provider. They coincide with the JFS client's
 * device-relative paths: `/` is the account, `/Jotta` a device, `/Jotta/Archive` a mount point,
 * anything deeper a folder or file inside that mount point.
 */

/** A drive root as New-PSDrive may give it (`\Jotta\Archive`) turned into a provider path. */
export function normalizeRoot(root: string): string {
  return (
    '/' +
    root
      .split(/[/\\]+/)
      .filter((segment) => segment.length > 0)
      .join('/')
  );
}

/** How deep a path reaches into the account's hierarchy. */
export type PathLevel = 'account' | 'device' | 'mountPoint' | 'entry';

/** The segments of a provider path (`/` has none). */
export function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

export function levelOf(path: string): PathLevel {
  const depth = segmentsOf(path).length;
  if (depth === 0) return 'account';
  if (depth === 1) return 'device';
  if (depth === 2) return 'mountPoint';
  return 'entry';
}

/** The parent of a path; the parent of `/` is `/`. */
export function parentOf(path: string): string {
  const segments = segmentsOf(path);
  return '/' + segments.slice(0, -1).join('/');
}

/** The last segment, or '' for the root. */
export function leafOf(path: string): string {
  const segments = segmentsOf(path);
  return segments[segments.length - 1] ?? '';
}

export function joinPath(parent: string, name: string): string {
  return parent === '/' ? `/${name}` : `${parent}/${name}`;
}

/** The device segment of a path below the account, e.g. `Jotta`. */
export function deviceOf(path: string): string | undefined {
  return segmentsOf(path)[0];
}

/** A cache and comparison key: Jottacloud names are case-insensitive. */
export function pathKey(path: string): string {
  return path.toLowerCase();
}

/** Whether `path` is `ancestor` or lies below it (case-insensitive). */
export function isWithin(path: string, ancestor: string): boolean {
  const key = pathKey(path);
  const base = pathKey(ancestor);
  if (base === '/') return true;
  return key === base || key.startsWith(base + '/');
}

/**
 * How the shell shows `path` on `drive`, for messages: `JAFS:\Jotta\Archive\a.txt`, or
 * `Cloud:\docs` on a drive rooted at `/Jotta/Archive`.
 */
export function displayPath(path: string, drive: { name: string; root: string }): string {
  const root = segmentsOf(drive.root);
  const segments = segmentsOf(path);
  const inside = root.every((name, i) => segments[i]?.toLowerCase() === name.toLowerCase());
  if (!inside) return path;
  return `${drive.name}:\\${segments.slice(root.length).join('\\')}`;
}
