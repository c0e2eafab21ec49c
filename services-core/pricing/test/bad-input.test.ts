// Bad input through the real gRPC API: INVALID_ARGUMENT naming the field, and nothing half-written.
import { PriceListType } from '@ecommerce/proto/pricing/v1/pricing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculate, setBasePrice } from './fixtures.js';
import { rejectionOf, startHarness, uniqueSku, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

async function expectInvalid(promise: Promise<unknown>, field: string): Promise<void> {
  const err = await rejectionOf(promise);
  expect(err.type).toBe('invalid_argument');
  expect(err.details.map((d) => d.field)).toContain(field);
}

const rowCounts = async () => ({
  prices: Number((await h.db('prices').count({ n: '*' }))[0]!.n),
  history: Number((await h.db('price_history').count({ n: '*' }))[0]!.n),
  lists: Number((await h.db('price_lists').count({ n: '*' }))[0]!.n),
  outbox: Number((await h.db('outbox_events').count({ n: '*' }))[0]!.n),
});

describe('bad input', () => {
  it('refuses an unknown or lower-case currency naming currency', async () => {
    await expectInvalid(setBasePrice(h, uniqueSku(), 100, 'XYZ'), 'currency');
    await expectInvalid(setBasePrice(h, uniqueSku(), 100, 'eur'), 'currency');
    await expectInvalid(calculate(h, [{ sku: 'A-1' }], { currency: 'ABC' }), 'currency');
  });

  it('refuses a negative amount naming the tier field', async () => {
    await expectInvalid(setBasePrice(h, uniqueSku(), -1), 'tiers.0.amount_minor');
  });

  it('refuses overlapping tiers, a gap in base tiers and a first base tier above 1', async () => {
    const overlapping = [
      { minQuantity: 1, maxQuantity: 10, amountMinor: 100 },
      { minQuantity: 5, amountMinor: 90 },
    ];
    await expectInvalid(setBasePrice(h, uniqueSku(), overlapping), 'tiers.1.min_quantity');
    await expectInvalid(setBasePrice(h, uniqueSku(), [{ minQuantity: 1, amountMinor: 100 }, { minQuantity: 5, amountMinor: 90 }]), 'tiers.1.min_quantity');
    await expectInvalid(setBasePrice(h, uniqueSku(), [{ minQuantity: 1, maxQuantity: 4, amountMinor: 100 }, { minQuantity: 6, amountMinor: 90 }]), 'tiers.1.min_quantity');
    await expectInvalid(setBasePrice(h, uniqueSku(), [{ minQuantity: 2, amountMinor: 100 }]), 'tiers.0.min_quantity');
    await expectInvalid(setBasePrice(h, uniqueSku(), [{ minQuantity: 5, maxQuantity: 3, amountMinor: 100 }]), 'tiers.0.max_quantity');
    await expectInvalid(setBasePrice(h, uniqueSku(), []), 'tiers');
  });

  it('refuses a price list ending before it starts, on create and on update', async () => {
    const start = new Date('2030-01-02T00:00:00Z');
    const create = h.call('createPriceList', { name: 'x', type: PriceListType.PRICE_LIST_TYPE_SALE, startTime: start, endTime: new Date('2030-01-01T00:00:00Z') });
    await expectInvalid(create, 'end_time');

    const { priceList } = await h.call('createPriceList', { name: 'y', type: PriceListType.PRICE_LIST_TYPE_SALE, startTime: start });
    await expectInvalid(h.call('updatePriceList', { id: priceList!.id, endTime: new Date('2029-12-31T00:00:00Z') }), 'end_time');
    expect((await h.call('getPriceList', { id: priceList!.id })).priceList!.endTime).toBeUndefined();
  });

  it('refuses other malformed requests naming the field', async () => {
    await expectInvalid(h.call('createPriceList', { name: 'z', type: PriceListType.PRICE_LIST_TYPE_UNSPECIFIED }), 'type');
    await expectInvalid(h.call('createPriceList', { name: ' ', type: PriceListType.PRICE_LIST_TYPE_SALE }), 'name');
    await expectInvalid(h.call('createPriceList', { name: 'c', type: PriceListType.PRICE_LIST_TYPE_SALE, countries: ['germany'] }), 'countries.0');
    await expectInvalid(h.call('activatePriceList', { id: 'not-a-uuid' }), 'id');
    await expectInvalid(h.call('createPriceList', { name: 'far', type: PriceListType.PRICE_LIST_TYPE_SALE, endTime: new Date('+200000-01-01T00:00:00Z') }), 'end_time');
    await expectInvalid(calculate(h, []), 'lines');
    await expectInvalid(calculate(h, [{ sku: 'A-1', quantity: 0 }]), 'lines.0.quantity');
    await expectInvalid(calculate(h, [{ sku: 'bad sku' }]), 'lines.0.sku');
    await expectInvalid(calculate(h, [{ sku: 'A-1' }], { country: 'DEU' }), 'country');
    await expectInvalid(h.call('setTaxRegion', { country: 'DE', name: 'DE', rates: [{ name: 'VAT', rateBps: 10_001, taxClass: 'standard' }] }), 'rates.0.rate_bps');
    await expectInvalid(h.call('getPriceHistory', { sku: 'A-1', pageSize: 101 }), 'page_size');
  });

  it('writes nothing when a request is refused, even after validation passes', async () => {
    const before = await rowCounts();

    await rejectionOf(setBasePrice(h, uniqueSku(), -5));
    await rejectionOf(h.call('createPriceList', { name: 'w', type: PriceListType.PRICE_LIST_TYPE_SALE, startTime: new Date(2), endTime: new Date(1) }));
    // Valid request, unknown list: refused inside the transaction.
    const missing = await rejectionOf(h.call('setPriceListPrice', { priceListId: '00000000-0000-4000-8000-000000000000', sku: 'A-1', currency: 'EUR', tiers: [{ minQuantity: 1, amountMinor: 5 }] }));
    expect(missing.type).toBe('not_found');

    expect(await rowCounts()).toEqual(before);
  });
});
