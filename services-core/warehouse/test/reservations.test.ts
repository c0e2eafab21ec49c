// Reserve, ReleaseReservation and CommitReservation through the real gRPC API: summing lines, allocation across
// locations, idempotency by reference, the status rules, partial commits, backorder and untracked SKUs, and the
// events in the outbox. The ledger invariant is checked after every test.
import { afterEach, describe, expect, it } from 'vitest';
import { availableOf, createLocation, levelAt, stockedSku, uniqueSku } from './builders.js';
import { rejectionOf, useHarness } from './harness.js';
import { expectLedgerInvariant } from './ledger-invariant.js';

const h = useHarness();
afterEach(() => expectLedgerInvariant(h.db));

const reserve = (reference: string, lines: Array<{ sku: string; quantity: number }>, country = '', ttlSeconds = 600) =>
  h.call('reserve', { reference, lines, ttlSeconds, country }, h.tokens.orderService);
const movementsOf = async (reference: string) => Number((await h.db('stock_movements').where({ reference }).count<{ c: number }[]>({ c: '*' }))[0]!.c);
const outbox = async (type: string, subject: string) =>
  (await h.db('outbox_events').where({ event_type: type, event_key: subject }).orderBy('id').select('envelope')).map((r: { envelope: { data: any } }) => r.envelope.data);

describe('Reserve', () => {
  it('sums two lines of the same SKU before checking stock', async () => {
    const location = await createLocation(h);
    const sku = await stockedSku(h, [{ location, quantity: 5 }]);

    const err = await rejectionOf(reserve(`sum-fail-${sku}`, [{ sku, quantity: 3 }, { sku, quantity: 3 }]));
    expect(err.type).toBe('failed_precondition');
    expect(err.message).toContain(sku);

    const ok = await reserve(`sum-ok-${sku}`, [{ sku, quantity: 2 }, { sku, quantity: 3 }]);
    expect(ok.allocations).toEqual([expect.objectContaining({ sku, locationId: location.id, quantity: 5 })]);
    expect(await levelAt(h, sku, location)).toMatchObject({ reserved: 5, available: 0 });
  });

  it('spans two locations by priority, respecting what each has already reserved', async () => {
    const first = await createLocation(h, { priority: 1 });
    const second = await createLocation(h, { priority: 2 });
    const sku = await stockedSku(h, [{ location: first, quantity: 5 }, { location: second, quantity: 5 }]);

    const r1 = await reserve(`span-1-${sku}`, [{ sku, quantity: 4 }]);
    const r2 = await reserve(`span-2-${sku}`, [{ sku, quantity: 4 }]);

    expect(r1.allocations.map((a) => [a.locationId, a.quantity])).toEqual([[first.id, 4]]);
    expect(r2.allocations.map((a) => [a.locationId, a.quantity])).toEqual([[first.id, 1], [second.id, 3]]);
    const err = await rejectionOf(reserve(`span-3-${sku}`, [{ sku, quantity: 3 }]));
    expect(err).toMatchObject({ type: 'failed_precondition', message: expect.stringContaining(`sku ${sku}: requested 3, available 2`) });
    expect(await levelAt(h, sku, first)).toMatchObject({ reserved: 5 });
    expect(await levelAt(h, sku, second)).toMatchObject({ reserved: 3 });
  });

  it("prefers a location in the customer's country among equal priorities, never over a better priority", async () => {
    const fr = await createLocation(h, { country: 'FR', priority: 5 });
    const de = await createLocation(h, { country: 'DE', priority: 5 });
    const best = await createLocation(h, { country: 'US', priority: 1 });
    const sku = await stockedSku(h, [{ location: fr, quantity: 10 }, { location: de, quantity: 10 }]);
    const preferred = await stockedSku(h, [{ location: fr, quantity: 10 }, { location: best, quantity: 10 }]);

    expect((await reserve(`fr-${sku}`, [{ sku, quantity: 1 }], 'FR')).allocations[0]!.locationId).toBe(fr.id);
    expect((await reserve(`de-${sku}`, [{ sku, quantity: 1 }], 'DE')).allocations[0]!.locationId).toBe(de.id);
    expect((await reserve(`prio-${preferred}`, [{ sku: preferred, quantity: 1 }], 'FR')).allocations[0]!.locationId).toBe(best.id);
  });

  it('reserves nothing when one line cannot be covered, and leaves the reference free', async () => {
    const location = await createLocation(h);
    const plenty = await stockedSku(h, [{ location, quantity: 10 }]);
    const scarce = await stockedSku(h, [{ location, quantity: 1 }]);
    const reference = `all-or-nothing-${plenty}`;

    const err = await rejectionOf(reserve(reference, [{ sku: plenty, quantity: 2 }, { sku: scarce, quantity: 2 }]));

    expect(err).toMatchObject({ type: 'failed_precondition', message: expect.stringContaining(scarce) });
    expect(await levelAt(h, plenty, location)).toMatchObject({ reserved: 0 });
    expect(await movementsOf(reference)).toBe(0);
    expect((await reserve(reference, [{ sku: plenty, quantity: 2 }, { sku: scarce, quantity: 1 }])).status).toBe('active');
  });

  it('answers a repeated reference with the first reservation and changes nothing', async () => {
    const location = await createLocation(h);
    const sku = await stockedSku(h, [{ location, quantity: 10 }]);
    const reference = `repeat-${sku}`;

    const first = await reserve(reference, [{ sku, quantity: 4 }]);
    const again = await reserve(reference, [{ sku, quantity: 1 }, { sku, quantity: 3 }]);

    expect(again).toEqual(first);
    expect(await levelAt(h, sku, location)).toMatchObject({ reserved: 4 });
    expect(await movementsOf(reference)).toBe(1);
    expect(await outbox('warehouse.reservation.created', reference)).toHaveLength(1);
  });

  it('takes a backorder below zero only when the SKU allows it', async () => {
    const location = await createLocation(h);
    const backorder = await stockedSku(h, [{ location, quantity: 2 }], { backorderAllowed: true });
    const strict = await stockedSku(h, [{ location, quantity: 2 }]);

    await reserve(`bo-${backorder}`, [{ sku: backorder, quantity: 5 }]);
    expect((await rejectionOf(reserve(`bo-${strict}`, [{ sku: strict, quantity: 5 }]))).type).toBe('failed_precondition');

    const { items } = await h.call('getAvailability', { skus: [backorder, strict] }, null);
    expect(items).toEqual([
      { sku: backorder, available: -3, inStock: false, backorderAllowed: true, tracked: true },
      { sku: strict, available: 2, inStock: true, backorderAllowed: false, tracked: true },
    ]);
    // It ships when the goods are there: committing more than is on hand waits for a receipt.
    expect((await rejectionOf(h.call('commitReservation', { reference: `bo-${backorder}`, lines: [] }))).type).toBe('failed_precondition');
    await h.call('receiveStock', { locationId: location.id, lines: [{ sku: backorder, quantity: 3 }], reference: 'PO-2' });
    expect((await h.call('commitReservation', { reference: `bo-${backorder}`, lines: [] })).status).toBe('committed');
    expect(await levelAt(h, backorder, location)).toMatchObject({ onHand: 0, reserved: 0 });
  });

  it('always reserves an untracked SKU without counting it', async () => {
    const sku = await stockedSku(h, [], { tracked: false });

    const reservation = await reserve(`untracked-${sku}`, [{ sku, quantity: 1000 }]);

    expect(reservation.allocations).toEqual([expect.objectContaining({ sku, locationId: '', quantity: 1000 })]);
    expect((await h.call('getAvailability', { skus: [sku] }, null)).items[0]).toEqual({ sku, available: 0, inStock: true, backorderAllowed: false, tracked: false });
    expect((await h.call('commitReservation', { reference: `untracked-${sku}`, lines: [{ sku, quantity: 400 }] })).status).toBe('active');
    expect((await h.call('releaseReservation', { reference: `untracked-${sku}` })).status).toBe('released');
  });

  it('answers INVALID_ARGUMENT naming the field for bad input', async () => {
    const location = await createLocation(h);
    const sku = await stockedSku(h, [{ location, quantity: 5 }]);
    const field = async (request: Parameters<typeof reserve>) => (await rejectionOf(reserve(...request))).details.map((d) => d.field);

    expect(await field(['bad-1', [{ sku, quantity: -1 }]])).toEqual(['lines.0.quantity']);
    expect(await field(['bad-2', [{ sku, quantity: 0 }]])).toEqual(['lines.0.quantity']);
    expect(await field(['bad-3', [{ sku, quantity: 1 }, { sku: uniqueSku('NOPE'), quantity: 1 }]])).toEqual(['lines.1.sku']);
    expect(await field(['bad-4', [{ sku, quantity: 1 }], '', 0])).toEqual(['ttl_seconds']);
    expect(await field(['bad-5', [{ sku, quantity: 1 }], 'fr'])).toEqual(['country']);
    expect(await field(['', [{ sku, quantity: 1 }]])).toEqual(['reference']);
    expect(await field(['bad-6', []])).toEqual(['lines']);
    expect((await rejectionOf(reserve('bad-3', [{ sku: 'NOPE', quantity: 1 }]))).type).toBe('invalid_argument');
    expect(await levelAt(h, sku, location)).toMatchObject({ reserved: 0 });
  });

  it('is for staff and services only; availability is public', async () => {
    const request = { reference: 'who', lines: [{ sku: 'X', quantity: 1 }], ttlSeconds: 60, country: '' };
    expect((await rejectionOf(h.call('reserve', request, null))).type).toBe('unauthenticated');
    expect((await rejectionOf(h.call('reserve', request, h.tokens.customer))).type).toBe('permission_denied');
    expect((await rejectionOf(h.call('releaseReservation', { reference: 'who' }, h.tokens.customer))).type).toBe('permission_denied');
    expect((await rejectionOf(h.call('commitReservation', { reference: 'who', lines: [] }, h.tokens.customer))).type).toBe('permission_denied');
  });

  it('records warehouse.reservation.created, warehouse.stock.changed and, when crossing the threshold, warehouse.stock.low', async () => {
    const location = await createLocation(h);
    const sku = await stockedSku(h, [{ location, quantity: 10 }], { lowStockThreshold: 3 });

    await reserve(`ev-1-${sku}`, [{ sku, quantity: 6 }]);
    await reserve(`ev-2-${sku}`, [{ sku, quantity: 2 }]);
    await reserve(`ev-3-${sku}`, [{ sku, quantity: 1 }]);

    expect(await outbox('warehouse.reservation.created', `ev-1-${sku}`)).toEqual([
      expect.objectContaining({ reference: `ev-1-${sku}`, lines: [{ sku, locationId: location.id, quantity: 6 }] }),
    ]);
    const changed = await outbox('warehouse.stock.changed', sku);
    expect(changed.at(-1)).toMatchObject({ cause: 'reservation', stock: { sku, onHand: 10, reserved: 9, available: 1, inStock: true } });
    expect(await outbox('warehouse.stock.low', sku)).toEqual([expect.objectContaining({ lowStockThreshold: 3, stock: expect.objectContaining({ available: 2 }) })]);
  });
});

describe('ReleaseReservation', () => {
  it('gives the stock back once, however often it is called', async () => {
    const location = await createLocation(h);
    const sku = await stockedSku(h, [{ location, quantity: 5 }]);
    const reference = `release-${sku}`;
    await reserve(reference, [{ sku, quantity: 3 }]);

    const released = await h.call('releaseReservation', { reference }, h.tokens.orderService);
    const again = await h.call('releaseReservation', { reference }, h.tokens.orderService);

    expect(released.status).toBe('released');
    expect(again).toEqual(released);
    expect(released.allocations).toEqual([expect.objectContaining({ quantity: 3, released: 3, committed: 0 })]);
    expect(await availableOf(h, sku)).toBe(5);
    expect(await movementsOf(reference)).toBe(2);
    expect(await outbox('warehouse.reservation.released', reference)).toHaveLength(1);
  });

  it('answers "released" for an unknown reference (a saga compensating a step that never ran)', async () => {
    expect(await h.call('releaseReservation', { reference: 'never-reserved' })).toEqual({ reference: 'never-reserved', status: 'released', allocations: [] });
  });

  it('refuses to release a committed reservation', async () => {
    const location = await createLocation(h);
    const sku = await stockedSku(h, [{ location, quantity: 5 }]);
    await reserve(`sold-${sku}`, [{ sku, quantity: 1 }]);
    await h.call('commitReservation', { reference: `sold-${sku}`, lines: [] });

    expect((await rejectionOf(h.call('releaseReservation', { reference: `sold-${sku}` }))).type).toBe('failed_precondition');
  });
});

describe('CommitReservation', () => {
  it('turns the whole reservation into a sale: on hand and reserved down, sale movements', async () => {
    const first = await createLocation(h, { priority: 1 });
    const second = await createLocation(h, { priority: 2 });
    const sku = await stockedSku(h, [{ location: first, quantity: 2 }, { location: second, quantity: 5 }]);
    const reference = `commit-${sku}`;
    await reserve(reference, [{ sku, quantity: 4 }]);

    const committed = await h.call('commitReservation', { reference, lines: [] }, h.tokens.orderService);

    expect(committed.status).toBe('committed');
    expect(await levelAt(h, sku, first)).toMatchObject({ onHand: 0, reserved: 0 });
    expect(await levelAt(h, sku, second)).toMatchObject({ onHand: 3, reserved: 0 });
    const sales = await h.db('stock_movements').where({ reference, kind: 'sale' }).orderBy('id').select('on_hand_delta', 'actor');
    expect(sales).toEqual([{ on_hand_delta: -2, actor: 'service:order' }, { on_hand_delta: -2, actor: 'service:order' }]);
    expect(await h.call('commitReservation', { reference, lines: [] })).toEqual(committed);
    expect(await outbox('warehouse.reservation.committed', reference)).toEqual([expect.objectContaining({ status: 'committed' })]);
  });

  it('commits a partial shipment and keeps the rest reserved until the last one', async () => {
    const location = await createLocation(h);
    const a = await stockedSku(h, [{ location, quantity: 10 }]);
    const b = await stockedSku(h, [{ location, quantity: 10 }]);
    const reference = `partial-${a}`;
    await reserve(reference, [{ sku: a, quantity: 5 }, { sku: b, quantity: 1 }]);

    const part = await h.call('commitReservation', { reference, lines: [{ sku: a, quantity: 2 }] });
    expect(part.status).toBe('active');
    expect(await levelAt(h, a, location)).toMatchObject({ onHand: 8, reserved: 3 });

    const tooMuch = await rejectionOf(h.call('commitReservation', { reference, lines: [{ sku: a, quantity: 4 }] }));
    expect(tooMuch).toMatchObject({ type: 'failed_precondition', message: expect.stringContaining(a) });
    const stranger = await rejectionOf(h.call('commitReservation', { reference, lines: [{ sku: 'NOT-IN-IT', quantity: 1 }] }));
    expect(stranger.details).toEqual([expect.objectContaining({ field: 'lines.0.sku' })]);

    const rest = await h.call('commitReservation', { reference, lines: [{ sku: a, quantity: 3 }, { sku: b, quantity: 1 }] });
    expect(rest.status).toBe('committed');
    expect(await levelAt(h, a, location)).toMatchObject({ onHand: 5, reserved: 0 });
    expect(await levelAt(h, b, location)).toMatchObject({ onHand: 9, reserved: 0 });
  });

  it('sells once when a partial commit is retried with the same idempotency key', async () => {
    const location = await createLocation(h);
    const sku = await stockedSku(h, [{ location, quantity: 10 }]);
    const reference = `retry-${sku}`;
    await reserve(reference, [{ sku, quantity: 4 }]);
    const commit = (quantity: number, key: string) => h.call('commitReservation', { reference, lines: [{ sku, quantity }] }, h.tokens.orderService, key);

    const shipments = await Promise.all([commit(1, 'shipment-1'), commit(1, 'shipment-1'), commit(1, 'shipment-1')]);
    await commit(1, 'shipment-2');

    expect(shipments.map((s) => s.status)).toEqual(['active', 'active', 'active']);
    expect(await levelAt(h, sku, location)).toMatchObject({ onHand: 8, reserved: 2 });
    expect((await rejectionOf(commit(2, 'shipment-1'))).type).toBe('failed_precondition');
    expect((await rejectionOf(commit(1, 'k'.repeat(300)))).details).toEqual([expect.objectContaining({ field: 'idempotency-key' })]);
  });

  it('refuses a commit after release, and an unknown reference', async () => {
    const location = await createLocation(h);
    const sku = await stockedSku(h, [{ location, quantity: 5 }]);
    await reserve(`late-${sku}`, [{ sku, quantity: 1 }]);
    await h.call('releaseReservation', { reference: `late-${sku}` });

    const err = await rejectionOf(h.call('commitReservation', { reference: `late-${sku}`, lines: [] }));

    expect(err.type).toBe('failed_precondition');
    expect(await levelAt(h, sku, location)).toMatchObject({ onHand: 5, reserved: 0 });
    expect((await rejectionOf(h.call('commitReservation', { reference: 'no-such-reservation', lines: [] }))).type).toBe('not_found');
  });
});

describe('expiry', () => {
  it('releases an expired reservation at the sweep after its time, not before', async () => {
    const location = await createLocation(h);
    const sku = await stockedSku(h, [{ location, quantity: 5 }]);
    const reference = `expire-${sku}`;
    const reservation = await reserve(reference, [{ sku, quantity: 4 }], '', 60);
    const expiresAt = reservation.expireTime!;

    expect(await h.sweepAt(new Date(expiresAt.getTime() - 1000))).toBe(0);
    expect(await availableOf(h, sku)).toBe(1);

    expect(await h.sweepAt(new Date(expiresAt.getTime() + 1000))).toBeGreaterThanOrEqual(1);

    expect(await availableOf(h, sku)).toBe(5);
    const expired = await h.call('getReservation', { reference });
    expect(expired).toMatchObject({ status: 'expired', allocations: [expect.objectContaining({ quantity: 4, released: 4 })] });
    expect(await h.call('releaseReservation', { reference })).toEqual(expired);
    expect((await rejectionOf(h.call('commitReservation', { reference, lines: [] }))).type).toBe('failed_precondition');
    expect(await outbox('warehouse.reservation.expired', reference)).toEqual([expect.objectContaining({ lines: [{ sku, locationId: location.id, quantity: 4 }] })]);
    expect(await h.db('stock_movements').where({ reference, kind: 'release' }).first('actor', 'reason')).toEqual({ actor: 'system:reservation-sweeper', reason: 'expired' });
  });

  it('expires only what is still held after a partial commit', async () => {
    const location = await createLocation(h);
    const sku = await stockedSku(h, [{ location, quantity: 5 }]);
    const reference = `expire-part-${sku}`;
    const reservation = await reserve(reference, [{ sku, quantity: 4 }], '', 60);
    await h.call('commitReservation', { reference, lines: [{ sku, quantity: 1 }] });

    await h.sweepAt(new Date(reservation.expireTime!.getTime() + 1000));

    expect(await levelAt(h, sku, location)).toMatchObject({ onHand: 4, reserved: 0, available: 4 });
  });
});
