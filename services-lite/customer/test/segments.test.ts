// Segments: rules are rows, membership is kept by triggers and re-evaluated when a customer's total, their
// default shipping address or the rules change; every move is published as customer.segment.membership_changed.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useCustomerHarness } from './customer-harness.js';

const h = useCustomerHarness();

const address = (country: string, flags: Record<string, boolean> = {}) => ({
  recipient: 'R',
  line1: 'L1',
  city: 'C',
  postalCode: '10115',
  country,
  ...flags,
});

async function createSegment(rules: unknown[], name = `segment-${randomUUID().slice(0, 8)}`) {
  const res = await h.api.post('/customers/segments', { name, rules }, h.staffToken);
  if (res.status !== 201) throw new Error(`segment not created: ${JSON.stringify(res.body)}`);
  return res.body.data as { id: string; memberCount: number; rules: Array<{ id: string }> };
}

async function memberIds(segmentId: string): Promise<string[]> {
  const res = await h.api.get(`/customers/segments/${segmentId}/customers?limit=100`, h.staffToken);
  return (res.body.data as Array<{ id: string }>).map((c) => c.id).sort();
}

describe('segment auto-assignment', () => {
  it('assigns by the country of the default shipping address and re-evaluates when the address changes', async () => {
    const country = 'IS'; // no other test uses Iceland, so membership is this test's alone
    const segment = await createSegment([{ kind: 'shipping_country', country: 'is' }]);
    const c = await h.registerCustomer();
    const home = (await h.api.post('/customers/me/addresses', address(country, { isDefaultShipping: true }), c.token)).body.data;
    expect(await memberIds(segment.id)).toEqual([c.id]);

    const abroad = (await h.api.post('/customers/me/addresses', address('NO'), c.token)).body.data;
    await h.api.patch(`/customers/me/addresses/${abroad.id}`, { isDefaultShipping: true }, c.token);
    expect(await memberIds(segment.id)).toEqual([]);

    await h.api.patch(`/customers/me/addresses/${home.id}`, { isDefaultShipping: true }, c.token);
    expect(await memberIds(segment.id)).toEqual([c.id]);
    await h.api.delete(`/customers/me/addresses/${home.id}`, c.token);
    expect(await memberIds(segment.id)).toEqual([]);

    const moves = (await h.outbox('customer.segment.membership_changed')).filter((e) => e.subject === segment.id).map((e) => e.data);
    expect(moves).toEqual([
      { segmentId: segment.id, joinedCustomerIds: [c.id] },
      { segmentId: segment.id, leftCustomerIds: [c.id] },
      { segmentId: segment.id, joinedCustomerIds: [c.id] },
      { segmentId: segment.id, leftCustomerIds: [c.id] },
    ]);
  });

  it('assigns by total spent in the segment currency and re-evaluates when the total changes', async () => {
    const segment = await createSegment([{ kind: 'min_total_spent', minSpentMinor: 987_654_321, currency: 'JPY' }]);
    const c = await h.registerCustomer();
    await h.api.patch(`/customers/${c.id}`, { totalSpentMinor: 987_654_321, currency: 'EUR' }, h.staffToken);
    expect(await memberIds(segment.id)).toEqual([]);
    await h.api.patch(`/customers/${c.id}`, { currency: 'JPY' }, h.staffToken);
    expect(await memberIds(segment.id)).toEqual([c.id]);
    await h.api.patch(`/customers/${c.id}`, { totalSpentMinor: 987_654_320 }, h.staffToken);
    expect(await memberIds(segment.id)).toEqual([]);
  });

  it('assigns by registration date, including customers who registered before the segment existed', async () => {
    const early = await h.registerCustomer({ registeredAt: new Date('2001-05-01T00:00:00Z') });
    await h.registerCustomer({ registeredAt: new Date('2001-07-01T00:00:00Z') });
    const segment = await createSegment([{ kind: 'registered_between', registeredFrom: '2001-04-01T00:00:00Z', registeredTo: '2001-06-01T00:00:00Z' }]);
    expect(segment.memberCount).toBe(1);
    expect(await memberIds(segment.id)).toEqual([early.id]);
    const later = await h.registerCustomer({ registeredAt: new Date('2001-05-15T00:00:00Z') });
    expect(await memberIds(segment.id)).toEqual([early.id, later.id].sort());
  });

  it('requires every rule to match, and re-evaluates members when a rule is added or removed', async () => {
    const segment = await createSegment([{ kind: 'registered_between', registeredFrom: '1999-01-01T00:00:00Z', registeredTo: '1999-12-31T00:00:00Z' }]);
    const c = await h.registerCustomer({ registeredAt: new Date('1999-06-01T00:00:00Z') });
    expect(await memberIds(segment.id)).toEqual([c.id]);
    const added = await h.api.post(`/customers/segments/${segment.id}/rules`, { kind: 'shipping_country', country: 'LI' }, h.staffToken);
    expect(added.status).toBe(201);
    expect(await memberIds(segment.id)).toEqual([]);
    await h.api.post('/customers/me/addresses', address('LI', { isDefaultShipping: true }), c.token);
    expect(await memberIds(segment.id)).toEqual([c.id]);
    const countryRule = (added.body.data.rules as Array<{ id: string; kind: string }>).find((r) => r.kind === 'shipping_country')!;
    await h.api.delete(`/customers/me/addresses/${(await h.api.get('/customers/me/addresses', c.token)).body.data[0].id}`, c.token);
    expect(await memberIds(segment.id)).toEqual([]);
    const removed = await h.api.delete(`/customers/segments/${segment.id}/rules/${countryRule.id}`, h.staffToken);
    expect(removed.body.data.memberCount).toBe(1);
    expect(await memberIds(segment.id)).toEqual([c.id]);
  });

  it('lists a customer by segment on the staff search too', async () => {
    const segment = await createSegment([{ kind: 'registered_between', registeredFrom: '1990-01-01T00:00:00Z', registeredTo: '1990-02-01T00:00:00Z' }]);
    const c = await h.registerCustomer({ registeredAt: new Date('1990-01-15T00:00:00Z') });
    const res = await h.api.get(`/customers?segmentId=${segment.id}`, h.staffToken);
    expect(res.body.data.map((x: { id: string }) => x.id)).toEqual([c.id]);
  });
});

describe('segment management', () => {
  it('lists and deletes segments, publishing created, updated and deleted', async () => {
    const segment = await createSegment([{ kind: 'shipping_country', country: 'MT' }]);
    const list = await h.api.get('/customers/segments?limit=100', h.staffToken);
    expect(list.body.data.map((s: { id: string }) => s.id)).toContain(segment.id);
    expect((await h.api.delete(`/customers/segments/${segment.id}`, h.staffToken)).status).toBe(204);
    expect((await h.api.get(`/customers/segments/${segment.id}`, h.staffToken)).status).toBe(404);
    const types = ['customer.segment.created', 'customer.segment.updated', 'customer.segment.deleted'];
    for (const type of types) expect((await h.outbox(type)).some((e) => e.subject === segment.id)).toBe(true);
  });

  it('answers 400 naming the field of a bad rule, 409 for a taken name, and 403 to customers', async () => {
    const bad = await h.api.post('/customers/segments', { name: 'x', rules: [{ kind: 'min_total_spent', minSpentMinor: -1, currency: 'EUR' }] }, h.staffToken);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('rules.0.minSpentMinor');
    const unknownKind = await h.api.post('/customers/segments', { name: 'x', rules: [{ kind: 'by_mood' }] }, h.staffToken);
    expect(unknownKind.status).toBe(400);
    const name = `taken-${randomUUID().slice(0, 8)}`;
    await createSegment([], name);
    expect((await h.api.post('/customers/segments', { name, rules: [] }, h.staffToken)).status).toBe(409);
    const c = await h.registerCustomer();
    expect((await h.api.get('/customers/segments', c.token)).status).toBe(403);
    expect((await h.api.get('/customers/segments')).status).toBe(401);
  });
});
