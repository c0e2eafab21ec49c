// PostgreSQL cannot store a NUL character (\u0000): the shared validation refuses it as a 400 naming the field
// before any write, so a profile edit never fails with a 500 or half-applies.
import { describe, expect, it } from 'vitest';
import { useCustomerHarness } from './customer-harness.js';

const h = useCustomerHarness();

describe('NUL characters in input', () => {
  it('answers 400 naming firstName for a NUL in a profile edit, and changes nothing', async () => {
    const c = await h.registerCustomer();
    const res = await h.api.patch('/customers/me', { firstName: 'Ann\u0000', lastName: 'Lee' }, c.token);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'firstName' })]);
    expect((await h.api.get('/customers/me', c.token)).body.data).toMatchObject({ firstName: null, lastName: null });
  });

  it('answers 400 naming email for a NUL in a staff search', async () => {
    const res = await h.api.get('/customers?email=ann%00', h.staffToken);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'email' })]);
  });
});
