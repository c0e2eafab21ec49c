import { LRUCache } from 'lru-cache';
import type { Cache } from './cache.js';

/** In-process LRU with per-entry TTL: the default when no REDIS_URL is configured. */
export class MemoryCache implements Cache {
  private readonly entries: LRUCache<string, { value: unknown }>;

  /** `now` (milliseconds) is injectable so expiry can be tested without waiting. */
  constructor(maxEntries: number, private readonly defaultTtlSeconds: number, now: () => number = () => performance.now()) {
    this.entries = new LRUCache({ max: maxEntries, ttlAutopurge: false, ttlResolution: 0, perf: { now } });
  }

  async get<T>(key: string): Promise<T | undefined> {
    // Values are stored as structured clones so a caller mutating a result cannot change the cache.
    const hit = this.entries.get(key);
    return hit ? (structuredClone(hit.value) as T) : undefined;
  }

  async set<T>(key: string, value: T, ttlSeconds = this.defaultTtlSeconds): Promise<void> {
    this.entries.set(key, { value: structuredClone(value) }, { ttl: ttlSeconds * 1000 });
  }

  async delete(...keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}
