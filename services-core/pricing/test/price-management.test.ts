// Staff management of prices and price lists through the real gRPC API: reads, history written with every change,
// pricing.price.* events in the outbox of the same transaction, list status rules, access, and concurrent writers.
import { PriceListStatus, PriceListType } from '@ecommerce/proto/pricing/v1/pricing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculate, createPriceList, setBasePrice } from './fixtures.js';
import { rejectionOf, startHarness, uniqueSku, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const outbox = async (type: string, subject: string) =>
  (await h.db('outbox_events').where({ event_type: type, event_key: subject }).orderBy('id').select('envelope')).map((r: { envelope: { data: any } }) => r.envelope.data);

describe('base prices', () => {
  it('sets and reads base prices per currency, with tiers sorted and 0 meaning no upper bound', async () => {
    const sku = uniqueSku();
    await setBasePrice(h, sku, [
      { minQuantity: 10, amountMinor: 800 },
      { minQuantity: 1, maxQuantity: 9, amountMinor: 1000 },
    ]);
    await setBasePrice(h, sku, 1100, 'USD');

    const { prices } = await h.call('getBasePrices', { sku });

    expect(prices.map((p) => [p.currency, p.tiers])).toEqual([
      [
        'EUR',
        [
          { minQuantity: 1, maxQuantity: 9, amountMinor: 1000 },
          { minQuantity: 10, maxQuantity: 0, amountMinor: 800 },
        ],
      ],
      ['USD', [{ minQuantity: 1, maxQuantity: 0, amountMinor: 1100 }]],
    ]);
  });

  it('keeps the history of every change, newest first, with who made it', async () => {
    const sku = uniqueSku();
    await setBasePrice(h, sku, 1000);
    await setBasePrice(h, sku, 1200);
    const list = await createPriceList(h, { type: 'sale', activate: false, prices: [{ sku, tiers: 900 }] });
    await h.call('setPriceListPrice', { priceListId: list, sku, currency: 'EUR', tiers: [] });

    const history = await h.call('getPriceHistory', { sku });

    expect(history.total).toBe(4);
    expect(history.entries.map((e) => [e.priceListId, e.tiers.map((t) => t.amountMinor), e.changedBy])).toEqual([
      [list, [], 'staff-1'],
      [list, [900], 'staff-1'],
      ['', [1200], 'staff-1'],
      ['', [1000], 'staff-1'],
    ]);
    expect((await h.call('getPriceHistory', { sku, currency: 'USD' })).total).toBe(0);
    expect((await h.call('getPriceHistory', { sku, page: 2, pageSize: 3 })).entries).toHaveLength(1);
  });

  it('records pricing.price.changed with sku, currency and amount in the outbox', async () => {
    const sku = uniqueSku();
    await setBasePrice(h, sku, [
      { minQuantity: 1, maxQuantity: 4, amountMinor: 500 },
      { minQuantity: 5, amountMinor: 450 },
    ]);

    const events = await outbox('pricing.price.changed', sku);

    expect(events).toEqual([
      expect.objectContaining({
        sku,
        currency: 'EUR',
        amountMinor: 500,
        tiers: [
          { minQuantity: 1, maxQuantity: 4, amountMinor: 500 },
          { minQuantity: 5, amountMinor: 450 },
        ],
      }),
    ]);
  });

  it('keeps one consistent tier set and one history row per write under concurrent writers', async () => {
    const sku = uniqueSku();
    const amounts = Array.from({ length: 12 }, (_, i) => 1000 + i);

    await Promise.all(
      amounts.map((amount) =>
        setBasePrice(h, sku, [
          { minQuantity: 1, maxQuantity: 9, amountMinor: amount },
          { minQuantity: 10, amountMinor: amount - 100 },
        ]),
      ),
    );

    const rows = await h.db('prices').where({ sku }).orderBy('min_quantity').select('min_quantity', 'amount_minor');
    expect(rows).toHaveLength(2);
    expect(Number(rows[0].amount_minor) - Number(rows[1].amount_minor)).toBe(100);
    const history = await h.db('price_history').where({ sku }).orderBy('id', 'desc').select('tiers');
    expect(history).toHaveLength(12);
    expect(history[0].tiers[0].amountMinor).toBe(Number(rows[0].amount_minor));
    expect(await outbox('pricing.price.changed', sku)).toHaveLength(12);
  });
});

describe('price lists', () => {
  it('creates a draft, updates it, activates it once and announces the activation', async () => {
    const sku = uniqueSku();
    const id = await createPriceList(h, { type: 'override', activate: false, customerGroups: ['vip'], prices: [{ sku, tiers: 700 }] });

    const updated = await h.call('updatePriceList', {
      id,
      name: 'VIP prices',
      endTime: new Date('2099-01-01T00:00:00Z'),
      replaceTargeting: true,
      customerGroups: ['vip', 'gold'],
      countries: ['DE'],
    });
    const activated = await h.call('activatePriceList', { id });
    const again = await rejectionOf(h.call('activatePriceList', { id }));

    expect(updated.priceList).toMatchObject({ name: 'VIP prices', status: PriceListStatus.PRICE_LIST_STATUS_DRAFT, customerGroups: ['vip', 'gold'], countries: ['DE'], channels: [] });
    expect(activated.priceList!.status).toBe(PriceListStatus.PRICE_LIST_STATUS_ACTIVE);
    expect(again.type).toBe('failed_precondition');
    expect(await outbox('pricing.price_list.activated', id)).toEqual([expect.objectContaining({ priceListId: id, type: 'override', skus: [sku] })]);
    const { priceList } = await h.call('getPriceList', { id });
    expect(priceList).toMatchObject({ type: PriceListType.PRICE_LIST_TYPE_OVERRIDE, prices: [{ sku, currency: 'EUR', tiers: [{ minQuantity: 1, maxQuantity: 0, amountMinor: 700 }] }] });
    expect(priceList!.endTime).toEqual(new Date('2099-01-01T00:00:00Z'));
  });

  it('activates a list exactly once under concurrent activations', async () => {
    const id = await createPriceList(h, { type: 'sale', activate: false, prices: [{ sku: uniqueSku(), tiers: 100 }] });

    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => h.call('activatePriceList', { id })));

    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as { type: string }).type] : []));
    expect(refused).toEqual(Array(9).fill('failed_precondition'));
    expect(await outbox('pricing.price_list.activated', id)).toHaveLength(1);
  });

  it('clears an end time so an ended list applies again', async () => {
    const sku = uniqueSku();
    await setBasePrice(h, sku, 1000);
    const id = await createPriceList(h, { type: 'sale', startTime: new Date(Date.now() - 7_200_000), endTime: new Date(Date.now() - 3_600_000), prices: [{ sku, tiers: 900 }] });
    expect((await calculate(h, [{ sku }])).lines[0]!.unitPriceMinor).toBe(1000);

    await h.call('updatePriceList', { id, clearEndTime: true });

    expect((await calculate(h, [{ sku }])).lines[0]).toMatchObject({ unitPriceMinor: 900, priceListId: id });
  });

  it('lists price lists newest first, filtered by status, with the total', async () => {
    const draft = await createPriceList(h, { type: 'sale', activate: false, prices: [] });

    const drafts = await h.call('listPriceLists', { status: PriceListStatus.PRICE_LIST_STATUS_DRAFT, pageSize: 100 });
    const all = await h.call('listPriceLists', { pageSize: 1 });

    expect(drafts.priceLists.every((l) => l.status === PriceListStatus.PRICE_LIST_STATUS_DRAFT)).toBe(true);
    expect(drafts.priceLists.map((l) => l.id)).toContain(draft);
    expect(all.priceLists.map((l) => l.id)).toEqual([draft]);
    expect(all.total).toBeGreaterThan(drafts.total);
  });

  it('answers NOT_FOUND for an unknown price list', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const errors = await Promise.all([h.call('getPriceList', { id }), h.call('activatePriceList', { id }), h.call('updatePriceList', { id, name: 'n' })].map(rejectionOf));
    expect(errors.map((e) => e.type)).toEqual(['not_found', 'not_found', 'not_found']);
  });
});

describe('access', () => {
  it('lets anyone calculate but only staff read or write prices', async () => {
    const sku = uniqueSku();
    await setBasePrice(h, sku, 100);

    expect((await h.call('calculatePrices', { currency: 'EUR', lines: [{ sku, quantity: 1 }] }, h.tokens.customer)).totalMinor).toBe(100);
    expect((await rejectionOf(h.call('setBasePrice', { sku, currency: 'EUR', tiers: [{ minQuantity: 1, amountMinor: 1 }] }, null))).type).toBe('unauthenticated');
    expect((await rejectionOf(h.call('setBasePrice', { sku, currency: 'EUR', tiers: [{ minQuantity: 1, amountMinor: 1 }] }, h.tokens.customer))).type).toBe('permission_denied');
    expect((await rejectionOf(h.call('getBasePrices', { sku }, h.tokens.customer))).type).toBe('permission_denied');
  });
});
