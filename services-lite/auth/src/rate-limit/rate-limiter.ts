// Attempt limits inside a use case: login and reset count per client IP AND per account, and the account is
// known only once the body is parsed, so the route-level rateLimit middleware cannot do it. The counting is
// the shared fixed-window store of the http kit (atomic in Redis when REDIS_URL is set, in memory otherwise).
import { AppError } from '@ecommerce/common/errors';
import type { RateLimitStore } from '@ecommerce/common/http';

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('resource_exhausted', `too many attempts; retry in ${retryAfterSeconds} s`);
  }
}

export interface Limit {
  /** What is counted, e.g. `login:ip:10.0.0.1`. */
  key: string;
  max: number;
}

export class RateLimiter {
  constructor(
    private readonly store: RateLimitStore,
    private readonly windowSeconds: number,
  ) {}

  /** Counts one attempt against every limit; throws RateLimitedError when any is over its maximum. */
  async hit(...limits: Limit[]): Promise<void> {
    const hits = await Promise.all(limits.map((l) => this.store.hit(l.key, this.windowSeconds * 1000)));
    const exceeded = hits.filter((h, i) => h.count > limits[i]!.max);
    if (exceeded.length > 0) {
      throw new RateLimitedError(Math.max(1, ...exceeded.map((h) => Math.ceil(h.resetMs / 1000))));
    }
  }
}
