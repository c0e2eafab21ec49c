// A path whose percent-encoding is not valid UTF-8: the gateway answers 400 INVALID_ARGUMENT in the envelope on
// proxied and transcoded routes alike, rather than a 500 from decoding the route parameters.
import { describe, expect, it } from 'vitest';
import { useStack } from './harness.js';

const stack = useStack();

describe('malformed percent-encoding through the gateway', () => {
  it('answers 400 for a proxied route: GET /api/v1/products/%C3%28', async () => {
    const res = await stack.call('GET', '/api/v1/products/%C3%28');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, error: { code: 'INVALID_ARGUMENT', details: [expect.objectContaining({ field: 'path' })] } });
  });

  it('answers 400 for a transcoded route: GET /api/v1/users/%C3%28', async () => {
    const res = await stack.call('GET', '/api/v1/users/%C3%28', { token: stack.tokens.staff });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
  });
});
