import { describe, expect, it } from 'vitest';
import {
  ContainerNode,
  LeafNode,
  ProviderEngine,
  capabilitiesOf,
  createNodeProvider,
  type NodeCallContext,
  type Provider,
} from '../../src/provider/index.js';
import { collect, contractContext } from '../../src/testing/index.js';

class Note extends LeafNode {
  override content() {
    return `note ${this.name}`;
  }
}

/** A folder that counts its listings and can be told to wait for cancellation. */
class Counting extends ContainerNode {
  listings = 0;
  constructor(private readonly slow = false) {
    super('');
  }

  async *children(ctx: NodeCallContext) {
    this.listings += 1;
    yield new Note('Readme.md');
    if (this.slow) {
      await new Promise((_resolve, reject) => {
        ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true });
      });
    }
    yield new Note('never.md');
  }
}

async function mounted(provider: Provider) {
  const engine = new ProviderEngine();
  engine.registerProvider(provider);
  return engine.newDrive(provider.name, { name: 'S', root: '/' });
}

describe('node SDK', () => {
  it('reuses a listing while it is fresh and lists again after cacheMs', async () => {
    const root = new Counting();
    const cached = createNodeProvider({ name: 'Cached', root: () => root, cacheMs: 60_000 });
    const ctx = contractContext(await mounted(cached));
    await cached.getItem('/Readme.md', ctx);
    await collect(cached.getChildItems('/', ctx));
    expect(root.listings).toBe(1);

    const fresh = new Counting();
    const uncached = createNodeProvider({ name: 'Uncached', root: () => fresh, cacheMs: 0 });
    const ctx2 = contractContext(await mounted(uncached));
    await uncached.getItem('/Readme.md', ctx2);
    await collect(uncached.getChildItems('/', ctx2));
    expect(fresh.listings).toBe(2);
  });

  it('resolves names by the configured case rule', async () => {
    for (const caseSensitive of [false, true]) {
      const provider = createNodeProvider({
        name: `Case${caseSensitive}`,
        caseSensitive,
        root: () => new Counting(),
      });
      const ctx = contractContext(await mounted(provider));
      const found = await provider.getItem('/README.MD', ctx);
      expect(found?.name).toBe(caseSensitive ? undefined : 'Readme.md');
      expect(await provider.getItem('/Readme.md/below', ctx)).toBeUndefined();
    }
  });

  it('stops a listing when the operation is cancelled', async () => {
    const provider = createNodeProvider({ name: 'Slow', root: () => new Counting(true) });
    const controller = new AbortController();
    const ctx = contractContext(await mounted(provider), controller.signal);
    const listing = collect(provider.getChildItems('/', ctx));
    setImmediate(() => controller.abort());
    await expect(listing).rejects.toThrow();
  });

  it('derives capabilities from the node classes, read-only without nodeTypes', () => {
    const plain = createNodeProvider({ name: 'Plain', root: () => new Counting() });
    expect(capabilitiesOf(plain)).toEqual(['Filter', 'GetContent']);
    const none = createNodeProvider({
      name: 'None',
      nodeTypes: [Counting],
      root: () => new Counting(),
    });
    expect(capabilitiesOf(none)).toEqual(['Filter']);
  });
});
