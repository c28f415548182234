import { Readable } from 'node:stream';
import type {
  ContentSource,
  DriveInfo,
  Provider,
  ProviderContext,
  ProviderItem,
} from '../provider/types.js';

/**
 * The tree every provider is checked against. Keys ending in `/` are containers, the others
 * leaves with the given text. A read-only provider's factory must present exactly this tree at
 * its drive root; a writable provider is filled with it through its own newItem/setContent.
 */
export const CONTRACT_TREE: Readonly<Record<string, string>> = {
  'docs/': '',
  'docs/readme.txt': 'hello, provider\n',
  'docs/deep/': '',
  'docs/deep/digits.txt': '0123456789',
  'empty/': '',
  'top.txt': 'top level',
};

/**
 * The tree of a provider without containers below its root (`cannot.nest`: Env:, Variable:):
 * the same leaf names at the root, each a one-line value (an environment variable holds no
 * trailing line break).
 */
export const FLAT_CONTRACT_TREE: Readonly<Record<string, string>> = {
  'digits.txt': '0123456789',
  'readme.txt': 'hello, provider',
  'top.txt': 'top level',
};

/** The contract tree's paths in listing order under `root` (parents before children). */
export function contractPaths(root: string, tree = CONTRACT_TREE): string[] {
  const base = root === '/' ? '' : root;
  return Object.keys(tree).map((key) => `${base}/${key.replace(/\/$/, '')}`);
}

/** The sorted names a tree holds directly in the container `key` (`''` for the root). */
export function namesIn(tree: Readonly<Record<string, string>>, key: string): string[] {
  const prefix = key === '' ? '' : `${key}/`;
  return Object.keys(tree)
    .map((entry) => entry.replace(/\/$/, ''))
    .filter((entry) => entry.startsWith(prefix) && !entry.slice(prefix.length).includes('/'))
    .map((entry) => entry.slice(prefix.length))
    .sort();
}

/** The key of the leaf called `name` in a seed tree (`readme.txt` → `docs/readme.txt`). */
export function leafKey(tree: Readonly<Record<string, string>>, name: string): string {
  const key = Object.keys(tree).find((entry) => entry === name || entry.endsWith(`/${name}`));
  if (key === undefined) throw new Error(`The contract tree has no leaf '${name}'.`);
  return key;
}

/** A ContentSource over bytes in memory (tests only: real sources stream). */
export function textSource(text: string, extra: Partial<ContentSource> = {}): ContentSource {
  const bytes = Buffer.from(text, 'utf8');
  return {
    size: bytes.length,
    ...extra,
    open: async (offset = 0, signal) => Readable.from([bytes.subarray(offset)], { signal }),
  };
}

/** Fills `root` with a contract tree through the provider API (writable providers). */
export async function seedThroughApi(
  provider: Provider,
  root: string,
  ctx: ProviderContext,
  containerType: string,
  tree = CONTRACT_TREE,
): Promise<void> {
  const base = root === '/' ? '' : root;
  for (const [key, text] of Object.entries(tree)) {
    if (key.endsWith('/'))
      await provider.newItem!(`${base}/${key.slice(0, -1)}`, containerType, undefined, ctx);
    else await provider.setContent!(`${base}/${key}`, textSource(text), ctx);
  }
}

/** The whole content of a leaf as UTF-8 text, read from `offset`. */
export async function readText(
  provider: Provider,
  path: string,
  ctx: ProviderContext,
  offset = 0,
): Promise<string> {
  const content = await provider.getContent!(path, ctx);
  const chunks: Buffer[] = [];
  for await (const chunk of await content.open(offset, ctx.signal)) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** Collects an async iterable. */
export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of source) out.push(value);
  return out;
}

/** The sorted names of a container's children. */
export async function childNames(
  provider: Provider,
  path: string,
  ctx: ProviderContext,
): Promise<string[]> {
  const items: ProviderItem[] = await collect(provider.getChildItems(path, ctx));
  return items.map((item) => item.name).sort();
}

/** A ProviderContext as the engine builds it, with nothing listening to progress. */
export function contractContext(drive: DriveInfo, signal?: AbortSignal): ProviderContext {
  return {
    signal: signal ?? new AbortController().signal,
    force: false,
    dynamic: {},
    drive,
    progress: () => undefined,
    verbose: () => undefined,
    warning: () => undefined,
  };
}
