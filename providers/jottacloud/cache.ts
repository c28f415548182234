import { isWithin, parentOf, pathKey } from './paths.js';

interface Entry<T> {
  value: Promise<T>;
  expires: number;
}

/** How long a listing stays fresh: long enough for one command and its completions. */
export const LISTING_TTL_MS = 5_000;

/**
 * Listings of one Jottacloud account, kept for a few seconds so that resolving a path, listing
 * it and completing names below it cost one request per container instead of one per call.
 * Concurrent loads of the same path share one request. Every change made through the provider
 * invalidates what it touched; changes made elsewhere show after the TTL.
 */
export class ListingCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #ttl: number;
  readonly #now: () => number;

  constructor(options: { ttlMs?: number; now?: () => number } = {}) {
    this.#ttl = options.ttlMs ?? LISTING_TTL_MS;
    this.#now = options.now ?? Date.now;
  }

  /** The cached listing of `path`, or the result of `load` (then cached while fresh). */
  get(path: string, load: () => Promise<T>): Promise<T> {
    const key = pathKey(path);
    const now = this.#now();
    const cached = this.#entries.get(key);
    if (cached && cached.expires > now) return cached.value;

    const value = load();
    const entry = { value, expires: now + this.#ttl };
    this.#entries.set(key, entry);

    // A failed load (not found, canceled) must not be remembered.
    value.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    return value;
  }

  /** The cached listing of `path` while fresh, without loading it. */
  peek(path: string): Promise<T> | undefined {
    const cached = this.#entries.get(pathKey(path));
    return cached && cached.expires > this.#now() ? cached.value : undefined;
  }

  /**
   * Forgets `path`, everything below it and its parent chain up to the account: a change
   * alters the parent's listing and the sizes and dates shown by every ancestor.
   */
  invalidate(path: string): void {
    for (const key of [...this.#entries.keys()]) {
      if (isWithin(key, path)) this.#entries.delete(key);
    }

    let ancestor = path;
    while (ancestor !== '/') {
      ancestor = parentOf(ancestor);
      this.#entries.delete(pathKey(ancestor));
    }
  }

  clear(): void {
    this.#entries.clear();
  }
}
