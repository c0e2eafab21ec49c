// The simulated carrier's tracking driven by the test's clock (no sleeps): polls apply its scans in order and
// announce them; returns travel back the same way and credit the shipment they bring back.
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
  { orderLineId: 'l1', sku: 'BOOT-42', quantity: 2 },
  { orderLineId: 'l2', sku: 'SOCKS', quantity: 1 },
];

async function labelledShipment(lines = ordered): Promise<string> {
  const { shipment } = await api.createShipment({ orderId: anOrderId(), ordered, lines });
  await api.createLabel(shipment!.id);
  return shipment!.id;
}

const statusOf = async (id: string) => (await api.getShipment(id)).shipment!.status;

describe('simulated carrier tracking', () => {
  it('advances a labelled parcel to shipped, in transit and delivered as the clock passes its timetable', async () => {
    const id = await labelledShipment();

    h.clock.advanceHours(1);
    await api.advanceTracking();
    expect(await statusOf(id)).toBe('label_created');

    h.clock.advanceHours(1);
    await api.advanceTracking();
    expect(await statusOf(id)).toBe('shipped');

    h.clock.advanceHours(4);
    await api.advanceTracking();
    expect(await statusOf(id)).toBe('in_transit');

    h.clock.advanceHours(42);
    await api.advanceTracking();
    const { shipment } = await api.getShipment(id);
    expect(shipment!.status).toBe('delivered');
    expect(shipment!.history.map((e) => e.status)).toEqual(['pending', 'label_created', 'shipped', 'in_transit', 'delivered']);
    expect(await outboxTypes(h.db, id)).toEqual([
      'shipping.shipment.created',
      'shipping.shipment.label_created',
      'shipping.shipment.shipped',
      'shipping.shipment.in_transit',
      'shipping.shipment.delivered',
    ]);
  });

  it('applies every scan missed between two polls, in order, with the carrier scan times', async () => {
    const id = await labelledShipment();
    const labelledAt = h.clock.now().getTime();

    h.clock.advanceHours(72);
    const { updates } = await api.advanceTracking();

    expect(updates).toBeGreaterThanOrEqual(3);
    const { shipment } = await api.getShipment(id);
    const scans = shipment!.history.slice(2).map((e) => [e.status, (e.occurTime!.getTime() - labelledAt) / 3_600_000]);
    expect(scans).toEqual([['shipped', 2], ['in_transit', 6], ['delivered', 48]]);
    expect((await api.advanceTracking()).updates).toBe(0);
  });

  it('skips the pick-up scan of a parcel staff already marked shipped, and never moves a pending or canceled one', async () => {
    const shippedByHand = await labelledShipment([{ orderLineId: 'l1', sku: 'BOOT-42', quantity: 1 }]);
    await api.markShipped(shippedByHand);
    const { shipment: pending } = await api.createShipment({ orderId: anOrderId(), ordered, lines: ordered });
    const canceled = await labelledShipment();
    await api.cancelShipment(canceled);

    h.clock.advanceHours(7);
    await api.advanceTracking();

    expect((await api.getShipment(shippedByHand)).shipment!.history.map((e) => e.status)).toEqual(['pending', 'label_created', 'shipped', 'in_transit']);
    expect(await statusOf(pending!.id)).toBe('pending');
    expect(await statusOf(canceled)).toBe('canceled');
  });

  it('applies each scan once when polls run concurrently', async () => {
    const id = await labelledShipment();
    h.clock.advanceHours(48);

    await Promise.all(Array.from({ length: 5 }, () => api.advanceTracking()));

    expect(await outboxTypes(h.db, id)).toEqual([
      'shipping.shipment.created',
      'shipping.shipment.label_created',
      'shipping.shipment.shipped',
      'shipping.shipment.in_transit',
      'shipping.shipment.delivered',
    ]);
    expect((await api.getShipment(id)).shipment!.history).toHaveLength(5);
  });
});

describe('returns', () => {
  async function deliveredShipment(): Promise<string> {
    const id = await labelledShipment();
    h.clock.advanceHours(48);
    await api.advanceTracking();
    expect(await statusOf(id)).toBe('delivered');
    return id;
  }

  async function receive(returnId: string): Promise<void> {
    await api.createLabel(returnId);
    h.clock.advanceHours(48);
    await api.advanceTracking();
    expect(await statusOf(returnId)).toBe('delivered');
  }

  it('brings units back in return parcels; the shipment is returned once every unit is back', async () => {
    const id = await deliveredShipment();

    const first = await api.createReturn({ shipmentId: id, lines: [{ orderLineId: 'l1', sku: 'BOOT-42', quantity: 2 }], reason: 'too small' });
    expect(first.shipment).toMatchObject({ direction: 'return', returnOfShipmentId: id, status: 'pending', reason: 'too small' });
    await receive(first.shipment!.id);
    expect(await statusOf(id)).toBe('delivered');

    const second = await api.createReturn({ shipmentId: id, lines: [{ orderLineId: 'l2', sku: 'SOCKS', quantity: 1 }] });
    await receive(second.shipment!.id);
    expect(await statusOf(id)).toBe('returned');

    const returned = await h.db('outbox_events').where({ event_key: id, event_type: 'shipping.shipment.returned' }).orderBy('id').select('envelope');
    expect(returned.map((r) => r.envelope.data)).toEqual([
      expect.objectContaining({ shipmentId: id, returnShipmentId: first.shipment!.id, lines: [{ orderLineId: 'l1', sku: 'BOOT-42', quantity: 2 }] }),
      expect.objectContaining({ shipmentId: id, returnShipmentId: second.shipment!.id, fullyReturned: true }),
    ]);
    // A return parcel announces nothing of its own: its "shipped" must not look like an order leaving.
    expect(await outboxTypes(h.db, first.shipment!.id)).toEqual([]);
  });

  it('never brings back more than was delivered; a canceled return frees its units', async () => {
    const id = await deliveredShipment();
    const boots = [{ orderLineId: 'l1', sku: 'BOOT-42', quantity: 2 }];
    const first = await api.createReturn({ shipmentId: id, lines: boots });

    const err = await rejectionOf(api.createReturn({ shipmentId: id, lines: [{ orderLineId: 'l1', sku: 'BOOT-42', quantity: 1 }] }));
    expect(err.type).toBe('failed_precondition');
    expect(err.details).toEqual([expect.objectContaining({ field: 'lines.0.quantity' })]);

    await api.cancelShipment(first.shipment!.id, 'customer kept them');
    await expect(api.createReturn({ shipmentId: id, lines: boots })).resolves.toBeDefined();
  });

  it('lets only one of concurrent returns take the last units', async () => {
    const id = await deliveredShipment();
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, () => api.createReturn({ shipmentId: id, lines: [{ orderLineId: 'l2', sku: 'SOCKS', quantity: 1 }] })),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
  });
});
