import { MemoryRateLimitStore } from '@ecommerce/common/http';
import { describe, expect, it } from 'vitest';
import { RateLimitedError, RateLimiter } from '../src/rate-limit/rate-limiter.js';

function limiterAt(clock: { now: number }) {
  return new RateLimiter(new MemoryRateLimitStore(() => clock.now), 60);
}

describe('RateLimiter', () => {
  it('allows max attempts per key in a window, then refuses with the seconds left in the window', async () => {
    const clock = { now: 1_000_000 };
    const limiter = limiterAt(clock);
    for (let i = 0; i < 3; i++) await limiter.hit({ key: 'login:ip:a', max: 3 });
    clock.now += 20_000;
    const refused = await limiter.hit({ key: 'login:ip:a', max: 3 }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterSeconds).toBe(40);
  });

  it('refuses when any one of several limits is used up, and counts them independently', async () => {
    const limiter = limiterAt({ now: 0 });
    await limiter.hit({ key: 'ip:a', max: 10 }, { key: 'account:x', max: 1 });
    await expect(limiter.hit({ key: 'ip:a', max: 10 }, { key: 'account:x', max: 1 })).rejects.toBeInstanceOf(RateLimitedError);
    await expect(limiter.hit({ key: 'ip:a', max: 10 }, { key: 'account:y', max: 1 })).resolves.toBeUndefined();
  });

  it('starts counting afresh in the next window', async () => {
    const clock = { now: 0 };
    const limiter = limiterAt(clock);
    await limiter.hit({ key: 'k', max: 1 });
    await expect(limiter.hit({ key: 'k', max: 1 })).rejects.toBeInstanceOf(RateLimitedError);
    clock.now += 60_000;
    await expect(limiter.hit({ key: 'k', max: 1 })).resolves.toBeUndefined();
  });
});
