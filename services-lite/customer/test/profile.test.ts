// Profiles come from auth.account.registered; the owner reads and edits theirs, staff search and edit any.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { publishRegistration, useCustomerHarness } from './customer-harness.js';

const h = useCustomerHarness();

describe('profile from registration', () => {
  it('creates the profile with the account id and email, and publishes customer.customer.created', async () => {
    const { id, email, token } = await h.registerCustomer();
    const res = await h.api.get('/customers/me', token);
    expect(res.body.data).toMatchObject({ id, email, status: 'active', firstName: null, totalSpentMinor: 0, currency: 'EUR' });
    const created = (await h.outbox('customer.customer.created')).filter((e) => e.subject === id);
    expect(created).toHaveLength(1);
    expect(created[0]!.data.customer).toMatchObject({ id, email, status: 'CUSTOMER_STATUS_ACTIVE' });
  });

  it('is idempotent when the same event is delivered again', async () => {
    const account = { id: randomUUID(), email: `again-${randomUUID().slice(0, 8)}@example.com` };
    const eventId = await publishRegistration(h.transport, account);
    await publishRegistration(h.transport, account, eventId);
    // A different event for the same account (auth retried with a new id) is absorbed by the profile's key.
    const retryId = await publishRegistration(h.transport, account);
    // One partition delivers in order: once the last event is in the inbox, the redelivery was handled too.
    await vi.waitFor(async () => expect(await h.db('inbox_events').where({ consumer_group: 'customer' }).whereIn('event_id', [eventId, retryId]).count({ n: '*' })).toEqual([{ n: 2 }]));
    expect(await h.db('customers').where({ id: account.id }).count({ n: '*' })).toEqual([{ n: 1 }]);
    expect((await h.outbox('customer.customer.created')).filter((e) => e.subject === account.id)).toHaveLength(1);
  });
});

describe('GET/PATCH /customers/me', () => {
  it('lets the owner change names and phone, publishing customer.customer.updated with the changed fields', async () => {
    const { id, token } = await h.registerCustomer();
    const res = await h.api.patch('/customers/me', { firstName: ' Ada ', lastName: 'Lovelace', phone: '+44 20 7946 0000' }, token);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id, firstName: 'Ada', lastName: 'Lovelace', phone: '+44 20 7946 0000' });
    expect((await h.api.get('/customers/me', token)).body.data.firstName).toBe('Ada');
    const updated = (await h.outbox('customer.customer.updated')).filter((e) => e.subject === id);
    expect(updated.at(-1)!.data.changedFields).toEqual(['firstName', 'lastName', 'phone']);
  });

  it('answers 400 naming each bad field, and refuses fields only staff may set', async () => {
    const { token } = await h.registerCustomer();
    const res = await h.api.patch('/customers/me', { firstName: '', phone: 'call me' }, token);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['firstName', 'phone']);
    const spend = await h.api.patch('/customers/me', { totalSpentMinor: 100 }, token);
    expect(spend.status).toBe(400);
  });

  it('answers 401 without a token or with a forged one, and 403 to staff (they have no profile)', async () => {
    expect((await h.api.get('/customers/me')).status).toBe(401);
    const forged = await (await import('@ecommerce/common/testing')).createTestJwtIssuer();
    expect((await h.api.get('/customers/me', await forged.sign({ sub: randomUUID(), roles: ['customer'], type: 'customer' }))).status).toBe(401);
    expect((await h.api.get('/customers/me', h.staffToken)).status).toBe(403);
  });

  it('answers 404 for a valid customer token without a profile', async () => {
    const token = await h.issuer.sign({ sub: randomUUID(), roles: ['customer'], type: 'customer' });
    expect((await h.api.get('/customers/me', token)).status).toBe(404);
  });
});

describe('staff access', () => {
  it('lists customers with filters and pagination', async () => {
    const tag = randomUUID().slice(0, 8);
    const a = await h.registerCustomer({ email: `list-${tag}-a@example.com`, registeredAt: new Date('2024-01-10T00:00:00Z') });
    const b = await h.registerCustomer({ email: `list-${tag}-b@example.com`, registeredAt: new Date('2024-03-10T00:00:00Z') });
    const all = await h.api.get(`/customers?email=list-${tag}&limit=1`, h.staffToken);
    expect(all.status).toBe(200);
    expect(all.body.meta).toEqual({ page: 1, limit: 1, total: 2 });
    expect(all.body.data.map((c: { id: string }) => c.id)).toEqual([b.id]);
    const second = await h.api.get(`/customers?email=list-${tag}&limit=1&page=2`, h.staffToken);
    expect(second.body.data.map((c: { id: string }) => c.id)).toEqual([a.id]);
    const early = await h.api.get(`/customers?email=list-${tag}&registeredTo=2024-02-01T00:00:00Z`, h.staffToken);
    expect(early.body.data.map((c: { id: string }) => c.id)).toEqual([a.id]);
  });

  it('reads and corrects any customer, and refuses customers on staff routes with 403', async () => {
    const { id, token } = await h.registerCustomer();
    expect((await h.api.get(`/customers/${id}`, h.staffToken)).body.data.id).toBe(id);
    const res = await h.api.patch(`/customers/${id}`, { lastName: 'Hopper', totalSpentMinor: 12_345, currency: 'usd' }, h.staffToken);
    expect(res.body.data).toMatchObject({ lastName: 'Hopper', totalSpentMinor: 12_345, currency: 'USD' });
    expect((await h.api.get('/customers', token)).status).toBe(403);
    expect((await h.api.get(`/customers/${id}`, token)).status).toBe(403);
  });

  it('answers 400 naming the field for a malformed id or filter, 404 for an unknown id', async () => {
    const bad = await h.api.get('/customers/not-a-uuid', h.staffToken);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('id');
    const filter = await h.api.get('/customers?limit=1000&registeredFrom=yesterday', h.staffToken);
    expect(filter.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['limit', 'registeredFrom']);
    expect((await h.api.get(`/customers/${randomUUID()}`, h.staffToken)).status).toBe(404);
  });
});
