// Shipments through the real gRPC API on real PostgreSQL: partial fulfilment, quantities given back on cancel,
// over-shipping refused (also under concurrency), retries by reference, the state machine and the outbox events.
import { unaryCall } from '@ecommerce/common/grpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrderId, calls } from './builders.js';
import { outboxTypes, rejectionOf, startHarness, type Harness } from './harness.js';

let h: Harness;
let api: ReturnType<typeof calls>;
beforeAll(async () => {
  h = await startHarness();
  api = calls(h);
});
afterAll(() => h?.close());

const ordered = [
  { orderLineId: 'l1', sku: 'SHIRT-M', quantity: 3 },
  { orderLineId: 'l2', sku: 'MUG', quantity: 1 },
];

async function liveQuantities(orderId: string): Promise<Record<string, number>> {
  const rows = await h
    .db('shipment_lines as l')
    .join('shipments as s', 's.id', 'l.shipment_id')
    .where({ 's.order_id': orderId, 's.direction': 'outbound' })
    .whereNot('s.status', 'canceled')
    .groupBy('l.order_line_id')
    .select<{ order_line_id: string; total: string }[]>('l.order_line_id', h.db.raw('sum(l.quantity) as total'));
  return Object.fromEntries(rows.map((r) => [r.order_line_id, Number(r.total)]));
}

describe('CreateShipment', () => {
  it('ships part of an order, gives the quantities back on cancel, and ships them again', async () => {
    const orderId = anOrderId();
    const first = await api.createShipment({ orderId, ordered, lines: [{ orderLineId: 'l1', sku: 'SHIRT-M', quantity: 2 }] });
    expect(first.shipment).toMatchObject({ orderId, status: 'pending', direction: 'outbound', lines: [{ orderLineId: 'l1', sku: 'SHIRT-M', quantity: 2 }] });

    const second = await api.createShipment({ orderId, lines: [{ orderLineId: 'l1', sku: 'SHIRT-M', quantity: 1 }, { orderLineId: 'l2', sku: 'MUG', quantity: 1 }] });
    expect(await liveQuantities(orderId)).toEqual({ l1: 3, l2: 1 });

    await api.cancelShipment(second.shipment!.id, 'wrong box');
    expect(await liveQuantities(orderId)).toEqual({ l1: 2 });

    const third = await api.createShipment({ orderId, lines: [{ orderLineId: 'l1', sku: 'SHIRT-M', quantity: 1 }, { orderLineId: 'l2', sku: 'MUG', quantity: 1 }] });
    expect(third.shipment!.status).toBe('pending');
    expect(await liveQuantities(orderId)).toEqual({ l1: 3, l2: 1 });
    expect((await api.listShipments(orderId)).shipments.map((s) => s.status)).toEqual(['pending', 'canceled', 'pending']);
  });

  it('refuses to ship more of a line than the order has left, naming the line, and writes nothing', async () => {
    const orderId = anOrderId();
    await api.createShipment({ orderId, ordered, lines: [{ orderLineId: 'l1', sku: 'SHIRT-M', quantity: 2 }] });

    const err = await rejectionOf(api.createShipment({ orderId, lines: [{ orderLineId: 'l2', sku: 'MUG', quantity: 1 }, { orderLineId: 'l1', sku: 'SHIRT-M', quantity: 2 }] }));

    expect(err.type).toBe('failed_precondition');
    expect(err.message).toContain('only 1 of line l1');
    expect(err.details).toEqual([expect.objectContaining({ field: 'lines.1.quantity' })]);
    expect(await liveQuantities(orderId)).toEqual({ l1: 2 });
    expect((await api.listShipments(orderId)).shipments).toHaveLength(1);
  });

  it('lets exactly one of many concurrent shipments take the last units', async () => {
    const orderId = anOrderId();
    await api.createShipment({ orderId, ordered, lines: [{ orderLineId: 'l1', sku: 'SHIRT-M', quantity: 2 }] });

    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, () => api.createShipment({ orderId, lines: [{ orderLineId: 'l1', sku: 'SHIRT-M', quantity: 1 }] })),
    );

    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const refusals = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected').map((a) => (a.reason as { type: string }).type);
    expect(refusals).toEqual(Array(7).fill('failed_precondition'));
    expect(await liveQuantities(orderId)).toEqual({ l1: 3 });
  });

  it('keeps a brand-new order right when its first shipments race each other', async () => {
    const orderId = anOrderId();
    const attempts = await Promise.allSettled(
      Array.from({ length: 6 }, () => api.createShipment({ orderId, ordered, lines: [{ orderLineId: 'l1', sku: 'SHIRT-M', quantity: 2 }] })),
    );

    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    expect(await liveQuantities(orderId)).toEqual({ l1: 2 });
    expect(await h.db('shipping_order_lines').where({ order_id: orderId })).toHaveLength(2);
  });

  it('answers the same shipment for a retried reference and creates nothing more', async () => {
    const orderId = anOrderId();
    const request = { orderId, ordered, reference: `${orderId}:ship-1`, lines: [{ orderLineId: 'l2', sku: 'MUG', quantity: 1 }] };
    const [a, b] = await Promise.all([api.createShipment(request), api.createShipment(request)]);

    expect(a.shipment!.id).toBe(b.shipment!.id);
    expect((await api.listShipments(orderId)).shipments).toHaveLength(1);
    expect(await outboxTypes(h.db, a.shipment!.id)).toEqual(['shipping.shipment.created']);
  });

  it('records shipping.shipment.created with the order and lines in the outbox', async () => {
    const orderId = anOrderId();
    const { shipment } = await api.createShipment({ orderId, ordered, lines: [{ orderLineId: 'l1', sku: 'SHIRT-M', quantity: 1 }] });

    const [row] = await h.db('outbox_events').where({ event_key: shipment!.id }).select('event_type', 'envelope');
    expect(row).toMatchObject({
      event_type: 'shipping.shipment.created',
      envelope: { data: { shipmentId: shipment!.id, orderId, lines: [{ orderLineId: 'l1', sku: 'SHIRT-M', quantity: 1 }] } },
    });
  });

  it.each([
    ['an unknown order line', { lines: [{ orderLineId: 'l9', sku: 'SHIRT-M', quantity: 1 }] }, 'lines.0.order_line_id'],
    ['another SKU than the line holds', { lines: [{ orderLineId: 'l1', sku: 'HAT', quantity: 1 }] }, 'lines.0.sku'],
    ['a zero quantity', { lines: [{ orderLineId: 'l1', sku: 'SHIRT-M', quantity: 0 }] }, 'lines.0.quantity'],
    ['the same line twice', { lines: [{ orderLineId: 'l1', sku: 'SHIRT-M', quantity: 1 }, { orderLineId: 'l1', sku: 'SHIRT-M', quantity: 1 }] }, 'lines.1.order_line_id'],
    ['no lines', { lines: [] }, 'lines'],
    ['a negative weight', { weightGrams: -1, lines: [{ orderLineId: 'l1', sku: 'SHIRT-M', quantity: 1 }] }, 'weight_grams'],
    ['a malformed option id', { optionId: 'standard', lines: [{ orderLineId: 'l1', sku: 'SHIRT-M', quantity: 1 }] }, 'option_id'],
  ])('answers INVALID_ARGUMENT naming the field for %s, and writes nothing', async (_, request, field) => {
    const orderId = anOrderId();
    const err = await rejectionOf(api.createShipment({ orderId, ordered, ...request }));

    expect(err.type).toBe('invalid_argument');
    expect(err.details).toEqual([expect.objectContaining({ field })]);
    expect(await h.db('shipping_order_lines').where({ order_id: orderId })).toEqual([]);
  });

  it("requires the first shipment of an order to say what the order holds", async () => {
    const err = await rejectionOf(api.createShipment({ orderId: anOrderId(), lines: [{ orderLineId: 'l1', sku: 'SHIRT-M', quantity: 1 }] }));

    expect(err.type).toBe('invalid_argument');
    expect(err.details).toEqual([expect.objectContaining({ field: 'ordered' })]);
  });

  it('answers NOT_FOUND for an unknown option or shipment', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const create = api.createShipment({ orderId: anOrderId(), ordered, optionId: unknown, lines: [{ orderLineId: 'l1', sku: 'SHIRT-M', quantity: 1 }] });
    expect((await rejectionOf(create)).type).toBe('not_found');
    expect((await rejectionOf(api.getShipment(unknown))).type).toBe('not_found');
  });

  it('is for staff only', async () => {
    const request = { orderId: anOrderId(), ordered, lines: [{ orderLineId: 'l1', sku: 'SHIRT-M', quantity: 1 }], destination: undefined };
    expect((await rejectionOf(unaryCall(h.client.createShipment.bind(h.client), { ...request, optionId: '', weightGrams: 0, reference: '' }))).type).toBe('unauthenticated');
    expect((await rejectionOf(api.createShipment(request, h.tokens.customer))).type).toBe('permission_denied');
  });
});

describe('the shipment state machine', () => {
  it('refuses illegal moves with FAILED_PRECONDITION and leaves the status as it was', async () => {
    const orderId = anOrderId();
    const { shipment } = await api.createShipment({ orderId, ordered, lines: [{ orderLineId: 'l2', sku: 'MUG', quantity: 1 }] });
    const id = shipment!.id;

    expect((await rejectionOf(api.markShipped(id))).type).toBe('failed_precondition');
    await api.createLabel(id);
    expect((await rejectionOf(api.createLabel(id))).type).toBe('failed_precondition');
    await api.markShipped(id);
    expect((await rejectionOf(api.cancelShipment(id))).type).toBe('failed_precondition');
    expect((await rejectionOf(api.createReturn({ shipmentId: id, lines: [{ orderLineId: 'l2', sku: 'MUG', quantity: 1 }] }))).type).toBe('failed_precondition');

    const after = await api.getShipment(id);
    expect(after.shipment!.status).toBe('shipped');
    expect(after.shipment!.history.map((e) => e.status)).toEqual(['pending', 'label_created', 'shipped']);
    expect(await outboxTypes(h.db, id)).toEqual(['shipping.shipment.created', 'shipping.shipment.label_created', 'shipping.shipment.shipped']);
  });

  it('announces shipped with the order and lines the order service captures payment for', async () => {
    const orderId = anOrderId();
    const { shipment } = await api.createShipment({ orderId, ordered, lines: [{ orderLineId: 'l1', sku: 'SHIRT-M', quantity: 3 }] });
    const labelled = await api.createLabel(shipment!.id);
    expect(labelled.shipment).toMatchObject({ status: 'label_created', carrier: 'simulated', trackingNumber: expect.stringMatching(/^SIMO\d{12}$/) });
    await api.markShipped(shipment!.id);

    const [row] = await h.db('outbox_events').where({ event_key: shipment!.id, event_type: 'shipping.shipment.shipped' }).select('envelope');
    expect(row.envelope.data).toMatchObject({
      shipmentId: shipment!.id,
      orderId,
      lines: [{ orderLineId: 'l1', sku: 'SHIRT-M', quantity: 3 }],
      carrier: 'simulated',
      trackingNumber: labelled.shipment!.trackingNumber,
    });
  });
});
