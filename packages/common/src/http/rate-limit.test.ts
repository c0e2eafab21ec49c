import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger/logger.js';
import { hasRedisServer, startTestRedis, type TestRedis } from '../testing/redis-server.js';
import { errorHandler } from './error-handler.js';
import { createRequestLimiter, MemoryRateLimitStore, rateLimit, type RateLimitRule, type RequestLimiter } from './rate-limit.js';
import { startHttpServer } from './server.js';

async function limitedServer(limiter: RequestLimiter, limit: number) {
  const app = express();
  app.use(rateLimit({ limiter, ruleFor: (req) => (req.path === '/free' ? undefined : { bucket: 'b', limit, windowMs: 60_000 }) }));
  app.get('/{*any}', (_req, res) => {
    res.json({ ok: true });
  });
  app.use(errorHandler(createLogger({ service: 'test', level: 'silent' })));
  return startHttpServer(app, { port: 0, host: '127.0.0.1' });
}

/** The most requests let through within any span of `windowMs` (ending at each allowed request). */
function busiestWindow(allowedAt: number[], windowMs: number): number {
  return Math.max(0, ...allowedAt.map((t) => allowedAt.filter((u) => u > t - windowMs && u <= t).length));
}

describe('rate limit middleware', () => {
  it('answers 429 with Retry-After and RateLimit-* headers once the limit is used up, and leaves unruled paths alone', async () => {
    const limiter = createRequestLimiter({ prefix: 'test' });
    const server = await limitedServer(limiter, 2);
    try {
      const first = await fetch(`${server.url}/a`);
      expect(first.status).toBe(200);
      expect(first.headers.get('ratelimit-limit')).toBe('2');
      expect(first.headers.get('ratelimit-remaining')).toBe('1');
      expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
      const second = await fetch(`${server.url}/a`);
      expect(second.headers.get('ratelimit-remaining')).toBe('0');
      const third = await fetch(`${server.url}/a`);
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(third.headers.get('retry-after')).toBe(third.headers.get('ratelimit-reset'));
      expect((await third.json()).error).toEqual({ code: 'RESOURCE_EXHAUSTED', message: expect.stringMatching(/^rate limit of 2 requests per 60 s exceeded; retry in \d+ s$/), details: [] });
      expect((await fetch(`${server.url}/free`)).status).toBe(200);
    } finally {
      await server.close();
      await limiter.close();
    }
  });
});

describe('sliding window, in memory', () => {
  const rule: RateLimitRule = { bucket: 'b', limit: 5, windowMs: 1_000 };
  afterEach(() => {
    vi.useRealTimers();
  });

  /** One client asking once, then nothing until just before a second has passed, then every 10 ms: when was it let through? */
  async function hammer(take: () => Promise<boolean>): Promise<number[]> {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(1_000_050);
    const allowedAt: number[] = [];
    for (let step = 0; step < 300; step++) {
      if ((step === 0 || step >= 90) && (await take())) allowedAt.push(Date.now());
      vi.advanceTimersByTime(10);
    }
    return allowedAt;
  }

  it('never lets more than the limit through within any window, where the old fixed window let twice that through at its edge', async () => {
    const limiter = createRequestLimiter({ prefix: 'test' });
    const allowedAt = await hammer(async () => (await limiter.take('client', rule)).allowed);
    await limiter.close();
    expect(busiestWindow(allowedAt, rule.windowMs)).toBe(rule.limit);
    // Not stricter than one slice (a tenth of the window) beyond the nominal rate: 1 + 2.1 s of knocking at 5 per 1.1 s.
    expect(allowedAt.length).toBeGreaterThanOrEqual(10);

    const fixed = new MemoryRateLimitStore(() => Date.now());
    const fixedAllowedAt = await hammer(async () => (await fixed.hit('client', rule.windowMs)).count <= rule.limit);
    await fixed.close();
    // Four at the end of the first window, five more at the start of the next: nine within 100 ms.
    expect(busiestWindow(fixedAllowedAt, rule.windowMs)).toBe(2 * rule.limit - 1);
  });

  it('does not count refused requests: a client that kept knocking gets in once its window has room', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(2_000_000);
    const limiter = createRequestLimiter({ prefix: 'test' });
    const strict = { ...rule, limit: 2 };
    expect((await limiter.take('c', strict)).allowed).toBe(true);
    expect(await limiter.take('c', strict)).toMatchObject({ allowed: true, count: 2 });
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(50);
      const refused = await limiter.take('c', strict);
      expect(refused).toMatchObject({ allowed: false, count: 2 });
      // Room comes when both early requests leave the window: 1,100 ms after them at most.
      expect(refused.resetMs).toBe(1_100 - (i + 1) * 50);
    }
    vi.advanceTimersByTime(100);
    expect(await limiter.take('c', strict)).toMatchObject({ allowed: true, count: 1 });
    expect((await limiter.take('other', strict)).allowed).toBe(true);
    await limiter.close();
  });

  it('keeps buckets apart: one rule used up leaves another rule for the same client untouched', async () => {
    const limiter = createRequestLimiter({ prefix: 'test' });
    const login = { bucket: 'auth', limit: 1, windowMs: 60_000 };
    expect((await limiter.take('auth:c', login)).allowed).toBe(true);
    expect((await limiter.take('auth:c', login)).allowed).toBe(false);
    expect((await limiter.take('default:c', { ...login, bucket: 'default' })).allowed).toBe(true);
    await limiter.close();
  });
});

describe('fixed-window attempt counter (auth use cases)', () => {
  it('opens a new window once the old one has passed', async () => {
    let now = 1_000;
    const store = new MemoryRateLimitStore(() => now);
    expect((await store.hit('k', 1_000)).count).toBe(1);
    expect((await store.hit('k', 1_000)).count).toBe(2);
    now += 1_000;
    expect(await store.hit('k', 1_000)).toEqual({ count: 1, resetMs: 1_000 });
    await store.close();
  });
});

describe.runIf(hasRedisServer())('rate limit, in Redis', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('shares one window between two limiters, as two gateway replicas would, and does not count refusals', async () => {
    const a = createRequestLimiter({ redisUrl: redis.url, prefix: 'gw' });
    const b = createRequestLimiter({ redisUrl: redis.url, prefix: 'gw' });
    const rule = { bucket: 'default', limit: 2, windowMs: 60_000 };
    try {
      expect(await a.take('client', rule)).toMatchObject({ allowed: true, count: 1 });
      const second = await b.take('client', rule);
      expect(second).toMatchObject({ allowed: true, count: 2 });
      expect(second.resetMs).toBeGreaterThan(59_000);
      expect(await a.take('client', rule)).toMatchObject({ allowed: false, count: 2 });
      expect(await b.take('client', rule)).toMatchObject({ allowed: false, count: 2 });
      expect((await b.take('another-client', rule)).allowed).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('keeps the Redis store\'s shared fixed-window counter for attempt limits', async () => {
    const { RedisRateLimitStore } = await import('./rate-limit.js');
    const a = new RedisRateLimitStore(redis.url, 'gw');
    const b = new RedisRateLimitStore(redis.url, 'gw');
    try {
      expect((await a.hit('client', 60_000)).count).toBe(1);
      expect((await b.hit('client', 60_000)).count).toBe(2);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
