import { isAbortError } from '../core/errors.js';
import type { ProviderItem } from './types.js';
import type { ItemPath } from './item-path.js';
import { makeContainer } from './item-operations.js';
import type { LeafCopier } from './copy-leaf.js';
import { placeBelow, treeKey, type TreeEntry } from './copy-plan.js';
import type { CopyOptions } from './copy.js';

/**
 * The target containers of a tree copy, made while the leaves already go: each one after its
 * parent, at most `limit` at once, and a leaf waits only for its own parent. A target provider
 * whose writes create missing parents (setListedContent) is asked only for the containers that
 * receive no leaf (the empty ones); existing containers are reused. A container that cannot be
 * made is reported through onError once, and everything below it is left out.
 */
export class TargetContainers {
  readonly #ready = new Map<string, Promise<boolean>>();
  readonly #waiting: (() => void)[] = [];
  #running = 0;
  #fatal: { error: unknown } | undefined;

  constructor(
    private readonly target: ItemPath,
    private readonly copier: LeafCopier,
    private readonly options: CopyOptions,
    private readonly limit: number,
  ) {}

  /** Starts making the containers among `entries` (parents listed before their children). */
  start(entries: readonly TreeEntry[], there: ReadonlyMap<string, ProviderItem>): void {
    const implicit = typeof this.target.drive.provider.setListedContent === 'function';
    const filled = new Set<string>();
    for (const entry of entries) {
      if (entry.item.isContainer) continue;
      for (let depth = 1; depth < entry.below.length; depth++) {
        filled.add(treeKey(this.target, entry.below.slice(0, depth)));
      }
    }

    for (const { below, item } of entries) {
      if (!item.isContainer) continue;
      const key = treeKey(this.target, below);
      const found = there.get(key);
      // An existing container is reused; a leaf in the way gets the provider's own error.
      const needless = found ? found.isContainer : implicit && filled.has(key);
      this.#ready.set(key, this.#make(below, needless));
    }
  }

  /**
   * Resolves true once the container `below` (names below the target; [] is the target itself)
   * and its parents exist or will be made by the write; false when one of them failed.
   * Rejects, without onError, with the first failure.
   */
  async ready(below: readonly string[]): Promise<boolean> {
    const ok = below.length === 0 || (await this.#ready.get(treeKey(this.target, below)));
    if (this.#fatal) throw this.#fatal.error;
    return ok !== false;
  }

  /** Waits for every container; rejects, without onError, with the first failure. */
  async done(): Promise<void> {
    await Promise.all(this.#ready.values());
    if (this.#fatal) throw this.#fatal.error;
  }

  async #make(below: readonly string[], needless: boolean): Promise<boolean> {
    if (!(await this.ready(below.slice(0, -1)).catch(() => false))) return false;
    if (needless) {
      this.copier.itemsDone++;
      return true;
    }

    await this.#slot();
    const place = placeBelow(this.target, below);
    try {
      if (this.#fatal) return false;
      await makeContainer(place, this.options);
      this.copier.itemsDone++;
      return true;
    } catch (error) {
      if (this.options.onError && !isAbortError(error)) this.options.onError(error, place.display);
      else this.#fatal ??= { error };
      return false;
    } finally {
      this.#release();
    }
  }

  async #slot(): Promise<void> {
    if (this.#running < this.limit) {
      this.#running++;
      return;
    }
    await new Promise<void>((resume) => this.#waiting.push(resume));
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#running--;
  }
}
