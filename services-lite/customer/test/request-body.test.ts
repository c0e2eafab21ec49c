// A profile edit sent with another content type than JSON, or with no body, is refused (415 / 400) instead of
// answering 200 with nothing changed.
import { describe, expect, it } from 'vitest';
import { useCustomerHarness } from './customer-harness.js';

const h = useCustomerHarness();

describe('profile edits without a JSON body', () => {
  it('answers 415 to PATCH /customers/me sent as text/plain, and changes nothing', async () => {
    const c = await h.registerCustomer();
    const res = await fetch(`${h.url}/api/v1/customers/me`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${c.token}`, 'content-type': 'text/plain' },
      body: JSON.stringify({ firstName: 'Ann' }),
    });
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await h.api.get('/customers/me', c.token)).body.data.firstName).toBeNull();
  });

  it('answers 400 naming the body to PATCH /customers/me with no body', async () => {
    const c = await h.registerCustomer();
    const res = await fetch(`${h.url}/api/v1/customers/me`, { method: 'PATCH', headers: { authorization: `Bearer ${c.token}` } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details).toEqual([expect.objectContaining({ field: 'body' })]);
  });
});
