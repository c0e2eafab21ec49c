// Fixed-window attempt counters in the shared cache (Redis when REDIS_URL is set, so every instance counts
// together; in-memory otherwise). Read-then-write: under a burst a few extra attempts can slip through a
// window, which a login limit tolerates; the account lockout is the exact, database-backed limit.
import { AppError } from '@ecommerce/common/errors';
import type { Cache } from '@ecommerce/common/cache';

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('resource_exhausted', 'too many attempts; try again later');
  }
}

export interface Limit {
  /** What is counted, e.g. `login:ip:10.0.0.1`. */
  key: string;
  max: number;
}

export class RateLimiter {
  constructor(
    private readonly cache: Cache,
    private readonly windowSeconds: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Counts one attempt against every limit; throws RateLimitedError if any is already used up. */
  async hit(...limits: Limit[]): Promise<void> {
    const nowMs = this.now().getTime();
    const windowMs = this.windowSeconds * 1000;
    const window = Math.floor(nowMs / windowMs);
    const retryAfter = Math.max(1, Math.ceil(((window + 1) * windowMs - nowMs) / 1000));
    const keys = limits.map((l) => `ratelimit:${l.key}:${window}`);
    const counts = await Promise.all(keys.map((k) => this.cache.get<number>(k)));
    if (limits.some((l, i) => (counts[i] ?? 0) >= l.max)) throw new RateLimitedError(retryAfter);
    await Promise.all(keys.map((k, i) => this.cache.set(k, (counts[i] ?? 0) + 1, retryAfter)));
  }
}
