// Writes through the gateway without a JSON body: transcoded RPCs and proxied routes both answer 415 for another
// content type and 400 for no body, instead of running the call with an empty request.
import { describe, expect, it } from 'vitest';
import { aProduct, uniqueTag, useStack } from './harness.js';

const stack = useStack();

function send(method: string, path: string, init: { contentType?: string; body?: string } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${stack.tokens.admin}` };
  if (init.contentType) headers['content-type'] = init.contentType;
  return fetch(`${stack.gateway.urls.http!}${path}`, { method, headers, body: init.body });
}

describe('write requests without a JSON body through the gateway', () => {
  it('answers 415 to a transcoded POST /api/v1/users sent as text/plain', async () => {
    const res = await send('POST', '/api/v1/users', { contentType: 'text/plain', body: JSON.stringify({ email: `t-${uniqueTag()}@example.com`, name: 'T' }) });
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 400 naming the body to a transcoded PATCH /api/v1/users/{id} with no body', async () => {
    const created = await stack.call('POST', '/api/v1/users', { token: stack.tokens.admin, body: { email: `p-${uniqueTag()}@example.com`, name: 'Patched' } });
    const res = await send('PATCH', `/api/v1/users/${created.body.data.user.id}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.details).toEqual([expect.objectContaining({ field: 'body' })]);
  });

  it('answers 415 to a proxied PATCH /api/v1/products/{id} sent as text/plain, and leaves the product alone', async () => {
    const product = (await stack.call('POST', '/api/v1/products', { token: stack.tokens.staff, body: aProduct() })).body.data;
    const res = await send('PATCH', `/api/v1/products/${product.id}`, { contentType: 'text/plain', body: JSON.stringify({ name: 'Renamed' }) });
    expect(res.status).toBe(415);
    expect((await stack.call('GET', `/api/v1/products/${product.id}`)).body.data.name).toBe(product.name);
  });
});
