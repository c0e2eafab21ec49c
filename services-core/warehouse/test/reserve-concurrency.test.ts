// Overselling under concurrency, through the real gRPC API on real PostgreSQL: many Reserve calls at once against
// too little stock, reservations over several SKUs in opposite orders (no deadlock), and a mix of reserve,
// release, commit and transfer on the same SKUs. The ledger invariant is checked after each.
import { afterEach, describe, expect, it } from 'vitest';
import { createLocation, levelAt, stockedSku } from './builders.js';
import { rejectionOf, useHarness } from './harness.js';
import { expectLedgerInvariant } from './ledger-invariant.js';

const h = useHarness();
afterEach(() => expectLedgerInvariant(h.db));

const settle = (promises: Array<Promise<unknown>>) => Promise.allSettled(promises);

describe('Reserve under concurrency', () => {
  it('lets exactly 50 of 500 concurrent one-unit reservations through against 50 in stock', async () => {
    const location = await createLocation(h);
    const sku = await stockedSku(h, [{ location, quantity: 50 }]);

    const results = await settle(
      Array.from({ length: 500 }, (_, i) => h.call('reserve', { reference: `hot-${i}`, lines: [{ sku, quantity: 1 }], ttlSeconds: 600, country: '' }, h.tokens.orderService)),
    );

    const succeeded = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(succeeded).toHaveLength(50);
    expect(failed).toHaveLength(450);
    for (const f of failed) {
      expect(f.reason.type).toBe('failed_precondition');
      expect(f.reason.message).toContain(sku);
    }
    expect(await levelAt(h, sku, location)).toMatchObject({ onHand: 50, reserved: 50, available: 0 });
    const rows = await h.db('reservations').where('reference', 'like', 'hot-%').count<{ count: number }[]>({ count: '*' });
    expect(rows[0]!.count).toBe(50);
  });

  it('splits a hot SKU over two locations without taking more than either has', async () => {
    const [a, b] = [await createLocation(h, { priority: 1 }), await createLocation(h, { priority: 2 })];
    const sku = await stockedSku(h, [
      { location: a, quantity: 7 },
      { location: b, quantity: 5 },
    ]);

    const results = await settle(
      Array.from({ length: 40 }, (_, i) => h.call('reserve', { reference: `split-${sku}-${i}`, lines: [{ sku, quantity: 2 }], ttlSeconds: 600, country: '' })),
    );

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(6);
    expect(await levelAt(h, sku, a)).toMatchObject({ onHand: 7, reserved: 7 });
    expect(await levelAt(h, sku, b)).toMatchObject({ onHand: 5, reserved: 5 });
  });

  it('never deadlocks when reservations name the same SKUs in opposite orders', async () => {
    const location = await createLocation(h);
    const skus: string[] = [];
    for (let i = 0; i < 4; i += 1) skus.push(await stockedSku(h, [{ location, quantity: 1000 }]));

    const results = await settle(
      Array.from({ length: 120 }, (_, i) => {
        const order = i % 2 === 0 ? skus : [...skus].reverse();
        return h.call('reserve', { reference: `cross-${skus[0]}-${i}`, lines: order.map((sku) => ({ sku, quantity: 1 })), ttlSeconds: 600, country: '' });
      }),
    );

    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    for (const sku of skus) expect(await levelAt(h, sku, location)).toMatchObject({ reserved: 120 });
  });

  it('keeps every level exact under a mix of reserve, release, commit and transfer on the same SKUs', async () => {
    const [a, b] = [await createLocation(h, { priority: 1 }), await createLocation(h, { priority: 2 })];
    const skuX = await stockedSku(h, [{ location: a, quantity: 30 }, { location: b, quantity: 30 }]);
    const skuY = await stockedSku(h, [{ location: a, quantity: 30 }]);
    const ref = (i: number) => `mix-${skuX}-${i}`;
    for (let i = 0; i < 20; i += 1) await h.call('reserve', { reference: ref(i), lines: [{ sku: skuX, quantity: 1 }, { sku: skuY, quantity: 1 }], ttlSeconds: 600, country: '' });

    await settle([
      ...Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? h.call('releaseReservation', { reference: ref(i) }) : h.call('commitReservation', { reference: ref(i), lines: [] }))),
      ...Array.from({ length: 30 }, (_, i) => h.call('reserve', { reference: `${ref(100 + i)}`, lines: [{ sku: skuY, quantity: 1 }, { sku: skuX, quantity: 2 }], ttlSeconds: 600, country: '' })),
      ...Array.from({ length: 10 }, () => h.call('transferStock', { fromLocationId: b.id, toLocationId: a.id, sku: skuX, quantity: 1, reference: 'rebalance' })),
    ]);

    // Commit and release each touched half of the first twenty; what the rest took is bounded by stock.
    const committed = await h.db('reservations').where('reference', 'like', `mix-${skuX}-%`).where({ status: 'committed' }).count<{ count: number }[]>({ count: '*' });
    expect(committed[0]!.count).toBe(10);
    const y = await levelAt(h, skuY, a);
    expect(y.onHand).toBe(20);
    expect(y.reserved).toBeLessThanOrEqual(20);
  });

  it('answers a repeated reference once even when the repeats arrive together', async () => {
    const location = await createLocation(h);
    const sku = await stockedSku(h, [{ location, quantity: 10 }]);

    const answers = await Promise.all(Array.from({ length: 20 }, () => h.call('reserve', { reference: `same-${sku}`, lines: [{ sku, quantity: 3 }], ttlSeconds: 600, country: '' })));

    expect(new Set(answers.map((a) => a.status))).toEqual(new Set(['active']));
    expect(await levelAt(h, sku, location)).toMatchObject({ reserved: 3 });
    const err = await rejectionOf(h.call('reserve', { reference: `same-${sku}`, lines: [{ sku, quantity: 4 }], ttlSeconds: 600, country: '' }));
    expect(err.type).toBe('already_exists');
  });
});
