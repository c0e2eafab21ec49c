// CalculatePrices' selection rules through the real gRPC API: base, override and sale lists, targeting, tiers,
// schedule and status (README "Selection").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculate, createPriceList, setBasePrice } from './fixtures.js';
import { rejectionOf, startHarness, uniqueSku, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const HOUR = 3_600_000;

describe('price selection', () => {
  it('prices a SKU at its base price when no list applies, shown as its own original price', async () => {
    const sku = uniqueSku();
    await setBasePrice(h, sku, 1999);

    const cart = await calculate(h, [{ sku, quantity: 3 }]);

    expect(cart.lines[0]).toMatchObject({ sku, quantity: 3, unitPriceMinor: 1999, originalUnitPriceMinor: 1999, priceListId: '', subtotalMinor: 5997, totalMinor: 5997 });
    expect(cart).toMatchObject({ currency: 'EUR', taxInclusive: false, subtotalMinor: 5997, taxMinor: 0, totalMinor: 5997 });
  });

  it('never lets a sale list raise a price above the base', async () => {
    const sku = uniqueSku();
    await setBasePrice(h, sku, 1000);
    await createPriceList(h, { type: 'sale', prices: [{ sku, tiers: 1200 }] });

    const [line] = (await calculate(h, [{ sku }])).lines;

    expect(line).toMatchObject({ unitPriceMinor: 1000, originalUnitPriceMinor: 1000, priceListId: '' });
  });

  it('applies a cheaper sale list and shows the base as the original price', async () => {
    const sku = uniqueSku();
    await setBasePrice(h, sku, 1000);
    const sale = await createPriceList(h, { type: 'sale', prices: [{ sku, tiers: 800 }] });

    const [line] = (await calculate(h, [{ sku, quantity: 2 }])).lines;

    expect(line).toMatchObject({ unitPriceMinor: 800, originalUnitPriceMinor: 1000, priceListId: sale, subtotalMinor: 1600 });
  });

  it('shows the override as the original price under a sale on top of an override', async () => {
    const sku = uniqueSku();
    await setBasePrice(h, sku, 1000);
    await createPriceList(h, { type: 'override', customerGroups: ['b2b'], prices: [{ sku, tiers: 900 }] });
    const sale = await createPriceList(h, { type: 'sale', prices: [{ sku, tiers: 850 }] });

    const [line] = (await calculate(h, [{ sku }], { customerGroups: ['b2b'] })).lines;

    expect(line).toMatchObject({ unitPriceMinor: 850, originalUnitPriceMinor: 900, priceListId: sale });
  });

  it('lets an override raise the price, and then a sale cheaper than the override but dearer than the base still applies', async () => {
    const sku = uniqueSku();
    await setBasePrice(h, sku, 1000);
    const override = await createPriceList(h, { type: 'override', countries: ['CH'], prices: [{ sku, tiers: 1300 }] });
    const sale = await createPriceList(h, { type: 'sale', countries: ['CH'], prices: [{ sku, tiers: 1100 }] });

    const swiss = (await calculate(h, [{ sku }], { country: 'CH' })).lines[0];
    const german = (await calculate(h, [{ sku }], { country: 'DE' })).lines[0];

    expect(swiss).toMatchObject({ unitPriceMinor: 1100, originalUnitPriceMinor: 1300, priceListId: sale });
    expect(german).toMatchObject({ unitPriceMinor: 1000, originalUnitPriceMinor: 1000, priceListId: '' });
    expect(override).not.toBe(sale);
  });

  it('gives a customer in two groups the best eligible list', async () => {
    const sku = uniqueSku();
    await setBasePrice(h, sku, 1000);
    await createPriceList(h, { type: 'sale', customerGroups: ['vip'], prices: [{ sku, tiers: 900 }] });
    const staffSale = await createPriceList(h, { type: 'sale', customerGroups: ['staff'], prices: [{ sku, tiers: 700 }] });
    await createPriceList(h, { type: 'sale', customerGroups: ['wholesale'], prices: [{ sku, tiers: 500 }] });

    const [line] = (await calculate(h, [{ sku }], { customerGroups: ['vip', 'staff'] })).lines;

    expect(line).toMatchObject({ unitPriceMinor: 700, originalUnitPriceMinor: 1000, priceListId: staffSale });
  });

  it('prefers the list matching more targeting rules, then the lower amount, then the smaller list id', async () => {
    const sku = uniqueSku();
    await setBasePrice(h, sku, 1000);
    await createPriceList(h, { type: 'override', prices: [{ sku, tiers: 700 }] });
    const targeted = await createPriceList(h, { type: 'override', customerGroups: ['vip'], channels: ['web'], prices: [{ sku, tiers: 950 }] });
    const a = await createPriceList(h, { type: 'sale', customerGroups: ['vip'], prices: [{ sku, tiers: 600 }] });
    const b = await createPriceList(h, { type: 'sale', channels: ['web'], prices: [{ sku, tiers: 600 }] });

    const [line] = (await calculate(h, [{ sku }], { customerGroups: ['vip'], channel: 'web' })).lines;

    expect(line).toMatchObject({ unitPriceMinor: 600, originalUnitPriceMinor: 950, priceListId: a < b ? a : b });
    expect(targeted).toBeTruthy();
  });

  it('applies quantity tiers of the base price, and a tier still applies beside an override list', async () => {
    const sku = uniqueSku();
    await setBasePrice(h, sku, [
      { minQuantity: 1, maxQuantity: 9, amountMinor: 1000 },
      { minQuantity: 10, amountMinor: 800 },
    ]);
    const override = await createPriceList(h, { type: 'override', customerGroups: ['b2b'], prices: [{ sku, tiers: [{ minQuantity: 1, maxQuantity: 9, amountMinor: 900 }] }] });

    const lines = (
      await calculate(
        h,
        [
          { sku, quantity: 5 },
          { sku, quantity: 10 },
        ],
        { customerGroups: ['b2b'] },
      )
    ).lines;

    expect(lines[0]).toMatchObject({ unitPriceMinor: 900, priceListId: override });
    expect(lines[1]).toMatchObject({ unitPriceMinor: 800, originalUnitPriceMinor: 800, priceListId: '', subtotalMinor: 8000 });
  });

  it('applies the tier of an override list for the quantity bought', async () => {
    const sku = uniqueSku();
    await setBasePrice(h, sku, 1000);
    const override = await createPriceList(h, {
      type: 'override',
      prices: [
        {
          sku,
          tiers: [
            { minQuantity: 1, maxQuantity: 4, amountMinor: 950 },
            { minQuantity: 5, amountMinor: 850 },
          ],
        },
      ],
    });

    const [one, six] = (await calculate(h, [{ sku }, { sku, quantity: 6 }])).lines;

    expect(one).toMatchObject({ unitPriceMinor: 950, priceListId: override });
    expect(six).toMatchObject({ unitPriceMinor: 850, originalUnitPriceMinor: 850, priceListId: override });
  });

  it('ignores an expired list, a list not started yet and a draft list', async () => {
    const sku = uniqueSku();
    const now = Date.now();
    await setBasePrice(h, sku, 1000);
    await createPriceList(h, { type: 'sale', startTime: new Date(now - 2 * HOUR), endTime: new Date(now - HOUR), prices: [{ sku, tiers: 500 }] });
    await createPriceList(h, { type: 'sale', startTime: new Date(now + HOUR), prices: [{ sku, tiers: 600 }] });
    await createPriceList(h, { type: 'override', activate: false, prices: [{ sku, tiers: 700 }] });
    const running = await createPriceList(h, { type: 'sale', startTime: new Date(now - HOUR), endTime: new Date(now + HOUR), prices: [{ sku, tiers: 900 }] });

    const [line] = (await calculate(h, [{ sku }])).lines;

    expect(line).toMatchObject({ unitPriceMinor: 900, originalUnitPriceMinor: 1000, priceListId: running });
  });

  it('prices a SKU that only a live override list prices, and only for the buyers it targets', async () => {
    const sku = uniqueSku();
    const list = await createPriceList(h, { type: 'override', channels: ['pos'], prices: [{ sku, tiers: 400 }] });

    expect((await calculate(h, [{ sku }], { channel: 'pos' })).lines[0]).toMatchObject({ unitPriceMinor: 400, priceListId: list });
    const err = await rejectionOf(calculate(h, [{ sku }], { channel: 'web' }));
    expect(err.type).toBe('not_found');
  });

  it('answers NOT_FOUND naming every SKU without a price in the currency', async () => {
    const priced = uniqueSku();
    const unpriced = uniqueSku();
    await setBasePrice(h, priced, 1000, 'USD');

    const err = await rejectionOf(calculate(h, [{ sku: priced }, { sku: unpriced }], { currency: 'EUR' }));

    expect(err.type).toBe('not_found');
    expect(err.message).toContain(priced);
    expect(err.message).toContain(unpriced);
    expect((await calculate(h, [{ sku: priced }], { currency: 'USD' })).lines[0]!.unitPriceMinor).toBe(1000);
  });
});
