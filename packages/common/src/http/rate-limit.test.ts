import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger/logger.js';
import { hasRedisServer, startTestRedis, type TestRedis } from '../testing/redis-server.js';
import { errorHandler } from './error-handler.js';
import { MemoryRateLimitStore, rateLimit, RedisRateLimitStore, type RateLimitStore } from './rate-limit.js';
import { startHttpServer } from './server.js';

async function limitedServer(store: RateLimitStore, limit: number) {
  const app = express();
  app.use(rateLimit({ store, ruleFor: (req) => (req.path === '/free' ? undefined : { bucket: 'b', limit, windowMs: 60_000 }) }));
  app.get('/{*any}', (_req, res) => {
    res.json({ ok: true });
  });
  app.use(errorHandler(createLogger({ service: 'test', level: 'silent' })));
  return startHttpServer(app, { port: 0, host: '127.0.0.1' });
}

describe('rate limit, in memory', () => {
  it('answers 429 with Retry-After once the window is used up, and leaves unruled paths alone', async () => {
    const store = new MemoryRateLimitStore();
    const server = await limitedServer(store, 2);
    try {
      expect((await fetch(`${server.url}/a`)).status).toBe(200);
      const second = await fetch(`${server.url}/a`);
      expect(second.headers.get('ratelimit-remaining')).toBe('0');
      const third = await fetch(`${server.url}/a`);
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await third.json()).error.code).toBe('RESOURCE_EXHAUSTED');
      expect((await fetch(`${server.url}/free`)).status).toBe(200);
    } finally {
      await server.close();
      await store.close();
    }
  });

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

  it('shares one counter between two stores, as two gateway replicas would', async () => {
    const a = new RedisRateLimitStore(redis.url, 'gw');
    const b = new RedisRateLimitStore(redis.url, 'gw');
    try {
      expect((await a.hit('client', 60_000)).count).toBe(1);
      const second = await b.hit('client', 60_000);
      expect(second.count).toBe(2);
      expect(second.resetMs).toBeGreaterThan(59_000);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
