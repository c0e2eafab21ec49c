// Addresses: CRUD for the owner and staff, ownership (another customer's address is simply not found), and the
// one-default-of-each-kind invariant, which the database holds even under concurrent requests.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useCustomerHarness } from './customer-harness.js';

const h = useCustomerHarness();

const anAddress = (overrides: Record<string, unknown> = {}) => ({
  recipient: 'Ada Lovelace',
  line1: '12 St James Square',
  city: 'London',
  postalCode: 'SW1Y 4JH',
  country: 'gb',
  ...overrides,
});

async function defaults(customerId: string) {
  return h.db('addresses')
    .where({ customer_id: customerId })
    .select(h.db.raw('count(*) filter (where is_default_shipping)::int as shipping'), h.db.raw('count(*) filter (where is_default_billing)::int as billing'))
    .first();
}

describe('address CRUD for the owner', () => {
  it('creates, lists, reads, changes and deletes own addresses', async () => {
    const { id, token } = await h.registerCustomer();
    const created = await h.api.post('/customers/me/addresses', anAddress({ label: 'home' }), token);
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ customerId: id, country: 'GB', label: 'home', isDefaultShipping: false });
    const addressId = created.body.data.id;
    expect((await h.api.get('/customers/me/addresses', token)).body.data.map((a: { id: string }) => a.id)).toEqual([addressId]);
    expect((await h.api.get(`/customers/me/addresses/${addressId}`, token)).body.data.city).toBe('London');
    const changed = await h.api.patch(`/customers/me/addresses/${addressId}`, { city: 'Oxford', line2: null }, token);
    expect(changed.body.data).toMatchObject({ city: 'Oxford', line2: null });
    expect((await h.api.delete(`/customers/me/addresses/${addressId}`, token)).status).toBe(204);
    expect((await h.api.get(`/customers/me/addresses/${addressId}`, token)).status).toBe(404);
  });

  it('answers 400 naming every missing or malformed field', async () => {
    const { token } = await h.registerCustomer();
    const res = await h.api.post('/customers/me/addresses', { recipient: 'X', country: 'Germany', postalCode: '' }, token);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['city', 'country', 'line1', 'postalCode']);
    expect((await h.api.get('/customers/me/addresses/nope', token)).body.error.details[0].field).toBe('addressId');
  });

  it('lets staff manage the addresses of any customer', async () => {
    const { id, token } = await h.registerCustomer();
    const created = await h.api.post(`/customers/${id}/addresses`, anAddress(), h.staffToken);
    expect(created.status).toBe(201);
    expect((await h.api.get('/customers/me/addresses', token)).body.data).toHaveLength(1);
    expect((await h.api.get(`/customers/${id}/addresses/${created.body.data.id}`, h.staffToken)).status).toBe(200);
    expect((await h.api.delete(`/customers/${id}/addresses/${created.body.data.id}`, h.staffToken)).status).toBe(204);
    expect((await h.api.get(`/customers/${id}/addresses`, token)).status).toBe(403);
  });
});

describe('ownership', () => {
  it("answers 404, never 403 and never the data, when A touches B's address", async () => {
    const a = await h.registerCustomer();
    const b = await h.registerCustomer();
    const bAddress = (await h.api.post('/customers/me/addresses', anAddress({ recipient: 'B Secret' }), b.token)).body.data;
    for (const res of [
      await h.api.get(`/customers/me/addresses/${bAddress.id}`, a.token),
      await h.api.patch(`/customers/me/addresses/${bAddress.id}`, { city: 'Stolen' }, a.token),
      await h.api.delete(`/customers/me/addresses/${bAddress.id}`, a.token),
    ]) {
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('B Secret');
    }
    expect((await h.api.get('/customers/me/addresses', a.token)).body.data).toEqual([]);
    expect((await h.api.get(`/customers/me/addresses/${bAddress.id}`, b.token)).body.data).toMatchObject({ city: 'London', recipient: 'B Secret' });
  });

  it("answers 404 when staff address a customer's address through another customer", async () => {
    const a = await h.registerCustomer();
    const b = await h.registerCustomer();
    const bAddress = (await h.api.post('/customers/me/addresses', anAddress(), b.token)).body.data;
    expect((await h.api.get(`/customers/${a.id}/addresses/${bAddress.id}`, h.staffToken)).status).toBe(404);
  });
});

describe('default addresses', () => {
  it('moves the default when another address becomes the default shipping or billing address', async () => {
    const { id, token } = await h.registerCustomer();
    const first = (await h.api.post('/customers/me/addresses', anAddress({ isDefaultShipping: true, isDefaultBilling: true }), token)).body.data;
    const second = (await h.api.post('/customers/me/addresses', anAddress({ city: 'Leeds', isDefaultShipping: true }), token)).body.data;
    const list = (await h.api.get('/customers/me/addresses', token)).body.data as Array<{ id: string; isDefaultShipping: boolean; isDefaultBilling: boolean }>;
    expect(list.find((a) => a.id === first.id)).toMatchObject({ isDefaultShipping: false, isDefaultBilling: true });
    expect(list.find((a) => a.id === second.id)).toMatchObject({ isDefaultShipping: true, isDefaultBilling: false });
    expect(await defaults(id)).toEqual({ shipping: 1, billing: 1 });
  });

  it('keeps exactly one default of each kind when many requests change it at once', async () => {
    const { id, token } = await h.registerCustomer();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await h.api.post('/customers/me/addresses', anAddress({ city: `City ${i}` }), token)).body.data.id);
    const results = await Promise.all(
      ids.flatMap((addressId) => [
        h.api.patch(`/customers/me/addresses/${addressId}`, { isDefaultShipping: true }, token),
        h.api.patch(`/customers/me/addresses/${addressId}`, { isDefaultBilling: true, isDefaultShipping: true }, token),
        h.api.post('/customers/me/addresses', anAddress({ isDefaultBilling: true }), token),
      ]),
    );
    expect(results.map((r) => r.status).filter((s) => s >= 300)).toEqual([]);
    expect(await defaults(id)).toEqual({ shipping: 1, billing: 1 });
  });

  it('is enforced by the database, not only by the code', async () => {
    const { id, token } = await h.registerCustomer();
    await h.api.post('/customers/me/addresses', anAddress({ isDefaultShipping: true }), token);
    const insert = h.db('addresses').insert({ id: randomUUID(), customer_id: id, recipient: 'x', line1: 'x', city: 'x', postal_code: 'x', country: 'GB', is_default_shipping: true });
    await expect(insert).rejects.toMatchObject({ constraint: 'addresses_one_default_shipping' });
  });
});
