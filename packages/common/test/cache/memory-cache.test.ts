import { describe, expect, it } from 'vitest';
import { createCache, MemoryCache } from '../../src/cache/index.js';

describe('in-memory cache', () => {
  it('is chosen when no Redis URL is configured', () => {
    expect(createCache({ namespace: 'x' })).toBeInstanceOf(MemoryCache);
  });

  it('returns what was stored until it is deleted', async () => {
    const cache = createCache({ namespace: 'x' });
    await cache.set('product:1', { name: 'mug' });
    expect(await cache.get('product:1')).toEqual({ name: 'mug' });
    await cache.delete('product:1');
    expect(await cache.get('product:1')).toBeUndefined();
  });

  it('refuses a change to a cached value and is not changed through the stored object', async () => {
    const cache = createCache({ namespace: 'x' });
    const original = { tags: ['a'] };
    await cache.set('k', original);
    original.tags.push('changed after set');
    const hit = await cache.get<{ tags: string[] }>('k');
    expect(() => hit!.tags.push('b')).toThrow(TypeError);
    expect(await cache.get('k')).toEqual({ tags: ['a'] });
  });

  it('evicts the least recently used entry beyond its capacity', async () => {
    const cache = createCache({ namespace: 'x', maxEntries: 2 });
    await cache.set('a', 1);
    await cache.set('b', 2);
    await cache.get('a');
    await cache.set('c', 3);
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBe(1);
  });

  it('forgets an entry after its time to live', async () => {
    let now = 1_000;
    const cache = new MemoryCache(10, 300, () => now);
    await cache.set('short', 'v', 5);
    now += 4_999;
    expect(await cache.get('short')).toBe('v');
    now += 2;
    expect(await cache.get('short')).toBeUndefined();
  });
});
