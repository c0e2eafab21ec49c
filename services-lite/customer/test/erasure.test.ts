// GDPR erasure: the profile is soft-deleted and its personal fields and addresses anonymised in one transaction.
import { describe, expect, it } from 'vitest';
import { useCustomerHarness } from './customer-harness.js';

const h = useCustomerHarness();

describe('erasure', () => {
  it('anonymises the profile and its addresses, leaves every segment, and publishes customer.customer.deleted', async () => {
    const c = await h.registerCustomer();
    await h.api.patch('/customers/me', { firstName: 'Grace', lastName: 'Hopper', phone: '+1 555 0100' }, c.token);
    await h.api.post('/customers/me/addresses', { recipient: 'Grace Hopper', line1: '1 Navy Way', city: 'Arlington', postalCode: '22202', country: 'US', isDefaultShipping: true }, c.token);
    const segment = (await h.api.post('/customers/segments', { name: `erase-${c.id}`, rules: [{ kind: 'shipping_country', country: 'US' }] }, h.staffToken)).body.data;
    expect((await h.api.get(`/customers/segments/${segment.id}/customers`, h.staffToken)).body.data.map((x: { id: string }) => x.id)).toContain(c.id);

    expect((await h.api.delete('/customers/me', c.token)).status).toBe(204);

    expect((await h.api.get('/customers/me', c.token)).status).toBe(404);
    const seen = (await h.api.get(`/customers/${c.id}`, h.staffToken)).body.data;
    expect(seen).toMatchObject({ status: 'deleted', firstName: null, lastName: null, phone: null });
    expect(seen.email).not.toContain(c.email.split('@')[0]);
    expect(seen.deletedAt).not.toBeNull();
    const row = await h.db('customers').where({ id: c.id }).first('anonymised_at');
    expect(row.anonymised_at).toBeInstanceOf(Date);
    const addresses = await h.db('addresses').where({ customer_id: c.id });
    expect(JSON.stringify(addresses)).not.toMatch(/Grace|Navy|Arlington|22202/);
    expect(addresses.every((a: { is_default_shipping: boolean }) => !a.is_default_shipping)).toBe(true);
    expect((await h.api.get(`/customers/segments/${segment.id}/customers`, h.staffToken)).body.data.map((x: { id: string }) => x.id)).not.toContain(c.id);

    const deleted = (await h.outbox('customer.customer.deleted')).filter((e) => e.subject === c.id);
    expect(deleted).toHaveLength(1);
    expect(JSON.stringify(deleted[0]!.data)).not.toContain('Grace');
  });

  it('lets staff erase a customer; a second erasure and any later write answer 404', async () => {
    const c = await h.registerCustomer();
    expect((await h.api.delete(`/customers/${c.id}`, h.staffToken)).status).toBe(204);
    expect((await h.api.delete(`/customers/${c.id}`, h.staffToken)).status).toBe(404);
    expect((await h.api.patch(`/customers/${c.id}`, { firstName: 'Back' }, h.staffToken)).status).toBe(404);
    expect((await h.api.post('/customers/me/addresses', { recipient: 'R', line1: 'L', city: 'C', postalCode: 'P', country: 'DE' }, c.token)).status).toBe(404);
  });
});
