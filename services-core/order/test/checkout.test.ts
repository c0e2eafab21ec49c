// The checkout saga through the real gRPC API on real PostgreSQL, the participants faked behind their ports:
// a placed order holds exactly one reservation, usage and authorization; a declined card or a refusal midway
// compensates everything taken; the same idempotency key answers the same order; concurrent checkouts of scarce
// stock confirm exactly as many orders as there are units, and leave no authorization on the others.
import { FailedPreconditionError } from '@ecommerce/common/errors';
import { unaryCall } from '@ecommerce/common/grpc';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyCoupon, checkout, getCart, readyCart } from './cart-calls.js';
import { DECLINED_CARD, GOOD_CARD } from './fakes.js';
import { rejectionOf, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.fakes.prices.unitPrices.set('SKU-1', 1_000);
  h.fakes.prices.unitPrices.set('LIMITED', 500);
  h.fakes.stock.onHand.set('SKU-1', 10_000);
  h.fakes.discounts.addCoupon('TENOFF', 10);
});
afterAll(() => h?.close());
afterEach(() => {
  h.fakes.discounts.failReserve = undefined;
  h.fakes.payments.failAuthorize = undefined;
});

const outboxTypes = async (orderId: string) => (await h.db('outbox_events').where({ event_key: orderId }).orderBy('id').select('event_type')).map((r) => r.event_type as string);

describe('checkout', () => {
  it('places the order: stock reserved, usage reserved and committed, payment authorized last, order.order.placed in the outbox', async () => {
    const cart = await readyCart(h, [['SKU-1', 2]]);
    await applyCoupon(h, cart, 'TENOFF');
    const order = await checkout(h, cart, 'key-1', GOOD_CARD);

    // 2 x 1000 - 10 % = 1800, tax 20 % of the net = 360, shipping 500.
    expect(order).toMatchObject({ status: 'confirmed', paymentStatus: 'authorized', fulfillmentStatus: 'unfulfilled', subtotalMinor: 2_000, discountMinor: 200, taxMinor: 360, shippingMinor: 500, totalMinor: 2_660 });
    expect(order.lines).toEqual([expect.objectContaining({ sku: 'SKU-1', quantity: 2, totalMinor: 2_160 })]);
    expect(order.history.map((c) => `${c.field}:${c.from}->${c.to}`)).toEqual(['status:->pending', 'status:pending->confirmed', 'payment_status:none->authorized']);
    expect(h.fakes.stock.reservations.get(order.id)).toMatchObject({ status: 'active', lines: [{ sku: 'SKU-1', quantity: 2 }] });
    expect(h.fakes.discounts.usage.get(order.id)?.status).toBe('committed');
    expect(h.fakes.payments.authorizedFor(order.id)).toEqual([expect.objectContaining({ authorizedMinor: 2_660 })]);
    expect(await outboxTypes(order.id)).toEqual(['order.order.placed']);
    expect((await getCart(h, cart)).status).toBe('converted');
  });

  it('answers the same order for the same idempotency key, with one authorization, and refuses a second checkout of the cart', async () => {
    const cart = await readyCart(h, [['SKU-1', 1]]);
    const authorizations = h.fakes.payments.effects.authorize;
    const first = await checkout(h, cart, 'same-key', GOOD_CARD);
    const again = await checkout(h, cart, 'same-key', GOOD_CARD);
    expect(again.id).toBe(first.id);
    expect(again.status).toBe('confirmed');
    expect(h.fakes.payments.effects.authorize).toBe(authorizations + 1);
    const other = await rejectionOf(checkout(h, cart, 'other-key', GOOD_CARD));
    expect(other.type).toBe('failed_precondition');
    expect(await h.db('orders').where({ cart_id: cart.id }).count<{ count: number }[]>('* as count')).toEqual([{ count: 1 }]);
  });

  it('lets concurrent duplicates of one key either answer that order or ask to retry, never place two', async () => {
    const cart = await readyCart(h, [['SKU-1', 1]]);
    const answers = await Promise.allSettled(Array.from({ length: 8 }, () => checkout(h, cart, 'dup', GOOD_CARD)));
    const orders = answers.filter((a) => a.status === 'fulfilled').map((a) => (a as PromiseFulfilledResult<{ id: string }>).value.id);
    const refused = answers.filter((a) => a.status === 'rejected').map((a) => ((a as PromiseRejectedResult).reason as { type: string }).type);
    expect(new Set(orders).size).toBe(1);
    expect(new Set(refused).size <= 1 && refused.every((t) => t === 'aborted')).toBe(true);
    const final = await checkout(h, cart, 'dup', GOOD_CARD);
    expect(final.id).toBe(orders[0]);
    expect(await h.db('orders').where({ cart_id: cart.id }).count<{ count: number }[]>('* as count')).toEqual([{ count: 1 }]);
  });

  it('compensates everything for a declined card: order failed with the reason, stock and usage released, the cart open again', async () => {
    const cart = await readyCart(h, [['SKU-1', 3]]);
    await applyCoupon(h, cart, 'TENOFF');
    const used = h.fakes.discounts.coupons.get('TENOFF')!.used;
    const failed = await checkout(h, cart, 'declined', DECLINED_CARD);

    expect(failed.status).toBe('failed');
    expect(failed.statusReason).toContain('card_declined');
    expect(failed.history.at(-1)).toMatchObject({ field: 'status', from: 'pending', to: 'failed', actor: 'system' });
    expect(h.fakes.stock.reservations.get(failed.id)?.status).toBe('released');
    expect(h.fakes.discounts.usage.get(failed.id)?.status).toBe('released');
    expect(h.fakes.discounts.coupons.get('TENOFF')!.used).toBe(used);
    expect(h.fakes.payments.authorizedFor(failed.id)).toEqual([]);
    expect(await outboxTypes(failed.id)).toEqual([]);
    expect((await getCart(h, cart)).status).toBe('active');

    // The same key answers the same failed order; a new key with another card places the order.
    expect((await checkout(h, cart, 'declined', GOOD_CARD)).id).toBe(failed.id);
    const placed = await checkout(h, cart, 'second-try', GOOD_CARD);
    expect(placed.status).toBe('confirmed');
    expect(placed.id).not.toBe(failed.id);
  });

  it('releases the stock taken when a step midway refuses (usage limit), and never calls payment', async () => {
    const cart = await readyCart(h, [['SKU-1', 1]]);
    await applyCoupon(h, cart, 'TENOFF');
    h.fakes.discounts.failReserve = new FailedPreconditionError('code TENOFF: usage limit reached');
    const paymentsBefore = h.fakes.payments.payments.size;
    const failed = await checkout(h, cart, 'limit', GOOD_CARD);
    expect(failed.status).toBe('failed');
    expect(failed.statusReason).toContain('usage limit reached');
    expect(h.fakes.stock.reservations.get(failed.id)?.status).toBe('released');
    expect(h.fakes.payments.payments.size).toBe(paymentsBefore);
  });

  it('retries a participant that is down, then compensates when it stays down', async () => {
    const cart = await readyCart(h, [['SKU-1', 1]]);
    h.fakes.payments.failAuthorize = new (await import('@ecommerce/common/errors')).UnavailableError('payment down');
    const failed = await checkout(h, cart, 'down', GOOD_CARD);
    expect(failed.status).toBe('failed');
    expect(failed.statusReason).toContain('payment down');
    expect(h.fakes.stock.reservations.get(failed.id)?.status).toBe('released');
    const steps = await h.db('saga_steps').where({ saga_id: `checkout-${failed.id}` }).orderBy('position').select('step_name', 'status');
    expect(steps).toEqual([
      { step_name: 'create-order', status: 'compensated' },
      { step_name: 'reserve-stock', status: 'compensated' },
      { step_name: 'reserve-usage', status: 'compensated' },
      { step_name: 'authorize-payment', status: 'compensated' },
    ]);
  });

  it('refuses to check out a cart without an address or option, or an empty one, naming what is missing', async () => {
    const { newGuestCart, addLine } = await import('./cart-calls.js');
    const empty = await newGuestCart(h);
    const err = await rejectionOf(checkout(h, empty, 'k', GOOD_CARD));
    expect(err.type).toBe('failed_precondition');
    const noAddress = await newGuestCart(h);
    await addLine(h, noAddress, 'SKU-1', 1);
    const missing = await rejectionOf(checkout(h, noAddress, 'k', GOOD_CARD));
    expect(missing.details.map((d) => d.field)).toEqual(['shipping_address']);
    // The refusal let go of the cart: it takes changes again.
    expect((await addLine(h, noAddress, 'SKU-1', 1)).lines[0]?.quantity).toBe(2);
  });

  it('confirms exactly as many of 60 concurrent checkouts as there are units (10), and leaves no authorization on the rest', async () => {
    h.fakes.stock.onHand.set('LIMITED', 10);
    const carts = await Promise.all(Array.from({ length: 60 }, () => readyCart(h, [['LIMITED', 1]])));
    const orders = await Promise.all(carts.map((c, i) => checkout(h, c, `scarce-${i}`, GOOD_CARD)));

    const confirmed = orders.filter((o) => o.status === 'confirmed');
    const failed = orders.filter((o) => o.status === 'failed');
    expect(confirmed).toHaveLength(10);
    expect(failed).toHaveLength(50);
    for (const o of failed) {
      expect(o.statusReason).toContain('LIMITED');
      expect(h.fakes.payments.authorizedFor(o.id)).toEqual([]);
    }
    expect(h.fakes.stock.reserved('LIMITED')).toBe(10);
    const rows = await h.db('orders').whereIn('id', orders.map((o) => o.id)).groupBy('status').select('status').count<{ status: string; count: string }[]>('* as count');
    expect(Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]))).toEqual({ confirmed: 10, failed: 50 });
  });
});

describe('reading orders', () => {
  it('shows a customer their own orders only; staff see and filter all', async () => {
    const bearer = await h.customerToken('reader');
    const cart = await readyCart(h, [['SKU-1', 1]], bearer);
    const order = await checkout(h, cart, 'mine', GOOD_CARD);
    // Two more confirmed orders of someone else, so staff have pages to turn whatever ran before.
    for (const key of ['other-1', 'other-2']) await checkout(h, await readyCart(h, [['SKU-1', 1]]), key, GOOD_CARD);

    const own = await unaryCall(h.client.getOrder.bind(h.client), { orderId: order.id }, { token: bearer });
    expect(own.order!.id).toBe(order.id);
    expect((await rejectionOf(unaryCall(h.client.getOrder.bind(h.client), { orderId: order.id }, { token: h.tokens.otherCustomer }))).type).toBe('not_found');
    expect((await rejectionOf(unaryCall(h.client.getOrder.bind(h.client), { orderId: order.id }))).type).toBe('unauthenticated');

    const mine = await unaryCall(h.client.listOrders.bind(h.client), { pageSize: 0, pageToken: '', status: '', customerId: 'someone-else' }, { token: bearer });
    expect(mine.orders.map((o) => o.id)).toEqual([order.id]);

    const staff = await unaryCall(h.client.listOrders.bind(h.client), { pageSize: 2, pageToken: '', status: 'confirmed', customerId: '' }, { token: h.tokens.staff });
    expect(staff.orders).toHaveLength(2);
    expect(staff.orders.every((o) => o.status === 'confirmed')).toBe(true);
    const next = await unaryCall(h.client.listOrders.bind(h.client), { pageSize: 2, pageToken: staff.nextPageToken, status: 'confirmed', customerId: '' }, { token: h.tokens.staff });
    expect(next.orders.map((o) => o.id)).not.toContain(staff.orders[0]!.id);
    const bad = await rejectionOf(unaryCall(h.client.listOrders.bind(h.client), { pageSize: 2, pageToken: 'garbage', status: '', customerId: '' }, { token: h.tokens.staff }));
    expect(bad.details.map((d) => d.field)).toEqual(['page_token']);
  });
});
