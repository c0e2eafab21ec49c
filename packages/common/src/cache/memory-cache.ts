import { LRUCache } from 'lru-cache';
import type { Cache } from './cache.js';

/** In-process LRU with per-entry TTL: the default when no REDIS_URL is configured. */
export class MemoryCache implements Cache {
  private readonly entries: LRUCache<string, { value: unknown }>;

  /** `now` (milliseconds) is injectable so expiry can be tested without waiting. */
  constructor(maxEntries: number, private readonly defaultTtlSeconds: number, now: () => number = () => performance.now()) {
    this.entries = new LRUCache({ max: maxEntries, ttlAutopurge: false, ttlResolution: 0, perf: { now } });
  }

  /**
   * Hits are shared, deeply frozen values: copying on every read cost more than the rest of a cached
   * request, and a caller that tries to change a cached value gets a TypeError instead of a silent corruption.
   */
  async get<T>(key: string): Promise<T | undefined> {
    return this.entries.get(key)?.value as T | undefined;
  }

  async set<T>(key: string, value: T, ttlSeconds = this.defaultTtlSeconds): Promise<void> {
    // The copy keeps the caller's own object mutable and detaches the entry from it.
    this.entries.set(key, { value: deepFreeze(structuredClone(value)) }, { ttl: ttlSeconds * 1000 });
  }

  async delete(...keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
