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
  private readonly counters = new Map<string, { counter: RateLimiterAbstract; earlier: Map<string, EarlierSlices> }>();

  /** `counterFor` builds one counter store per rule (its keys live `lifetimeSeconds`). */
  constructor(
    private readonly counterFor: (keyPrefix: string, lifetimeSeconds: number) => RateLimiterAbstract,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {}

  async take(key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
    const slotMs = rule.windowMs / SLOTS;
    const { counter, earlier } = this.countersOf(rule);
    const now = Date.now();
    const slot = Math.floor(now / slotMs);
    const currentKey = `${key}:${slot}`;
    // Slices that have passed never change again, so they are read once per slice, not once per request:
    // the hot path is one counter increment, as cheap as a fixed window.
    let past = earlier.get(key);
    if (past?.slot !== slot) {
      past = await this.readEarlier(counter, key, slot);
      if (earlier.size >= MAX_REMEMBERED_CLIENTS) earlier.clear();
      earlier.set(key, past);
    }
    const current = (await counter.consume(currentKey, 1)).consumedPoints;
    const count = past.sum + current;
    // The oldest slice still holding requests stops counting once the slice SLOTS + 1 after it begins.
    const oldestSlot = past.oldestSlot ?? slot;
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

  private async readEarlier(counter: RateLimiterAbstract, key: string, slot: number): Promise<EarlierSlices> {
    const first = slot - SLOTS;
    const counts = await Promise.all(Array.from({ length: SLOTS }, (_, i) => counter.get(`${key}:${first + i}`).then((r) => r?.consumedPoints ?? 0)));
    const oldest = counts.findIndex((c) => c > 0);
    return { slot, sum: counts.reduce((a, b) => a + b, 0), oldestSlot: oldest < 0 ? undefined : first + oldest };
  }

  private countersOf(rule: RateLimitRule) {
    const id = `${rule.bucket}:${rule.windowMs}`;
    let entry = this.counters.get(id);
    if (!entry) {
      entry = { counter: this.counterFor(`ratelimit:${id}`, Math.ceil((rule.windowMs * (SLOTS + 1)) / SLOTS / 1000) + 1), earlier: new Map() };
      this.counters.set(id, entry);
    }
    return entry;
  }
}

/** What a client's passed slices of the window hold, as read during slice `slot`. */
interface EarlierSlices {
  slot: number;
  sum: number;
  oldestSlot: number | undefined;
}

/** Past slices are re-read after this many distinct clients: the memo only saves reads, it decides nothing. */
const MAX_REMEMBERED_CLIENTS = 50_000;

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
