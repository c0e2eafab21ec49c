import { describe, expect, it } from 'vitest';
import { aProduct, useStack } from './harness.js';

const stack = useStack();

describe('catalog through the gateway', () => {
  it('lets staff create a product and anyone list it, with the catalog envelope and page meta', async () => {
    const product = aProduct();
    const created = await stack.call('POST', '/api/v1/products', { token: stack.tokens.staff, body: product });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ sku: product.sku, slug: product.slug });

    const listed = await stack.call('GET', `/api/v1/products?q=${encodeURIComponent(String(product.name))}&limit=5`);
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((p: { sku: string }) => p.sku)).toContain(product.sku);
    expect(listed.body.meta).toMatchObject({ page: 1, limit: 5 });
  });

  it('passes the upstream 400 through with the field it names', async () => {
    const res = await stack.call('POST', '/api/v1/products', { token: stack.tokens.staff, body: aProduct({ slug: 'Not A Slug' }) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain('slug');
  });

  it('refuses a write without a token at the edge with 401', async () => {
    const res = await stack.call('POST', '/api/v1/products', { body: aProduct() });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a customer writing to the catalog at the edge with 403', async () => {
    const res = await stack.call('POST', '/api/v1/brands', { token: stack.tokens.customer, body: { name: 'Nope', slug: 'nope' } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('PERMISSION_DENIED');
  });

  it('refuses a forged token even on a public route', async () => {
    const forged = `${stack.tokens.staff.slice(0, -4)}AAAA`;
    const res = await stack.call('GET', '/api/v1/products', { token: forged });
    expect(res.status).toBe(401);
  });

  it('keeps the caller request id, and answers with the edge security headers and CORS', async () => {
    const res = await stack.call('GET', '/api/v1/brands', { headers: { 'x-request-id': 'trace-me-123', origin: 'https://shop.example.com' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('trace-me-123');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers 413 for a body over the limit without forwarding it', async () => {
    const res = await stack.call('POST', '/api/v1/products', { token: stack.tokens.staff, body: aProduct({ description: 'x'.repeat(1_100_000) }) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 404 in the envelope for a route no upstream owns', async () => {
    const res = await stack.call('GET', '/api/v1/nowhere');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('labels metrics of proxied requests by prefix and of transcoded ones by route, not per id', async () => {
    await stack.call('GET', '/api/v1/products/00000000-0000-4000-8000-000000000001');
    await stack.call('GET', '/api/v1/users/00000000-0000-4000-8000-000000000001', { token: stack.tokens.staff });
    const metrics = await (await fetch(`${stack.gateway.urls.http}/metrics`)).text();
    expect(metrics).toMatch(/http_requests_total\{[^}]*route="\/api\/v1\/products\{\/\*rest\}"[^}]*status_code="404"/);
    expect(metrics).toMatch(/http_requests_total\{[^}]*route="\/api\/v1\/users\/:id"[^}]*status_code="404"/);
    expect(metrics).not.toContain('00000000-0000-4000-8000-000000000001');
  });
});
