// The pure rules behind EvaluateCart, over many generated carts and promotion sets (seeded, so reproducible):
// allocation sums exactly and never exceeds a weight; stacking never goes below zero and ignores entry order.
import { describe, expect, it } from 'vitest';
import type { Cart } from '../src/biz/cart.js';
import type { Candidate } from '../src/biz/eligibility.js';
import { allocateProportionally, percentageOf } from '../src/biz/money.js';
import type { Promotion } from '../src/biz/promotion.js';
import { evaluateCandidates } from '../src/biz/stacking.js';

/** mulberry32: a tiny deterministic PRNG. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOW = new Date('2026-06-01T00:00:00Z');

function promotion(rnd: () => number, i: number): Promotion {
  const types = ['percentage', 'fixed', 'free_shipping', 'buy_x_get_y'] as const;
  const discountType = types[Math.floor(rnd() * types.length)]!;
  const targets = ['items', 'order', 'shipping'] as const;
  const target = discountType === 'free_shipping' ? 'shipping' : discountType === 'buy_x_get_y' ? 'items' : targets[Math.floor(rnd() * 3)]!;
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `p${i}`,
    description: '',
    campaignId: null,
    requiresCode: true,
    discountType,
    target,
    allocation: rnd() < 0.5 ? 'per_item' : 'across',
    percentageBps: 1 + Math.floor(rnd() * 10_000),
    amountMinor: 1 + Math.floor(rnd() * 5000),
    currency: null,
    maxQuantity: rnd() < 0.3 ? 1 + Math.floor(rnd() * 3) : 0,
    buyQuantity: 1 + Math.floor(rnd() * 2),
    getQuantity: 1,
    minSubtotalMinor: 0,
    productIds: rnd() < 0.3 ? ['product-0'] : [],
    categoryIds: [],
    brandIds: [],
    customerGroups: [],
    startsAt: null,
    endsAt: null,
    exclusive: rnd() < 0.2,
    priority: Math.floor(rnd() * 3),
    usageLimit: 0,
    usageLimitPerCustomer: 0,
    status: 'active',
    uses: 0,
    createdAt: NOW,
    updatedAt: NOW,
  };
}

function candidate(p: Promotion): Candidate {
  return { promotion: p, code: { code: p.name.toUpperCase(), promotionId: p.id, usageLimit: 0, uses: 0, batchId: null, createdAt: NOW }, campaign: null, customerPromotionUses: 0, customerCampaignUses: 0 };
}

function shuffled<T>(xs: T[], rnd: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('allocation', () => {
  it('splits exactly, never above a weight, remainder cents to the largest weights', () => {
    expect(allocateProportionally(1000n, [1000n, 2000n, 3001n])).toEqual([166n, 333n, 501n]);
    expect(allocateProportionally(2n, [1n, 1n, 1n])).toEqual([1n, 1n, 0n]);
    const rnd = random(7);
    for (let run = 0; run < 500; run += 1) {
      const weights = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => BigInt(Math.floor(rnd() * 10_000)));
      const sum = weights.reduce((a, b) => a + b, 0n);
      const total = sum === 0n ? 0n : BigInt(Math.floor(rnd() * Number(sum + 1n)));
      const shares = allocateProportionally(total, weights);
      expect(shares.reduce((a, b) => a + b, 0n)).toBe(total);
      shares.forEach((s, i) => expect(s <= weights[i]! && s >= 0n).toBe(true));
    }
  });

  it('rounds percentages half away from zero', () => {
    expect(percentageOf(1005n, 1000)).toBe(101n);
    expect(percentageOf(1004n, 1000)).toBe(100n);
    expect(percentageOf(999n, 10_000)).toBe(999n);
  });
});

describe('stacking', () => {
  it('never takes a line, shipping or the total below zero, and answers the same in any code order', () => {
    const rnd = random(42);
    for (let run = 0; run < 300; run += 1) {
      const lines = Array.from({ length: 1 + Math.floor(rnd() * 4) }, (_, i) => ({
        lineId: `l${i}`,
        sku: `s${i}`,
        productId: `product-${i}`,
        categoryIds: [],
        brandId: '',
        quantity: 1 + Math.floor(rnd() * 4),
        unitPriceMinor: Math.floor(rnd() * 3000),
      }));
      const cart: Cart = { currency: 'EUR', customerId: '', customerGroups: [], codes: [], lines, shippingMinor: Math.floor(rnd() * 1000) };
      const candidates = Array.from({ length: 1 + Math.floor(rnd() * 5) }, (_, i) => candidate(promotion(rnd, i)));

      const first = evaluateCandidates(cart, candidates, [], NOW);
      const again = evaluateCandidates(cart, shuffled(candidates, rnd), [], NOW);

      expect(again).toEqual(first);
      for (const line of first.lines) {
        const source = lines.find((l) => l.lineId === line.lineId)!;
        expect(line.discountMinor).toBeGreaterThanOrEqual(0);
        expect(line.discountMinor).toBeLessThanOrEqual(source.unitPriceMinor * source.quantity);
        expect(line.adjustments.reduce((s, a) => s + a.amountMinor, 0)).toBe(line.discountMinor);
      }
      expect(first.shippingDiscountMinor).toBeLessThanOrEqual(cart.shippingMinor);
      expect(first.discountTotalMinor).toBe(first.lines.reduce((s, l) => s + l.discountMinor, first.shippingDiscountMinor));
      expect(first.applied.reduce((s, a) => s + a.amountMinor, 0)).toBe(first.discountTotalMinor);
    }
  });
});
