import type { Cache } from './cache.js';
import { MemoryCache } from './memory-cache.js';
import { RedisCache } from './redis-cache.js';

export interface CacheSettings {
  /** When set, entries live in Redis and are shared by every instance; otherwise in this process. */
  redisUrl?: string;
  namespace: string;
  maxEntries?: number;
  defaultTtlSeconds?: number;
}

export function createCache(settings: CacheSettings): Cache {
  const ttl = settings.defaultTtlSeconds ?? 300;
  return settings.redisUrl
    ? new RedisCache(settings.redisUrl, settings.namespace, ttl)
    : new MemoryCache(settings.maxEntries ?? 10_000, ttl);
}
