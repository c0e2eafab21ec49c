// Read-through cache for product reads. Every key carries a generation token that any catalog write
// replaces, so one write makes every cached product read (by id, by slug, every list page) unreachable.
// A reader that loaded from the database just before a write stores its result under the old
// generation, where nobody looks again: a read after a write is never stale.
// When the cache fails to take a new generation after a committed write, the write still succeeds; this
// instance then reads around the cache, retrying the invalidation on each read, until one gets through.
// Other instances sharing the cache (Redis) see the old entries for at most their TTL.
import { randomUUID } from 'node:crypto';
import type { Cache } from '@ecommerce/common/cache';
import type { Logger } from '@ecommerce/common/logger';

const GENERATION_KEY = 'products:generation';
/** Outlives entries by far; should it expire anyway, a fresh token only costs a few cache misses. */
const GENERATION_TTL_SECONDS = 7 * 24 * 3600;

export class ProductCache {
  /** A committed write whose invalidation failed: cached reads may be stale until a retry succeeds. */
  private invalidationPending = false;
  private retrying: Promise<boolean> | undefined;

  constructor(
    private readonly cache: Cache,
    private readonly logger: Logger,
    private readonly ttlSeconds: number,
    /** false: every read is loaded, nothing is stored. */
    private readonly enabled = true,
  ) {}

  /**
   * The cached value for (`kind`, `params`), or `load()`'s result, stored for the next reader. A hit from the
   * in-process cache is the same frozen object for every reader until the entry goes.
   */
  async read<T>(kind: string, params: unknown, load: () => Promise<T>): Promise<T> {
    if (!this.enabled) return load();
    if (this.invalidationPending && !(await this.retryInvalidation())) return load();
    const generation = await this.generation();
    if (generation === undefined) return load();
    const key = `products:${generation}:${kind}:${JSON.stringify(params)}`;
    const hit = await this.cache.get<T>(key).catch((err: unknown) => this.degraded(err));
    if (hit !== undefined) return hit;
    const value = await load();
    await this.cache.set(key, value, this.ttlSeconds).catch((err: unknown) => this.degraded(err));
    return value;
  }

  /**
   * Call after a committed write that changes what any product read returns. Never throws: the write is saved,
   * and answering it with a failure would invite a retry that writes it twice.
   */
  async invalidate(): Promise<void> {
    if (!this.enabled) return;
    try {
      await this.newGeneration();
      this.invalidationPending = false;
    } catch (err) {
      this.invalidationPending = true;
      this.logger.error({ err }, 'product cache invalidation failed after a committed write; reading around the cache until it succeeds');
    }
  }

  /** One retry at a time, however many reads are waiting for it. */
  private retryInvalidation(): Promise<boolean> {
    this.retrying ??= this.newGeneration()
      .then(
        () => {
          this.invalidationPending = false;
          this.logger.info('product cache invalidation went through; cached reads resume');
          return true;
        },
        () => false,
      )
      .finally(() => {
        this.retrying = undefined;
      });
    return this.retrying;
  }

  private async newGeneration(): Promise<void> {
    await this.cache.set(GENERATION_KEY, randomUUID(), GENERATION_TTL_SECONDS);
  }

  /** Current generation; undefined when the cache is unreachable, so reads go straight to the database. */
  private async generation(): Promise<string | undefined> {
    try {
      const current = await this.cache.get<string>(GENERATION_KEY);
      if (current !== undefined) return current;
      const fresh = randomUUID();
      await this.cache.set(GENERATION_KEY, fresh, GENERATION_TTL_SECONDS);
      return fresh;
    } catch (err) {
      this.degraded(err);
      return undefined;
    }
  }

  /** A cache outage slows reads down but must not fail them. */
  private degraded(err: unknown): undefined {
    this.logger.warn({ err }, 'product cache unavailable; reading from the database');
    return undefined;
  }
}
