import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCache, RedisCache, type Cache } from '../../src/cache/index.js';
import { hasRedisServer, startTestRedis, type TestRedis } from '../../src/testing/index.js';

const available = hasRedisServer();
if (!available) console.warn('Redis cache tests were NOT run: redis-server is not installed (CI installs it)');

describe.skipIf(!available)('Redis cache (skipped when redis-server is not installed)', () => {
  let redis: TestRedis;
  let a: Cache;
  let b: Cache;

  beforeAll(async () => {
    redis = await startTestRedis();
    a = createCache({ redisUrl: redis.url, namespace: 'catalog' });
    b = createCache({ redisUrl: redis.url, namespace: 'catalog' });
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.stop();
  });

  it('is chosen when a Redis URL is configured', () => {
    expect(a).toBeInstanceOf(RedisCache);
  });

  it('shares entries between instances and forgets deleted ones', async () => {
    await a.set('product:1', { name: 'mug', price: 1299 });
    expect(await b.get('product:1')).toEqual({ name: 'mug', price: 1299 });
    await b.delete('product:1');
    expect(await a.get('product:1')).toBeUndefined();
  });

  it('keeps namespaces apart', async () => {
    const other = createCache({ redisUrl: redis.url, namespace: 'search' });
    await a.set('k', 'catalog value');
    expect(await other.get('k')).toBeUndefined();
    await other.close();
  });
});
