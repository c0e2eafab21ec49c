// Rate limiting for Express. The request limiter (rateLimit middleware) counts a sliding window over
// rate-limiter-flexible's atomic expiring counters: in Redis when REDIS_URL is set (shared by every replica), in
// memory otherwise. Over the limit -> 429 RESOURCE_EXHAUSTED with Retry-After and RateLimit-* headers.
// The fixed-window RateLimitStore below is the plain attempt counter the auth service's use cases count with.
import type { Request, RequestHandler } from 'express';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../errors/app-error.js';

export interface RateLimitHit {
  /** Hits in the current window, this one included. */
  count: number;
  /** Milliseconds until the window resets. */
  resetMs: number;
}

/** Fixed-window attempt counters (the auth service's per-account and per-address attempt limits). */
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

export interface RateLimitDecision {
  allowed: boolean;
  /** Requests counted in the window, this one included when it was allowed. */
  count: number;
  /** Milliseconds until the oldest counted requests leave the window and make room. */
  resetMs: number;
}

/** Decides whether one more request of a client fits its rule; refused requests are not counted. */
export interface RequestLimiter {
  take(key: string, rule: RateLimitRule): Promise<RateLimitDecision>;
  close(): Promise<void>;
}

/**
 * A window is cut into SLOTS slices; each slice is one rate-limiter-flexible counter (key per slice index) that
 * expires once it can no longer count. A request is let through when the current slice plus the SLOTS before it
 * hold fewer than the limit: those SLOTS + 1 slices always cover the whole trailing window, so no window of
 * `windowMs` ever lets more than `limit` through (a fixed window lets up to twice that through at its edge).
 * The price is being at most one slice (1/SLOTS of the window) stricter than the nominal rate.
 */
const SLOTS = 10;

export class SlidingWindowLimiter implements RequestLimiter {
  private readonly counters = new Map<string, RateLimiterAbstract>();

  /** `counterFor` builds one counter store per slice duration (whole seconds its keys live). */
  constructor(
    private readonly counterFor: (keyPrefix: string, lifetimeSeconds: number) => RateLimiterAbstract,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {}

  async take(key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
    const slotMs = rule.windowMs / SLOTS;
    const counter = this.counterOf(rule);
    const now = Date.now();
    const slot = Math.floor(now / slotMs);
    const currentKey = `${key}:${slot}`;
    const [current, ...earlier] = await Promise.all([
      counter.consume(currentKey, 1),
      ...Array.from({ length: SLOTS }, (_, i) => counter.get(`${key}:${slot - SLOTS + i}`)),
    ]);
    const counts = [...earlier.map((r) => r?.consumedPoints ?? 0), current.consumedPoints];
    const count = counts.reduce((a, b) => a + b, 0);
    // The oldest slice still holding requests stops counting once the slice SLOTS + 1 after it begins.
    const oldestSlot = slot - SLOTS + counts.findIndex((c) => c > 0);
    const resetMs = Math.max(1, Math.ceil((oldestSlot + SLOTS + 1) * slotMs - now));
    if (count <= rule.limit) return { allowed: true, count, resetMs };
    // A refused request takes no room: a client that backs off gets through as soon as the window allows.
    await counter.reward(currentKey, 1);
    return { allowed: false, count: count - 1, resetMs };
  }

  async close(): Promise<void> {
    this.counters.clear();
    await this.onClose();
  }

  private counterOf(rule: RateLimitRule): RateLimiterAbstract {
    const id = `${rule.bucket}:${rule.windowMs}`;
    let counter = this.counters.get(id);
    if (!counter) {
      counter = this.counterFor(`ratelimit:${id}`, Math.ceil((rule.windowMs * (SLOTS + 1)) / SLOTS / 1000) + 1);
      this.counters.set(id, counter);
    }
    return counter;
  }
}

/** Counters never refuse by themselves: the limiter decides from the sum over the window's slices. */
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

export function createRequestLimiter(settings: { redisUrl?: string | undefined; prefix: string }): RequestLimiter {
  if (!settings.redisUrl) {
    return new SlidingWindowLimiter((keyPrefix, duration) => new RateLimiterMemory({ keyPrefix, points: UNBOUNDED, duration }));
  }
  const redis = new Redis(settings.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false, enableOfflineQueue: true });
  return new SlidingWindowLimiter(
    (keyPrefix, duration) => new RateLimiterRedis({ storeClient: redis, keyPrefix: `${settings.prefix}:${keyPrefix}`, points: UNBOUNDED, duration }),
    async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  );
}

export interface RateLimitSettings {
  limiter: RequestLimiter;
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
    const { allowed, count, resetMs } = await settings.limiter.take(`${rule.bucket}:${clientKey(req)}`, rule);
    const resetSeconds = String(Math.max(1, Math.ceil(resetMs / 1000)));
    res.setHeader('RateLimit-Limit', String(rule.limit));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, rule.limit - count)));
    res.setHeader('RateLimit-Reset', resetSeconds);
    if (!allowed) {
      res.setHeader('Retry-After', resetSeconds);
      throw new AppError('resource_exhausted', `rate limit of ${rule.limit} requests per ${Math.round(rule.windowMs / 1000)} s exceeded; retry in ${resetSeconds} s`);
    }
    next();
  };
}
