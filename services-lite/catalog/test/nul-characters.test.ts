// PostgreSQL cannot store a NUL character (\u0000) in text or jsonb: the shared validation must refuse it as a
// 400 naming the field before any query runs, instead of the database failing the request with a 500.
import { describe, expect, it } from 'vitest';
import { aBrand, aProduct, createProduct } from './builders.js';
import { useCatalogHarness } from './catalog-harness.js';

const h = useCatalogHarness();

describe('NUL characters in input', () => {
  it('answers 400 naming q for a NUL in the search query', async () => {
    const res = await h.api.get('/products?q=%00');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'q' })]);
  });

  it('answers 400 naming name for a NUL in a brand name, and writes nothing', async () => {
    const brand = aBrand({ name: 'a\u0000b' });
    const res = await h.api.post('/brands', brand, h.staffToken);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'name' })]);
    const listed = await h.api.get('/brands?limit=100');
    expect(listed.body.data.map((b: { slug: string }) => b.slug)).not.toContain(brand.slug);
  });

  it('answers 400 naming the attributes for a NUL in a jsonb attribute key or value', async () => {
    const key = await h.api.post('/products', aProduct({ attributes: { 'col\u0000our': 'blue' } }), h.staffToken);
    expect(key.status).toBe(400);
    expect(key.body.error.details).toEqual([expect.objectContaining({ field: expect.stringMatching(/^attributes/) })]);
    const value = await h.api.post('/products', aProduct({ attributes: { colour: ['blue', 'gr\u0000een'] } }), h.staffToken);
    expect(value.status).toBe(400);
    expect(value.body.error.details).toEqual([expect.objectContaining({ field: 'attributes.colour.1' })]);
  });

  it('answers 400 for a NUL in a patched field and leaves the product as it was', async () => {
    const product = await createProduct(h);
    const res = await h.api.patch(`/products/${product.id}`, { name: 'Renamed', description: 'x\u0000y' }, h.staffToken);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'description' })]);
    expect((await h.api.get(`/products/${product.id}`)).body.data.name).toBe(product.name);
  });
});
