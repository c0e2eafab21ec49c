import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aBrand, createBrand, createProduct } from './builders.js';
import { useCatalogHarness } from './catalog-harness.js';

const h = useCatalogHarness();

describe('brands', () => {
  it('creates, reads, updates and deletes a brand', async () => {
    const created = await h.api.post('/brands', aBrand({ description: 'Outdoor gear' }), h.staffToken);
    expect(created.status).toBe(201);
    const brand = created.body.data;
    expect((await h.api.get(`/brands/${brand.id}`)).body.data).toEqual(brand);

    const updated = await h.api.patch(`/brands/${brand.id}`, { name: 'Renamed brand' }, h.staffToken);
    expect(updated.body.data).toMatchObject({ name: 'Renamed brand', description: 'Outdoor gear' });

    expect((await h.api.delete(`/brands/${brand.id}`, h.staffToken)).status).toBe(204);
    expect((await h.api.get(`/brands/${brand.id}`)).status).toBe(404);
  });

  it('lists brands by name with the total in meta', async () => {
    await createBrand(h);
    await createBrand(h);
    const res = await h.api.get('/brands?limit=1');
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.meta.total).toBeGreaterThanOrEqual(2);
  });

  it('answers 409 naming slug for a duplicate slug', async () => {
    const existing = await createBrand(h);
    const res = await h.api.post('/brands', aBrand({ slug: existing.slug }), h.staffToken);
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'slug' })]);
  });

  it('answers 400 naming the field for bad input and unknown fields', async () => {
    const bad = await h.api.post('/brands', { name: '', slug: 'ok-slug' }, h.staffToken);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('name');
    const unknown = await h.api.patch(`/brands/${randomUUID()}`, { logo: 'x' }, h.staffToken);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([{ field: 'logo', message: 'unknown field' }]);
  });

  it('answers 404 for an unknown brand', async () => {
    expect((await h.api.get(`/brands/${randomUUID()}`)).status).toBe(404);
    expect((await h.api.patch(`/brands/${randomUUID()}`, { name: 'x' }, h.staffToken)).status).toBe(404);
    expect((await h.api.delete(`/brands/${randomUUID()}`, h.staffToken)).status).toBe(404);
  });

  it('refuses to delete a brand that still has products', async () => {
    const brand = await createBrand(h);
    await createProduct(h, { brandId: brand.id });
    const res = await h.api.delete(`/brands/${brand.id}`, h.staffToken);
    expect(res.status).toBe(422);
    expect((await h.api.get(`/brands/${brand.id}`)).status).toBe(200);
  });

  it('requires a staff token to write', async () => {
    expect((await h.api.post('/brands', aBrand())).status).toBe(401);
    expect((await h.api.post('/brands', aBrand(), h.customerToken)).status).toBe(403);
  });
});
