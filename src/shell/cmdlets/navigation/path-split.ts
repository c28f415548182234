import { driveQualifier } from '../../../provider/path-syntax.js';

/**
 * Split-Path's lexical operations on a path string, as the user typed it: nothing is looked
 * up, so they work on paths that do not exist.
 */

const TRAILING = /[\\/]+$/;

/** `JAFS:` of `JAFS:\a` (undefined without a drive qualifier). */
export function qualifierOf(path: string): string | undefined {
  const inner = path.includes('::') ? path.slice(path.indexOf('::') + 2) : path;
  const drive = driveQualifier(inner);
  return drive === undefined ? undefined : `${drive}:`;
}

/** The path without its `Drive:` (and `Provider::`) prefix. */
export function withoutQualifier(path: string): string {
  const inner = path.includes('::') ? path.slice(path.indexOf('::') + 2) : path;
  const qualifier = qualifierOf(inner);
  return qualifier ? inner.slice(qualifier.length) : inner;
}

/** The container part: `JAFS:\a\b` → `JAFS:\a`, `JAFS:\a` → `JAFS:\`, `/tmp` → `/`. */
export function parentOfText(path: string): string {
  const prefix = path.includes('::') ? path.slice(0, path.indexOf('::') + 2) : '';
  const head = prefix + (qualifierOf(path) ?? '');
  const trimmed = path.slice(head.length).replace(TRAILING, '');
  if (trimmed === '') return '';

  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (cut === -1) return head;
  if (cut === 0) return head + trimmed.charAt(0);
  return head + trimmed.slice(0, cut);
}

/** The last element: `JAFS:\a\b.txt` → `b.txt`. */
export function leafOfText(path: string): string {
  const body = withoutQualifier(path).replace(TRAILING, '');
  const cut = Math.max(body.lastIndexOf('/'), body.lastIndexOf('\\'));
  return body.slice(cut + 1);
}

export function extensionOf(leaf: string): string {
  const dot = leaf.lastIndexOf('.');
  return dot > 0 ? leaf.slice(dot) : '';
}

export function leafBaseOf(leaf: string): string {
  const extension = extensionOf(leaf);
  return extension ? leaf.slice(0, -extension.length) : leaf;
}

/** Drive-qualified, provider-qualified or rooted (on Linux `/` is absolute). */
export function isAbsoluteText(path: string): boolean {
  if (path.includes('::')) return true;
  if (qualifierOf(path)) return true;
  return /^[\\/]/.test(path);
}

/** Joins with the provider's separator, without doubling separators at the seam. */
export function joinText(parent: string, child: string, separator: string): string {
  if (parent === '') return child;
  if (child === '') return parent;
  const left = /[\\/]$/.test(parent) ? parent.slice(0, -1) : parent;
  const right = child.replace(/^[\\/]+/, '');
  return `${left}${separator}${right}`;
}
