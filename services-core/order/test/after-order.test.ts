// An order's life after checkout, through the real service: cancellation before shipping (void, release, event;
// guarded by the state machine), capture on shipping.shipment.shipped (once, however often the event arrives),
// and returns (staff RPC and shipping.shipment.returned) refunding and restocking.
import { randomUUID } from 'node:crypto';
import { unaryCall } from '@ecommerce/common/grpc';
import type * as pb from '@ecommerce/proto/order/v1/order';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkout, readyCart } from './cart-calls.js';
import { GOOD_CARD } from './fakes.js';
import { eventually, rejectionOf, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.fakes.prices.unitPrices.set('SKU-1', 1_000);
  h.fakes.prices.unitPrices.set('SKU-2', 333);
  h.fakes.stock.onHand.set('SKU-1', 1_000);
  h.fakes.stock.onHand.set('SKU-2', 1_000);
});
afterAll(() => h?.close());

const getOrder = async (id: string): Promise<pb.Order> => (await unaryCall(h.client.getOrder.bind(h.client), { orderId: id }, { token: h.tokens.staff })).order!;
const cancel = (id: string, token: string, reason = '') => unaryCall(h.client.cancelOrder.bind(h.client), { orderId: id, reason }, { token });

async function placed(lines: Array<[string, number]>, bearer = h.tokens.customer): Promise<pb.Order> {
  return checkout(h, await readyCart(h, lines, bearer), randomUUID(), GOOD_CARD);
}

async function ship(order: pb.Order, lines: Array<{ line: pb.OrderLine; quantity: number }>, shipmentId: string = randomUUID()): Promise<string> {
  await h.publishShipping('shipping.shipment.shipped', {
    subject: order.id,
    data: { shipmentId, orderId: order.id, lines: lines.map((l) => ({ orderLineId: l.line.id, sku: l.line.sku, quantity: l.quantity })), carrier: 'test', trackingNumber: 'T1', occurTime: new Date() },
  });
  return shipmentId;
}

describe('cancellation', () => {
  it('voids the authorization, releases the stock, records who and why, and announces order.order.cancelled', async () => {
    const bearer = await h.customerToken('canceller');
    const order = await placed([['SKU-1', 1]], bearer);
    expect((await rejectionOf(cancel(order.id, h.tokens.otherCustomer))).type).toBe('not_found');

    const { order: cancelled } = await cancel(order.id, bearer, 'changed my mind');
    expect(cancelled).toMatchObject({ status: 'cancelled', paymentStatus: 'voided', statusReason: 'changed my mind' });
    expect(cancelled!.history.filter((c) => c.to === 'cancelled')).toEqual([expect.objectContaining({ actor: 'customer:canceller', reason: 'changed my mind' })]);
    expect(h.fakes.payments.authorizedFor(order.id)).toEqual([]);
    expect(h.fakes.stock.reservations.get(order.id)?.status).toBe('released');
    const events = await h.db('outbox_events').where({ event_key: order.id }).orderBy('id').pluck('event_type');
    expect(events).toEqual(['order.order.placed', 'order.order.cancelled']);

    // Cancelling again finishes nothing twice; a cancelled order never completes, even if a shipment is reported.
    const voids = h.fakes.payments.effects.void;
    expect((await cancel(order.id, h.tokens.staff)).order!.status).toBe('cancelled');
    expect(h.fakes.payments.effects.void).toBe(voids);
    await ship(order, [{ line: order.lines[0]!, quantity: 1 }]);
    await eventually(async () => (await h.db('inbox_events').count<{ n: number }[]>('* as n'))[0]!.n > 0);
    expect((await getOrder(order.id)).status).toBe('cancelled');
  });
});

describe('shipment', () => {
  it('captures the shipped value and commits the stock once, however often the event is delivered; a shipped order cannot be cancelled', async () => {
    const order = await placed([['SKU-1', 2], ['SKU-2', 3]]);
    const captures = h.fakes.payments.effects.capture;
    const first = order.lines.find((l) => l.sku === 'SKU-1')!;
    const shipmentId = await ship(order, [{ line: first, quantity: 2 }]);
    await eventually(async () => (await getOrder(order.id)).fulfillmentStatus === 'partially_shipped');
    const partly = await getOrder(order.id);
    // SKU-1 line total 2400 plus the shipping (500) with the first shipment.
    expect(partly).toMatchObject({ status: 'confirmed', paymentStatus: 'partially_captured', capturedMinor: 2_900 });
    expect((await rejectionOf(cancel(order.id, h.tokens.staff))).type).toBe('failed_precondition');

    // The same event again (a redelivery) and the same shipment under a new event id: no second capture.
    await ship(order, [{ line: first, quantity: 2 }], shipmentId);
    const second = order.lines.find((l) => l.sku === 'SKU-2')!;
    await ship(order, [{ line: second, quantity: 3 }]);
    await eventually(async () => (await getOrder(order.id)).status === 'completed');
    const done = await getOrder(order.id);
    expect(done).toMatchObject({ fulfillmentStatus: 'shipped', paymentStatus: 'captured', capturedMinor: order.totalMinor });
    expect(h.fakes.payments.effects.capture).toBe(captures + 2);
    expect(h.fakes.stock.reservations.get(order.id)?.committed).toEqual(new Map([['SKU-1', 2], ['SKU-2', 3]]));
  });
});

describe('returns', () => {
  it('refunds and restocks returned units (staff), then the rest through shipping.shipment.returned; the order ends returned', async () => {
    const order = await placed([['SKU-1', 2]]);
    const line = order.lines[0]!;
    await ship(order, [{ line, quantity: 2 }]);
    await eventually(async () => (await getOrder(order.id)).status === 'completed');

    const tooMany = await rejectionOf(unaryCall(h.client.returnOrderLines.bind(h.client), { orderId: order.id, lines: [{ orderLineId: line.id, quantity: 3 }], reason: '' }, { token: h.tokens.staff }));
    expect(tooMany.type).toBe('failed_precondition');
    expect(tooMany.details.map((d) => d.field)).toEqual(['lines[0].quantity']);
    expect((await rejectionOf(unaryCall(h.client.returnOrderLines.bind(h.client), { orderId: order.id, lines: [{ orderLineId: line.id, quantity: 1 }], reason: '' }, { token: h.tokens.customer }))).type).toBe('permission_denied');

    const { order: partly } = await unaryCall(h.client.returnOrderLines.bind(h.client), { orderId: order.id, lines: [{ orderLineId: line.id, quantity: 1 }], reason: 'damaged' }, { token: h.tokens.staff });
    // Half of the line's 2400.
    expect(partly).toMatchObject({ status: 'completed', paymentStatus: 'partially_refunded', refundedMinor: 1_200 });
    expect(h.fakes.stock.restocked.filter((r) => r.reference === order.id).map((r) => r.lines)).toEqual([[{ sku: 'SKU-1', quantity: 1 }]]);

    const returnEvent = { shipmentId: randomUUID(), orderId: order.id, lines: [{ orderLineId: line.id, sku: 'SKU-1', quantity: 1 }], returnShipmentId: randomUUID(), fullyReturned: true, reason: 'unwanted', occurTime: new Date() };
    await h.publishShipping('shipping.shipment.returned', { subject: order.id, data: returnEvent });
    await h.publishShipping('shipping.shipment.returned', { subject: order.id, data: returnEvent });
    await eventually(async () => (await getOrder(order.id)).status === 'returned');
    const returned = await getOrder(order.id);
    expect(returned).toMatchObject({ fulfillmentStatus: 'returned', refundedMinor: 2_400 });
    expect(h.fakes.stock.restocked.filter((r) => r.reference === order.id)).toHaveLength(2);
    const events = await h.db('outbox_events').where({ event_key: order.id }).orderBy('id').pluck('event_type');
    expect(events).toEqual(['order.order.placed', 'order.order.returned', 'order.order.returned']);
  });
});
