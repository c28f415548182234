import { describe, expect, it } from 'vitest';
import { ListingCache } from '../../providers/jottacloud/cache.js';

describe('Jottacloud listing cache', () => {
  it('shares one load while fresh and loads again after the TTL', async () => {
    let now = 1_000;
    let loads = 0;
    const cache = new ListingCache<number>({ ttlMs: 100, now: () => now });
    const load = async () => ++loads;

    expect(await Promise.all([cache.get('/a', load), cache.get('/A', load)])).toEqual([1, 1]);
    now += 99;
    expect(await cache.get('/a', load)).toBe(1);
    now += 1;
    expect(await cache.get('/a', load)).toBe(2);
  });

  it('forgets a changed path, what lies below it and its ancestors, nothing else', async () => {
    const cache = new ListingCache<string>();
    const paths = ['/', '/Dev', '/Dev/MP', '/Dev/MP/a', '/Dev/MP/a/b', '/Dev/MP/other'];
    for (const path of paths) await cache.get(path, async () => 'old');

    cache.invalidate('/Dev/MP/a');
    const after = await Promise.all(paths.map((path) => cache.get(path, async () => 'new')));
    expect(after).toEqual(['new', 'new', 'new', 'new', 'new', 'old']);
  });

  it('does not remember a failed load', async () => {
    const cache = new ListingCache<string>();
    await expect(cache.get('/x', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await cache.get('/x', async () => 'ok')).toBe('ok');
  });
});
