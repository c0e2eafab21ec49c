// A path whose percent-encoding is not valid UTF-8 cannot be decoded into route parameters: a client error
// (400 INVALID_ARGUMENT in the envelope), not a server fault.
import { describe, expect, it } from 'vitest';
import { useCustomerHarness } from './customer-harness.js';

const h = useCustomerHarness();

describe('malformed percent-encoding in the path', () => {
  it('answers 400 INVALID_ARGUMENT for GET /customers/%C3%28', async () => {
    const res = await h.api.get('/customers/%C3%28', h.staffToken);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, error: { code: 'INVALID_ARGUMENT', details: [expect.objectContaining({ field: 'path' })] } });
  });

  it('answers 400 INVALID_ARGUMENT for an address id that is not UTF-8', async () => {
    const c = await h.registerCustomer();
    const res = await h.api.get('/customers/me/addresses/%E2%82', c.token);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
  });
});
