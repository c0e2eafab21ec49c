// The pure rules: rounding half away from zero, points per currency unit by the currency's minor digits, refund
// shares, FIFO takes and tier selection.
import { describe, expect, it } from 'vitest';
import { takeOldestFirst } from '../src/biz/fifo.js';
import { divideRoundHalfAway, pointsForSpend, pointsToMinor, proportionalPoints } from '../src/biz/points-math.js';
import { parseTiers, tierFor } from '../src/biz/rules.js';

describe('points arithmetic', () => {
  it('rounds half away from zero', () => {
    expect([5n, 15n, 25n, -5n, -15n, 4n, -4n].map((n) => divideRoundHalfAway(n, 10n))).toEqual([1n, 2n, 3n, -1n, -2n, 0n, 0n]);
  });

  it('earns per major unit, whatever the currency has for minor digits', () => {
    expect(pointsForSpend(12_345, 'EUR', 1, 100)).toBe(123);
    expect(pointsForSpend(12_350, 'EUR', 1, 100)).toBe(124);
    expect(pointsForSpend(1_000, 'JPY', 1, 100)).toBe(1_000);
    expect(pointsForSpend(1_500, 'KWD', 2, 150)).toBe(5); // 1.5 KWD x2 x1.5 = 4.5 -> 5
  });

  it('values points in minor units of the currency', () => {
    expect(pointsToMinor(250, 'EUR', 100)).toBe(250);
    expect(pointsToMinor(250, 'JPY', 100)).toBe(3);
    expect(pointsToMinor(1, 'JPY', 100)).toBe(0);
  });

  it('takes back the refunded share, and everything for a full refund', () => {
    expect(proportionalPoints(200, 5_000, 20_000)).toBe(50);
    expect(proportionalPoints(3, 5_000, 10_000)).toBe(2); // 1.5 -> 2
    expect(proportionalPoints(200, 30_000, 20_000)).toBe(200);
  });
});

describe('takeOldestFirst', () => {
  const lot = (id: string, remaining: number) => ({ id, remaining, earnedAt: new Date(0), expiresAt: new Date(0) });
  it('empties the oldest lots before touching younger ones', () => {
    expect(takeOldestFirst([lot('a', 30), lot('b', 0), lot('c', 50)], 60)).toEqual([{ lotId: 'a', points: 30 }, { lotId: 'c', points: 30 }]);
  });
  it('takes what there is when the lots hold less', () => {
    expect(takeOldestFirst([lot('a', 10)], 25)).toEqual([{ lotId: 'a', points: 10 }]);
  });
});

describe('tiers', () => {
  const rules = { tiers: parseTiers('base:0:100,silver:50000:125,gold:200000:150') };
  it('picks the highest tier the spend reaches, and the next one', () => {
    expect(tierFor(rules, 49_999)).toMatchObject({ tier: { name: 'base' }, next: { name: 'silver' } });
    expect(tierFor(rules, 50_000)).toMatchObject({ tier: { name: 'silver' }, next: { name: 'gold' } });
    expect(tierFor(rules, 10_000_000)).toMatchObject({ tier: { name: 'gold' }, next: undefined });
  });
  it('refuses tiers that do not start at 0 or do not ascend', () => {
    expect(() => parseTiers('base:10:100')).toThrow(/start at 0/);
    expect(() => parseTiers('base:0:100,gold:500:150,silver:400:125')).toThrow(/ascend/);
    expect(() => parseTiers('base:0:x')).toThrow(/invalid tier/);
  });
});
