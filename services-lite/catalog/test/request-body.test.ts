// A write sent with another content type than JSON, or with no body, is refused (415 / 400) instead of being
// read as an empty change that answers 200 and saves nothing.
import { describe, expect, it } from 'vitest';
import { aBrand, createProduct } from './builders.js';
import { useCatalogHarness } from './catalog-harness.js';

const h = useCatalogHarness();

function send(method: string, path: string, init: { contentType?: string; body?: string } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${h.staffToken}` };
  if (init.contentType) headers['content-type'] = init.contentType;
  return fetch(`${h.url}/api/v1${path}`, { method, headers, body: init.body });
}

describe('write requests without a JSON body', () => {
  it('answers 415 to a PATCH sent as text/plain, and leaves the product as it was', async () => {
    const product = await createProduct(h);
    const res = await send('PATCH', `/products/${product.id}`, { contentType: 'text/plain', body: JSON.stringify({ name: 'Renamed' }) });
    expect(res.status).toBe(415);
    expect((await res.json()).error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', details: [expect.objectContaining({ field: 'content-type' })] });
    expect((await h.api.get(`/products/${product.id}`)).body.data.name).toBe(product.name);
  });

  it('answers 400 naming the body to a PATCH with no body', async () => {
    const product = await createProduct(h);
    const res = await send('PATCH', `/products/${product.id}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'INVALID_ARGUMENT', details: [expect.objectContaining({ field: 'body' })] });
  });

  it('answers 415 to a POST sent as a form', async () => {
    const res = await send('POST', '/brands', { contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams(aBrand() as Record<string, string>).toString() });
    expect(res.status).toBe(415);
  });
});
