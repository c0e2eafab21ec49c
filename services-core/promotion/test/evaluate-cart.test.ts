// EvaluateCart through the real gRPC API: discount types, allocation, stacking, refusals with their reason,
// and the guarantees: nothing below zero, the same answer whatever order the codes were typed in.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as pb from '@ecommerce/proto/promotion/v1/promotion';
import { calls, campaignInput, cart, cartLine, promotionInput, rejectionOf } from './builders.js';
import { deactivateAll, startHarness, type Harness } from './harness.js';

let h: Harness;
let api: ReturnType<typeof calls>;
beforeAll(async () => {
  h = await startHarness();
  api = calls(h);
});
afterAll(() => h?.close());
afterEach(() => deactivateAll(h));

const { DISCOUNT_TYPE_FIXED: FIXED, DISCOUNT_TYPE_FREE_SHIPPING: FREE_SHIPPING, DISCOUNT_TYPE_BUY_X_GET_Y: BUY_X_GET_Y } = pb.DiscountType;
const { DISCOUNT_TARGET_ORDER: ORDER, DISCOUNT_TARGET_SHIPPING: SHIPPING } = pb.DiscountTarget;
const { ALLOCATION_ACROSS: ACROSS } = pb.Allocation;
const DAY = 86_400_000;

async function withCode(code: string, overrides: Partial<pb.PromotionInput>, usageLimit = 0) {
  const promotion = await api.activePromotion(promotionInput({ requiresCode: true, ...overrides }));
  await api.createCode(promotion.id, code, usageLimit);
  return promotion;
}

const discounts = (r: pb.EvaluateCartResponse) => Object.fromEntries(r.lines.map((l) => [l.lineId, l.discountMinor]));

describe('EvaluateCart', () => {
  it('takes a percentage off each line, rounding half away from zero', async () => {
    const promotion = await api.activePromotion(promotionInput({ percentageBps: 1000 }));

    const r = await api.evaluate(cart({ lines: [cartLine('a', 1005), cartLine('b', 250, 2)] }));

    expect(discounts(r)).toEqual({ a: 101, b: 50 });
    expect(r.discountTotalMinor).toBe(151);
    expect(r.lines[0]!.adjustments).toEqual([{ promotionId: promotion.id, code: '', amountMinor: 101, label: 'Ten percent off' }]);
    expect(r.applied).toEqual([{ promotionId: promotion.id, code: '', amountMinor: 151 }]);
  });

  it('allocates an order-level amount to the lines proportionally, remainder cents to the largest lines, summing exactly', async () => {
    await api.activePromotion(promotionInput({ discountType: FIXED, target: ORDER, amountMinor: 1000, currency: 'EUR' }));

    const r = await api.evaluate(cart({ lines: [cartLine('a', 1000), cartLine('b', 2000), cartLine('c', 3001)] }));

    expect(discounts(r)).toEqual({ a: 166, b: 333, c: 501 });
    expect(r.lines.reduce((s, l) => s + l.discountMinor, 0)).toBe(1000);
    expect(r.discountTotalMinor).toBe(1000);
  });

  it('spreads a fixed amount across the qualifying items only, or takes it off each unit', async () => {
    await api.activePromotion(promotionInput({ discountType: FIXED, allocation: ACROSS, amountMinor: 300, currency: 'EUR', brandIds: ['acme'] }));
    await api.activePromotion(promotionInput({ discountType: FIXED, amountMinor: 50, currency: 'EUR', categoryIds: ['shoes'] }));

    const r = await api.evaluate(
      cart({ lines: [cartLine('a', 1000, 1, { brandId: 'acme' }), cartLine('b', 2000, 1, { brandId: 'acme' }), cartLine('c', 400, 3, { categoryIds: ['shoes'] })] }),
    );

    expect(discounts(r)).toEqual({ a: 100, b: 200, c: 150 });
  });

  it('discounts at most max_quantity units, the dearest first', async () => {
    await api.activePromotion(promotionInput({ percentageBps: 5000, maxQuantity: 2 }));

    const r = await api.evaluate(cart({ lines: [cartLine('cheap', 100, 5), cartLine('dear', 1000, 1)] }));

    expect(discounts(r)).toEqual({ cheap: 50, dear: 500 });
  });

  it('gives buy X get Y on the cheapest qualifying units', async () => {
    await api.activePromotion(promotionInput({ discountType: BUY_X_GET_Y, buyQuantity: 2, getQuantity: 1, percentageBps: 10_000, productIds: ['product-a', 'product-b'] }));

    const r = await api.evaluate(cart({ lines: [cartLine('a', 1000, 2), cartLine('b', 400, 1), cartLine('other', 10)] }));

    expect(discounts(r)).toEqual({ a: 0, b: 400, other: 0 });
  });

  it('drops free shipping when the subtotal falls below its threshold, and says why for a code', async () => {
    await api.activePromotion(promotionInput({ name: 'Free shipping over 50', discountType: FREE_SHIPPING, minSubtotalMinor: 5000, currency: 'EUR' }));
    await withCode('SHIPFREE', { discountType: FREE_SHIPPING, minSubtotalMinor: 8000, currency: 'EUR' });

    const above = await api.evaluate(cart({ lines: [cartLine('a', 3000, 2)], shippingMinor: 590 }));
    const below = await api.evaluate(cart({ lines: [cartLine('a', 3000, 1)], shippingMinor: 590, codes: ['SHIPFREE'] }));

    expect(above).toMatchObject({ shippingDiscountMinor: 590, discountTotalMinor: 590 });
    expect(below).toMatchObject({ shippingDiscountMinor: 0, discountTotalMinor: 0, applied: [] });
    expect(below.refusedCodes).toEqual([{ code: 'SHIPFREE', reason: 'condition not met: min_subtotal_minor 8000' }]);
  });

  it('never takes a line, shipping or the total below zero, and answers the same in every code order', async () => {
    await withCode('SIXTY', { percentageBps: 6000, priority: 5 });
    await withCode('EIGHTHUNDRED', { discountType: FIXED, amountMinor: 800, currency: 'EUR', priority: 3 });
    await withCode('WHOLEORDER', { discountType: FIXED, target: ORDER, amountMinor: 50_000, currency: 'EUR' });
    await withCode('SHIPPING', { discountType: FIXED, target: SHIPPING, amountMinor: 10_000, currency: 'EUR' });
    const lines = [cartLine('a', 1000, 1), cartLine('b', 333, 3), cartLine('c', 5)];
    const orders = [
      ['SIXTY', 'EIGHTHUNDRED', 'WHOLEORDER', 'SHIPPING'],
      ['SHIPPING', 'WHOLEORDER', 'EIGHTHUNDRED', 'SIXTY'],
      ['eighthundred', 'shipping', 'sixty', 'wholeorder'],
      ['WHOLEORDER', 'SIXTY', 'SHIPPING', 'EIGHTHUNDRED'],
    ];

    const answers = await Promise.all(orders.map((codes) => api.evaluate(cart({ lines, codes, shippingMinor: 700 }))));

    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
    const r = answers[0]!;
    for (const line of r.lines) {
      const source = lines.find((l) => l.lineId === line.lineId)!;
      expect(line.discountMinor).toBeGreaterThanOrEqual(0);
      expect(line.discountMinor).toBeLessThanOrEqual(source.unitPriceMinor * source.quantity);
    }
    expect(r.shippingDiscountMinor).toBe(700);
    expect(r.discountTotalMinor).toBe(1000 + 999 + 5 + 700);
    expect(r.refusedCodes).toEqual([]);
  });

  it('applies the best exclusive promotion alone when it beats the combinable stack, and the stack otherwise', async () => {
    await api.activePromotion(promotionInput({ name: 'ten', percentageBps: 1000 }));
    await api.activePromotion(promotionInput({ name: 'five', percentageBps: 500 }));
    const big = await withCode('EXCL20', { name: 'twenty', percentageBps: 2000, exclusive: true });
    await withCode('EXCL12', { name: 'twelve', percentageBps: 1200, exclusive: true });
    const lines = [cartLine('a', 10_000)];

    const withBig = await api.evaluate(cart({ lines, codes: ['EXCL12', 'EXCL20'] }));
    const withSmall = await api.evaluate(cart({ lines, codes: ['EXCL12'] }));

    expect(withBig.applied).toEqual([{ promotionId: big.id, code: 'EXCL20', amountMinor: 2000 }]);
    expect(withBig.refusedCodes).toEqual([{ code: 'EXCL12', reason: 'not combinable: an exclusive promotion gives a bigger discount' }]);
    // 10 % then 5 % of what is left: 1000 + 450 beats 1200.
    expect(withSmall.discountTotalMinor).toBe(1450);
    expect(withSmall.refusedCodes).toEqual([{ code: 'EXCL12', reason: 'not combinable: an exclusive promotion gives a bigger discount' }]);
  });

  it('refuses codes with their reason instead of failing: unknown, expired, not started, condition, limit', async () => {
    const expiring = await withCode('EXPIRED', {});
    await api.updatePromotion(expiring.id, promotionInput({ requiresCode: true, startTime: new Date(Date.now() - 2 * DAY), endTime: new Date(Date.now() - DAY) }));
    await withCode('LATER', { startTime: new Date(Date.now() + DAY) });
    await withCode('VIPONLY', { customerGroups: ['vip'] });
    await withCode('DOLLARS', { discountType: FIXED, amountMinor: 100, currency: 'USD' });
    const used = await withCode('USEDUP', {}, 1);
    await api.reserve('used-up', '', [{ promotionId: used.id, code: 'USEDUP', amountMinor: 1 }]);
    const inactive = await api.createPromotion(promotionInput({ requiresCode: true }));
    await api.createCode(inactive.id, 'ASLEEP');

    const r = await api.evaluate(cart({ lines: [cartLine('a', 1000)], codes: ['nope', 'EXPIRED', 'LATER', 'VIPONLY', 'DOLLARS', 'USEDUP', 'ASLEEP'] }));

    expect(r.refusedCodes).toEqual([
      { code: 'ASLEEP', reason: 'inactive' },
      { code: 'DOLLARS', reason: 'condition not met: currency USD' },
      { code: 'EXPIRED', reason: 'expired' },
      { code: 'LATER', reason: 'not started yet' },
      { code: 'NOPE', reason: 'unknown code' },
      { code: 'USEDUP', reason: 'usage limit reached' },
      { code: 'VIPONLY', reason: 'condition not met: customer_groups' },
    ]);
    expect(r).toMatchObject({ discountTotalMinor: 0, applied: [] });
    const vip = await api.evaluate(cart({ lines: [cartLine('a', 1000)], codes: ['VIPONLY'], customerGroups: ['vip'] }));
    expect(vip.discountTotalMinor).toBe(100);
  });

  it('counts a code once however it is typed, and refuses it to a customer who used up their share', async () => {
    const promotion = await withCode('ONCEPER', { usageLimitPerCustomer: 1 });
    await api.reserve('per-customer', 'ivy', [{ promotionId: promotion.id, code: 'ONCEPER', amountMinor: 100 }]);
    const lines = [cartLine('a', 1000)];

    const ivy = await api.evaluate(cart({ lines, codes: ['onceper', ' ONCEPER '], customerId: 'ivy' }));
    const jack = await api.evaluate(cart({ lines, codes: ['onceper', 'ONCEPER'], customerId: 'jack' }));

    expect(ivy.refusedCodes).toEqual([{ code: 'ONCEPER', reason: 'usage limit per customer reached' }]);
    expect(jack.applied).toEqual([{ promotionId: promotion.id, code: 'ONCEPER', amountMinor: 100 }]);
  });

  it('leaves out a promotion whose discount would pass what is left of its campaign amount budget', async () => {
    const campaign = await api.createCampaign(campaignInput({ budgetAmountMinor: 1000, currency: 'EUR' }));
    await api.activateCampaign(campaign.id);
    const first = await withCode('BUDGET-ONE', { campaignId: campaign.id, discountType: FIXED, target: ORDER, amountMinor: 600, currency: 'EUR', priority: 2 });
    await withCode('BUDGET-TWO', { campaignId: campaign.id, discountType: FIXED, target: ORDER, amountMinor: 600, currency: 'EUR', priority: 1 });

    const r = await api.evaluate(cart({ lines: [cartLine('a', 5000)], codes: ['BUDGET-TWO', 'BUDGET-ONE'] }));

    expect(r.applied).toEqual([{ promotionId: first.id, code: 'BUDGET-ONE', amountMinor: 600 }]);
    expect(r.refusedCodes).toEqual([{ code: 'BUDGET-TWO', reason: 'campaign budget exhausted' }]);
    await api.reserve('budget-ok', '', r.applied);
    expect(await api.getCampaign(campaign.id)).toMatchObject({ amountUsedMinor: 600 });
  });

  it('answers INVALID_ARGUMENT naming the field for an unknown currency, a negative price or a repeated line', async () => {
    const currency = await rejectionOf(api.evaluate(cart({ currency: 'EURO' })));
    const negative = await rejectionOf(api.evaluate(cart({ lines: [cartLine('a', -1)] })));
    const repeated = await rejectionOf(api.evaluate(cart({ lines: [cartLine('a', 1), cartLine('a', 2)] })));

    expect(currency).toMatchObject({ type: 'invalid_argument', details: [expect.objectContaining({ field: 'currency' })] });
    expect(negative).toMatchObject({ type: 'invalid_argument', details: [expect.objectContaining({ field: 'lines.0.unit_price_minor' })] });
    expect(repeated).toMatchObject({ type: 'invalid_argument', details: [expect.objectContaining({ field: 'lines.1.line_id' })] });
  });
});
