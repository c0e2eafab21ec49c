import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aProduct, createBrand, createCategory, createProduct } from './builders.js';
import { useCatalogHarness } from './catalog-harness.js';

const h = useCatalogHarness();

describe('creating and reading products', () => {
  it('creates a product with brand, category, attributes and images and reads it back by id and slug', async () => {
    const brand = await createBrand(h);
    const category = await createCategory(h);
    const body = aProduct({ brandId: brand.id, categoryId: category.id, attributes: { color: 'red', sizes: ['S', 'M'], waterproof: true } });

    const created = await h.api.post('/products', body, h.staffToken);
    expect(created.status).toBe(201);
    const product = created.body.data;
    expect(product).toMatchObject({ sku: body.sku, slug: body.slug, brandId: brand.id, categoryId: category.id, status: 'active', deletedAt: null });
    expect(product.attributes).toEqual({ color: 'red', sizes: ['S', 'M'], waterproof: true });
    expect(product.images).toEqual(body.images);
    expect(product.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const byId = await h.api.get(`/products/${product.id}`);
    expect(byId.status).toBe(200);
    expect(byId.body).toEqual({ success: true, data: product });
    const bySlug = await h.api.get(`/products/by-slug/${product.slug}`);
    expect(bySlug.body.data).toEqual(product);
  });

  it('lets an admin write as well as staff', async () => {
    const res = await h.api.post('/products', aProduct(), h.adminToken);
    expect(res.status).toBe(201);
  });

  it('applies defaults for omitted optional fields', async () => {
    const res = await h.api.post('/products', { sku: 'MIN-1', slug: 'minimal-product', name: 'Minimal' }, h.staffToken);
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ status: 'draft', description: '', attributes: {}, images: [], brandId: null, categoryId: null });
  });

  it('updates only the given fields and moves updatedAt forward', async () => {
    const product = await createProduct(h);
    const res = await h.api.patch(`/products/${product.id}`, { name: 'Renamed', status: 'archived' }, h.staffToken);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ name: 'Renamed', status: 'archived', sku: product.sku, slug: product.slug });
    expect(Date.parse(res.body.data.updatedAt)).toBeGreaterThan(Date.parse(product.updatedAt));
  });
});

describe('refusing bad input', () => {
  it('answers 400 naming each invalid field', async () => {
    const res = await h.api.post('/products', aProduct({ sku: '', slug: 'Not A Slug', status: 'sold' }), h.staffToken);
    expect(res.status).toBe(400);
    expect(res.body.success).toBe(false);
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
    const fields = res.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['sku', 'slug', 'status']));
  });

  it('answers 400 naming a missing required field', async () => {
    const { name: _omitted, ...withoutName } = aProduct();
    const res = await h.api.post('/products', withoutName, h.staffToken);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'name' })]);
  });

  it('answers 400 naming an unknown field', async () => {
    const res = await h.api.post('/products', aProduct({ price: 1999 }), h.staffToken);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'price', message: 'unknown field' }]);
  });

  it('answers 400 naming a nested image field', async () => {
    const res = await h.api.post('/products', aProduct({ images: [{ url: 'not-a-url' }] }), h.staffToken);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('images.0.url');
  });

  it('answers 400 naming brandId when the brand does not exist, and writes nothing', async () => {
    const body = aProduct({ brandId: randomUUID() });
    const res = await h.api.post('/products', body, h.staffToken);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'brandId', message: 'no such brand' }]);
    expect((await h.api.get(`/products/by-slug/${body.slug}`)).status).toBe(404);
  });

  it('answers 400 naming categoryId when the category does not exist', async () => {
    const product = await createProduct(h);
    const res = await h.api.patch(`/products/${product.id}`, { categoryId: randomUUID() }, h.staffToken);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'categoryId', message: 'no such category' }]);
  });

  it('answers 400 naming id when the id is not a UUID', async () => {
    const res = await h.api.get('/products/42');
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('id');
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await fetch(`${h.url}/api/v1/products`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${h.staffToken}` },
      body: '{"sku":',
    });
    expect(res.status).toBe(400);
  });
});

describe('uniqueness', () => {
  it('answers 409 naming sku for a duplicate SKU', async () => {
    const first = await createProduct(h);
    const res = await h.api.post('/products', aProduct({ sku: first.sku }), h.staffToken);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ALREADY_EXISTS');
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'sku' })]);
  });

  it('answers 409 naming slug for a duplicate slug, also on update', async () => {
    const first = await createProduct(h);
    const second = await createProduct(h);
    const res = await h.api.patch(`/products/${second.id}`, { slug: first.slug }, h.staffToken);
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'slug' })]);
  });

  it('keeps the SKU of a soft-deleted product reserved', async () => {
    const product = await createProduct(h);
    await h.api.delete(`/products/${product.id}`, h.staffToken);
    const res = await h.api.post('/products', aProduct({ sku: product.sku }), h.staffToken);
    expect(res.status).toBe(409);
  });
});

describe('authorisation', () => {
  it('answers 401 to a write without a token', async () => {
    const res = await h.api.post('/products', aProduct());
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 to a write with a forged token', async () => {
    const res = await h.api.post('/products', aProduct(), 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln');
    expect(res.status).toBe(401);
  });

  it('answers 403 to a write with a customer token', async () => {
    const res = await h.api.post('/products', aProduct(), h.customerToken);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('PERMISSION_DENIED');
  });

  it('lets anyone read without a token', async () => {
    const product = await createProduct(h);
    expect((await h.api.get(`/products/${product.id}`)).status).toBe(200);
  });
});

describe('missing products', () => {
  it('answers 404 for an unknown id, slug, update and delete', async () => {
    const id = randomUUID();
    expect((await h.api.get(`/products/${id}`)).status).toBe(404);
    expect((await h.api.get('/products/by-slug/no-such-product')).status).toBe(404);
    expect((await h.api.patch(`/products/${id}`, { name: 'x' }, h.staffToken)).status).toBe(404);
    expect((await h.api.delete(`/products/${id}`, h.staffToken)).status).toBe(404);
    expect((await h.api.post(`/products/${id}/restore`, {}, h.staffToken)).status).toBe(404);
  });
});

describe('soft delete and restore', () => {
  it('hides a deleted product from reads and lists, and shows it to staff asking for deleted ones', async () => {
    const product = await createProduct(h);
    expect((await h.api.delete(`/products/${product.id}`, h.staffToken)).status).toBe(204);

    expect((await h.api.get(`/products/${product.id}`)).status).toBe(404);
    expect((await h.api.get(`/products/by-slug/${product.slug}`)).status).toBe(404);
    expect((await h.api.patch(`/products/${product.id}`, { name: 'x' }, h.staffToken)).status).toBe(404);
    expect((await h.api.delete(`/products/${product.id}`, h.staffToken)).status).toBe(404);
    const live = await h.api.get(`/products?limit=100&q=${encodeURIComponent(product.name)}`);
    expect(live.body.data.map((p: { id: string }) => p.id)).not.toContain(product.id);

    const deleted = await h.api.get(`/products?deleted=true&limit=100`, h.staffToken);
    expect(deleted.status).toBe(200);
    const listed = deleted.body.data.find((p: { id: string }) => p.id === product.id);
    expect(listed.deletedAt).not.toBeNull();
  });

  it('refuses the deleted listing to the public and to customers', async () => {
    expect((await h.api.get('/products?deleted=true')).status).toBe(401);
    expect((await h.api.get('/products?deleted=true', h.customerToken)).status).toBe(403);
  });

  it('restores a deleted product so it reads again', async () => {
    const product = await createProduct(h);
    await h.api.delete(`/products/${product.id}`, h.staffToken);

    const restored = await h.api.post(`/products/${product.id}/restore`, {}, h.staffToken);
    expect(restored.status).toBe(200);
    expect(restored.body.data.deletedAt).toBeNull();
    const read = await h.api.get(`/products/${product.id}`);
    expect(read.status).toBe(200);
    expect(read.body.data.sku).toBe(product.sku);
  });

  it('refuses restore to a customer', async () => {
    const product = await createProduct(h);
    await h.api.delete(`/products/${product.id}`, h.staffToken);
    expect((await h.api.post(`/products/${product.id}/restore`, {}, h.customerToken)).status).toBe(403);
  });
});
