// A NUL character (\u0000) through the front door: proxied (catalog) and transcoded (user, gRPC) routes both
// answer 400 INVALID_ARGUMENT naming the field; PostgreSQL, which cannot store NUL, is never asked.
import { describe, expect, it } from 'vitest';
import { uniqueTag, useStack } from './harness.js';

const stack = useStack();

describe('NUL characters through the gateway', () => {
  it('answers 400 naming q for GET /api/v1/products?q=%00', async () => {
    const res = await stack.call('GET', '/api/v1/products?q=%00');
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'q' })]);
  });

  it('answers 400 naming name for POST /api/v1/users with a NUL in the name', async () => {
    const tag = uniqueTag();
    const res = await stack.call('POST', '/api/v1/users', { token: stack.tokens.admin, body: { email: `nul-${tag}@example.com`, name: 'a\u0000b' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'name' })]);
  });

  it('answers 400 naming query for a NUL in a transcoded query parameter', async () => {
    const res = await stack.call('GET', '/api/v1/users?query=%00', { token: stack.tokens.staff });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'query' })]);
  });
});
