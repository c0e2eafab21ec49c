// Locations, stock items, receipts, expected stock, returns, adjustments, transfers, the ledger and availability
// through the real gRPC API on real PostgreSQL. The ledger invariant is checked after every test.
import { afterEach, describe, expect, it } from 'vitest';
import { availableOf, createLocation, levelAt, stockedSku, uniqueSku } from './builders.js';
import { rejectionOf, useHarness } from './harness.js';
import { expectLedgerInvariant } from './ledger-invariant.js';

const h = useHarness();
afterEach(() => expectLedgerInvariant(h.db));

const fieldsOf = async (promise: Promise<unknown>) => {
  const err = await rejectionOf(promise);
  expect(err.type).toBe('invalid_argument');
  return err.details.map((d) => d.field);
};

describe('locations', () => {
  it('creates, changes and lists locations; a code is unique', async () => {
    const location = await createLocation(h, { code: 'BERLIN-1', country: 'DE', priority: 3 });
    expect(location).toMatchObject({ code: 'BERLIN-1', country: 'DE', priority: 3, active: true });

    expect((await rejectionOf(createLocation(h, { code: 'BERLIN-1' }))).details).toEqual([expect.objectContaining({ field: 'code' })]);
    const { location: changed } = await h.call('updateLocation', { id: location.id, priority: 7, active: false });
    expect(changed).toMatchObject({ code: 'BERLIN-1', priority: 7, active: false, name: location.name });
    expect((await h.call('listLocations', {})).locations.map((l) => l.code)).toContain('BERLIN-1');
  });

  it('names the field of bad location input, and answers NOT_FOUND for an unknown id', async () => {
    expect(await fieldsOf(h.call('createLocation', { code: 'lower', name: 'x', address: '', country: 'DE', priority: 1, active: true }))).toEqual(['code']);
    expect(await fieldsOf(h.call('createLocation', { code: 'OK', name: ' ', address: '', country: 'Germany', priority: -1, active: true }))).toEqual(['name', 'country', 'priority']);
    expect(await fieldsOf(h.call('updateLocation', { id: 'nope' }))).toEqual(['id']);
    expect((await rejectionOf(h.call('updateLocation', { id: '00000000-0000-4000-8000-000000000000', name: 'x' }))).type).toBe('not_found');
  });

  it('leaves an inactive location out of allocation and availability', async () => {
    const closed = await createLocation(h, { priority: 0 });
    const open = await createLocation(h, { priority: 5 });
    const sku = await stockedSku(h, [{ location: closed, quantity: 10 }, { location: open, quantity: 2 }]);
    await h.call('updateLocation', { id: closed.id, active: false });

    expect(await availableOf(h, sku)).toBe(2);
    const err = await rejectionOf(h.call('reserve', { reference: `closed-${sku}`, lines: [{ sku, quantity: 3 }], ttlSeconds: 60, country: '' }));
    expect(err.type).toBe('failed_precondition');
    const ok = await h.call('reserve', { reference: `open-${sku}`, lines: [{ sku, quantity: 2 }], ttlSeconds: 60, country: '' });
    expect(ok.allocations.map((a) => a.locationId)).toEqual([open.id]);
  });
});

describe('stock items', () => {
  it('sets and replaces the settings of a SKU, and shows its levels per location', async () => {
    const location = await createLocation(h);
    const sku = await stockedSku(h, [{ location, quantity: 4 }]);

    const { item } = await h.call('setStockItem', { sku, tracked: true, backorderAllowed: true, lowStockThreshold: 2 });
    const view = await h.call('getStockItem', { sku });

    expect(item).toEqual({ sku, tracked: true, backorderAllowed: true, lowStockThreshold: 2, productId: '' });
    expect(view).toMatchObject({ onHand: 4, reserved: 0, available: 4, levels: [expect.objectContaining({ locationId: location.id, onHand: 4, available: 4 })] });
    expect((await rejectionOf(h.call('getStockItem', { sku: uniqueSku('NONE') }))).type).toBe('not_found');
    expect(await fieldsOf(h.call('setStockItem', { sku: 'bad sku', tracked: true, backorderAllowed: false, lowStockThreshold: -1 }))).toEqual(['sku', 'low_stock_threshold']);
  });
});

describe('receipts, expected stock and returns', () => {
  it('receives stock against what was expected, and takes returns back on hand', async () => {
    const location = await createLocation(h);
    const sku = await stockedSku(h, []);

    await h.call('expectStock', { locationId: location.id, lines: [{ sku, quantity: 10 }], reference: 'PO-9' });
    expect(await levelAt(h, sku, location)).toMatchObject({ onHand: 0, incoming: 10, available: 0 });

    await h.call('receiveStock', { locationId: location.id, lines: [{ sku, quantity: 4 }, { sku, quantity: 8 }], reference: 'PO-9' });
    expect(await levelAt(h, sku, location)).toMatchObject({ onHand: 12, incoming: 0, available: 12 });

    await h.call('returnStock', { locationId: location.id, lines: [{ sku, quantity: 1 }], reference: 'order-77' });
    expect(await levelAt(h, sku, location)).toMatchObject({ onHand: 13 });

    const { movements } = await h.call('listMovements', { sku, locationId: '', pageSize: 0, beforeId: '' });
    expect(movements.map((m) => [m.kind, m.onHandDelta, m.reference, m.actor])).toEqual([
      ['return', 1, 'order-77', 'staff-1'],
      ['receipt', 12, 'PO-9', 'staff-1'],
    ]);
  });

  it('names unknown SKUs and locations as INVALID_ARGUMENT and writes nothing', async () => {
    const location = await createLocation(h);
    const sku = await stockedSku(h, []);
    const unknown = '00000000-0000-4000-8000-000000000000';

    expect(await fieldsOf(h.call('receiveStock', { locationId: unknown, lines: [{ sku, quantity: 1 }], reference: '' }))).toEqual(['location_id']);
    expect(await fieldsOf(h.call('receiveStock', { locationId: location.id, lines: [{ sku, quantity: 1 }, { sku: 'UNKNOWN-SKU', quantity: 1 }], reference: '' }))).toEqual(['lines.1.sku']);
    expect(await fieldsOf(h.call('receiveStock', { locationId: location.id, lines: [{ sku, quantity: -5 }], reference: '' }))).toEqual(['lines.0.quantity']);
    expect(await levelAt(h, sku, location)).toMatchObject({ onHand: 0 });
  });
});

describe('adjustments', () => {
  it('corrects on hand with a reason and records who did it', async () => {
    const location = await createLocation(h);
    const sku = await stockedSku(h, [{ location, quantity: 10 }]);

    const { level } = await h.call('adjustStock', { locationId: location.id, sku, delta: -3, reason: 'damaged in transit' });

    expect(level).toMatchObject({ onHand: 7, available: 7 });
    const [movement] = (await h.call('listMovements', { sku, locationId: location.id, pageSize: 1, beforeId: '' })).movements;
    expect(movement).toMatchObject({ kind: 'adjustment', onHandDelta: -3, reservedDelta: 0, reason: 'damaged in transit', actor: 'staff-1' });
  });

  it('never takes on hand below zero or below what is reserved, and wants a reason', async () => {
    const location = await createLocation(h);
    const sku = await stockedSku(h, [{ location, quantity: 5 }]);
    await h.call('reserve', { reference: `adj-${sku}`, lines: [{ sku, quantity: 4 }], ttlSeconds: 60, country: '' });

    expect((await rejectionOf(h.call('adjustStock', { locationId: location.id, sku, delta: -6, reason: 'count' }))).type).toBe('failed_precondition');
    expect((await rejectionOf(h.call('adjustStock', { locationId: location.id, sku, delta: -2, reason: 'count' }))).type).toBe('failed_precondition');
    expect(await fieldsOf(h.call('adjustStock', { locationId: location.id, sku, delta: 0, reason: ' ' }))).toEqual(['delta', 'reason']);
    await h.call('adjustStock', { locationId: location.id, sku, delta: -1, reason: 'count' });
    expect(await levelAt(h, sku, location)).toMatchObject({ onHand: 4, reserved: 4, available: 0 });
  });
});

describe('transfers', () => {
  it('moves only available stock between locations', async () => {
    const from = await createLocation(h, { priority: 1 });
    const to = await createLocation(h, { priority: 2 });
    const sku = await stockedSku(h, [{ location: from, quantity: 10 }]);
    await h.call('reserve', { reference: `tr-${sku}`, lines: [{ sku, quantity: 6 }], ttlSeconds: 60, country: '' });

    const err = await rejectionOf(h.call('transferStock', { fromLocationId: from.id, toLocationId: to.id, sku, quantity: 5, reference: 'T-1' }));
    expect(err).toMatchObject({ type: 'failed_precondition', message: expect.stringContaining(sku) });

    const moved = await h.call('transferStock', { fromLocationId: from.id, toLocationId: to.id, sku, quantity: 4, reference: 'T-1' });
    expect(moved.from).toMatchObject({ onHand: 6, reserved: 6, available: 0 });
    expect(moved.to).toMatchObject({ onHand: 4, available: 4 });
    expect(await availableOf(h, sku)).toBe(4);
    const kinds = await h.db('stock_movements').where({ sku, reference: 'T-1' }).orderBy('id').select('kind', 'on_hand_delta');
    expect(kinds).toEqual([{ kind: 'transfer', on_hand_delta: -4 }, { kind: 'transfer', on_hand_delta: 4 }]);
  });

  it('names bad transfer input', async () => {
    const location = await createLocation(h);
    const sku = await stockedSku(h, [{ location, quantity: 1 }]);
    const unknown = '00000000-0000-4000-8000-000000000000';

    expect(await fieldsOf(h.call('transferStock', { fromLocationId: location.id, toLocationId: location.id, sku, quantity: 1, reference: '' }))).toEqual(['to_location_id']);
    expect(await fieldsOf(h.call('transferStock', { fromLocationId: unknown, toLocationId: location.id, sku, quantity: 1, reference: '' }))).toEqual(['from_location_id']);
    expect(await fieldsOf(h.call('transferStock', { fromLocationId: location.id, toLocationId: unknown, sku, quantity: 0, reference: '' }))).toEqual(['quantity']);
  });
});

describe('availability', () => {
  it('answers many SKUs in one public call, in the order asked, leaving out SKUs it does not stock', async () => {
    const location = await createLocation(h);
    const a = await stockedSku(h, [{ location, quantity: 3 }]);
    const b = await stockedSku(h, []);

    const { items } = await h.call('getAvailability', { skus: [b, a] }, null);

    expect(items).toEqual([
      { sku: b, available: 0, inStock: false, backorderAllowed: false, tracked: true },
      { sku: a, available: 3, inStock: true, backorderAllowed: false, tracked: true },
    ]);
    expect((await h.call('getAvailability', { skus: ['UNKNOWN-SKU', a] }, null)).items.map((i) => i.sku)).toEqual([a]);
    expect(await fieldsOf(h.call('getAvailability', { skus: [] }, null))).toEqual(['skus']);
  });
});

describe('the ledger', () => {
  it('is append-only', async () => {
    const location = await createLocation(h);
    await stockedSku(h, [{ location, quantity: 1 }]);

    await expect(h.db('stock_movements').update({ on_hand_delta: 100 })).rejects.toThrow(/append-only/);
    await expect(h.db('stock_movements').delete()).rejects.toThrow(/append-only/);
  });

  it('is for staff only', async () => {
    expect((await rejectionOf(h.call('listMovements', { sku: '', locationId: '', pageSize: 0, beforeId: '' }, h.tokens.customer))).type).toBe('permission_denied');
    expect((await rejectionOf(h.call('adjustStock', { locationId: '', sku: '', delta: 1, reason: 'x' }, null))).type).toBe('unauthenticated');
  });
});
