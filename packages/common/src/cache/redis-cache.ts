import { Redis } from 'ioredis';
import type { Cache } from './cache.js';

/** Redis-backed cache shared by every instance of a service; keys are prefixed by the namespace. */
export class RedisCache implements Cache {
  private readonly client: Redis;

  constructor(url: string, private readonly namespace: string, private readonly defaultTtlSeconds: number) {
    this.client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  }

  async get<T>(key: string): Promise<T | undefined> {
    const raw = await this.client.get(this.key(key));
    return raw === null ? undefined : (JSON.parse(raw) as T);
  }

  async set<T>(key: string, value: T, ttlSeconds = this.defaultTtlSeconds): Promise<void> {
    await this.client.set(this.key(key), JSON.stringify(value), 'EX', Math.max(1, Math.ceil(ttlSeconds)));
  }

  async delete(...keys: string[]): Promise<void> {
    if (keys.length > 0) await this.client.del(...keys.map((k) => this.key(k)));
  }

  async close(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }

  private key(key: string): string {
    return `${this.namespace}:${key}`;
  }
}
