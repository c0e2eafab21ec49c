// Fixed-window rate limiting for Express: a counter per (bucket, client) in Redis when REDIS_URL is set (shared by
// every replica), in memory otherwise. Over the limit -> 429 RESOURCE_EXHAUSTED with Retry-After.
import type { Request, RequestHandler } from 'express';
import { Redis } from 'ioredis';
import { AppError } from '../errors/app-error.js';

export interface RateLimitHit {
  /** Hits in the current window, this one included. */
  count: number;
  /** Milliseconds until the window resets. */
  resetMs: number;
}

export interface RateLimitStore {
  hit(key: string, windowMs: number): Promise<RateLimitHit>;
  close(): Promise<void>;
}

/** One process's counters; expired windows are dropped as they are met and by a periodic sweep. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  async hit(key: string, windowMs: number): Promise<RateLimitHit> {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetMs: window.resetAt - now };
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.windows.clear();
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

// INCR and PEXPIRE in one script so a crash between them cannot leave a counter that never expires.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: Redis;

  constructor(redisUrl: string, private readonly prefix: string) {
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false });
  }

  async hit(key: string, windowMs: number): Promise<RateLimitHit> {
    const [count, ttl] = (await this.redis.eval(HIT_SCRIPT, 1, `${this.prefix}:ratelimit:${key}`, String(windowMs))) as [number, number];
    return { count, resetMs: ttl };
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

export function createRateLimitStore(settings: { redisUrl?: string | undefined; prefix: string }): RateLimitStore {
  return settings.redisUrl ? new RedisRateLimitStore(settings.redisUrl, settings.prefix) : new MemoryRateLimitStore();
}

export interface RateLimitRule {
  /** Counters are kept per bucket, so a strict bucket (login) does not eat the budget of the others. */
  bucket: string;
  limit: number;
  windowMs: number;
}

export interface RateLimitSettings {
  store: RateLimitStore;
  /** The rule for a request, or undefined to leave it unlimited (probes). */
  ruleFor(req: Request): RateLimitRule | undefined;
  /** Who is counted; the client address by default. */
  clientKey?(req: Request): string;
}

export function rateLimit(settings: RateLimitSettings): RequestHandler {
  const clientKey = settings.clientKey ?? ((req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown');
  return async (req, res, next) => {
    const rule = settings.ruleFor(req);
    if (!rule) return next();
    const { count, resetMs } = await settings.store.hit(`${rule.bucket}:${clientKey(req)}`, rule.windowMs);
    const resetSeconds = Math.max(1, Math.ceil(resetMs / 1000));
    res.setHeader('RateLimit-Limit', String(rule.limit));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, rule.limit - count)));
    res.setHeader('RateLimit-Reset', String(resetSeconds));
    if (count > rule.limit) {
      res.setHeader('Retry-After', String(resetSeconds));
      throw new AppError('resource_exhausted', `rate limit of ${rule.limit} requests per ${Math.round(rule.windowMs / 1000)} s exceeded; retry in ${resetSeconds} s`);
    }
    next();
  };
}
