// Points from the order and review services' events, fed through the in-process transport as those services
// publish them: a placed order earns once however often it is delivered, refunds and cancellations take the points
// back, spend moves the tier and the tier's multiplier applies to later orders; an approved review earns its bonus.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrder } from './builders.js';
import { aCustomer, eventually, ledgerInvariantViolations, publish, startHarness, unaryCall, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const accountOf = async (customerId: string) =>
  (await unaryCall(h.client.getAccount.bind(h.client), { customerId }, { token: h.tokens.staff })).account!;
const entriesOf = (customerId: string) => h.db('ledger_entries').where({ customer_id: customerId }).orderBy('id').select('kind', 'points', 'order_id');
/** Waits until the consumer has handled `eventId` (its inbox row is written in the handler's transaction). */
const handled = (eventId: string) =>
  eventually(async () => {
    if (!(await h.db('inbox_events').where({ event_id: eventId }).first())) throw new Error(`event ${eventId} not handled yet`);
  });

describe('earning from order.order.placed', () => {
  it('awards 1 point per currency unit, once, when the same event is delivered twice and the order is announced again', async () => {
    const { id } = await aCustomer(h);
    const order = anOrder(id, { totalMinor: 12_345 }); // 123.45 EUR -> 123 points

    const eventId = await publish(h, 'order.order.placed', order.id, { order });
    await publish(h, 'order.order.placed', order.id, { order }, eventId);
    const another = await publish(h, 'order.order.placed', order.id, { order });
    await handled(eventId);
    await handled(another);

    expect(await entriesOf(id)).toEqual([{ kind: 'earn', points: 123, order_id: order.id }]);
    expect((await accountOf(id)).balance).toBe(123);
  });

  it('ignores guest orders', async () => {
    const order = anOrder('');
    await handled(await publish(h, 'order.order.placed', order.id, { order }));
    expect(await h.db('ledger_entries').where({ order_id: order.id })).toEqual([]);
  });

  it('moves the tier by rolling 12-month spend, whose multiplier applies to the next order', async () => {
    const { id } = await aCustomer(h);
    const big = anOrder(id, { totalMinor: 60_000 }); // 600 EUR: base earns 600, and reaches silver (500 EUR)
    await handled(await publish(h, 'order.order.placed', big.id, { order: big }));
    expect(await accountOf(id)).toMatchObject({ tier: { name: 'silver', earnMultiplierPercent: 125 }, rollingSpendMinor: 60_000, nextTier: { name: 'gold' } });

    const next = anOrder(id, { totalMinor: 1_000 }); // 10 EUR x1.25 = 12.5 -> 13 (half away from zero)
    await handled(await publish(h, 'order.order.placed', next.id, { order: next }));

    expect((await entriesOf(id)).map((e) => e.points)).toEqual([600, 13]);
  });

  it('drops back a tier when the spend leaves the 12-month window', async () => {
    const { id } = await aCustomer(h);
    const order = anOrder(id, { totalMinor: 60_000 });
    await handled(await publish(h, 'order.order.placed', order.id, { order }));
    expect((await accountOf(id)).tier?.name).toBe('silver');

    h.clock.advanceDays(366);
    try {
      expect(await accountOf(id)).toMatchObject({ tier: { name: 'base' }, rollingSpendMinor: 0 });
    } finally {
      h.clock.advanceDays(-366);
    }
  });
});

describe('reversing on refund', () => {
  it('takes back the refunded share of what the order earned, and all the rest on cancellation', async () => {
    const { id } = await aCustomer(h);
    const order = anOrder(id, { totalMinor: 20_000 }); // 200 points
    await handled(await publish(h, 'order.order.placed', order.id, { order }));

    const returned = await publish(h, 'order.order.returned', order.id, { order, refundedMinor: 5_000 }); // a quarter
    await publish(h, 'order.order.returned', order.id, { order, refundedMinor: 5_000 }, returned); // redelivered
    await handled(returned);
    expect((await accountOf(id)).balance).toBe(150);

    await handled(await publish(h, 'order.order.cancelled', order.id, { order, reason: 'customer asked' }));
    const entries = await entriesOf(id);
    expect(entries.map((e) => [e.kind, e.points])).toEqual([['earn', 200], ['reverse', -50], ['reverse', -150]]);
    expect((await accountOf(id)).balance).toBe(0);
  });

  it('takes back only what is left when the points were spent, never going below zero', async () => {
    const { id } = await aCustomer(h);
    const order = anOrder(id, { totalMinor: 10_000 });
    await handled(await publish(h, 'order.order.placed', order.id, { order }));
    await unaryCall(h.client.reserveRedemption.bind(h.client), { reference: randomUUID(), customerId: id, points: 80, currency: 'EUR' }, { token: h.tokens.staff });

    await handled(await publish(h, 'order.order.cancelled', order.id, { order, reason: 'fraud' }));

    expect((await accountOf(id)).balance).toBe(0);
    expect((await entriesOf(id)).map((e) => [e.kind, e.points])).toEqual([['earn', 100], ['redeem', -80], ['reverse', -20]]);
  });

  it('lowers the rolling spend by the refund', async () => {
    const { id } = await aCustomer(h);
    const order = anOrder(id, { totalMinor: 60_000 });
    await handled(await publish(h, 'order.order.placed', order.id, { order }));
    await handled(await publish(h, 'order.order.returned', order.id, { order, refundedMinor: 20_000 }));
    expect(await accountOf(id)).toMatchObject({ rollingSpendMinor: 40_000, tier: { name: 'base' } });
  });
});

describe('the review bonus', () => {
  it('pays 50 points for an approved review, once, even when it is approved again after an edit', async () => {
    const { id } = await aCustomer(h);
    const review = {
      id: randomUUID(), productId: randomUUID(), customerId: id, rating: 5, title: 'Great', body: 'Works', imageUrls: [], status: 'approved',
      verifiedPurchase: true, helpfulCount: 0, moderationReason: '',
    };
    await handled(await publish(h, 'review.review.approved', review.id, { review, moderatorId: '' }));
    await handled(await publish(h, 'review.review.approved', review.id, { review, moderatorId: 'staff-1' }));

    expect((await entriesOf(id)).map((e) => [e.kind, e.points])).toEqual([['earn', 50]]);
  });
});

describe('the ledger', () => {
  it('sums to every balance, and to what the lots still hold', async () => {
    expect(await ledgerInvariantViolations(h.db)).toEqual([]);
  });
});
