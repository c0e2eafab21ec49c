import { describe, expect, it } from 'vitest';
import { createBrand, createCategory, createProduct, uniqueTag } from './builders.js';
import { useCatalogHarness } from './catalog-harness.js';

const h = useCatalogHarness();

const ids = (res: { body: { data: Array<{ id: string }> } }) => res.body.data.map((p) => p.id);
const names = (res: { body: { data: Array<{ name: string }> } }) => res.body.data.map((p) => p.name);

describe('pagination', () => {
  it('pages through a filtered list with the total in meta', async () => {
    const brand = await createBrand(h);
    for (let i = 0; i < 5; i++) await createProduct(h, { brandId: brand.id });

    const first = await h.api.get(`/products?brand=${brand.id}&page=1&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.meta).toEqual({ page: 1, limit: 2, total: 5 });
    expect(first.body.data).toHaveLength(2);
    const third = await h.api.get(`/products?brand=${brand.id}&page=3&limit=2`);
    expect(third.body.meta).toEqual({ page: 3, limit: 2, total: 5 });
    expect(third.body.data).toHaveLength(1);
    const beyond = await h.api.get(`/products?brand=${brand.id}&page=4&limit=2`);
    expect(beyond.body).toMatchObject({ data: [], meta: { total: 5 } });

    const second = await h.api.get(`/products?brand=${brand.id}&page=2&limit=2`);
    const all = new Set([...ids(first), ...ids(second), ...ids(third)]);
    expect(all.size).toBe(5);
  });

  it('answers 400 naming limit when it is above the maximum', async () => {
    const res = await h.api.get('/products?limit=1000');
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('limit');
  });

  it('answers 400 naming an unknown query parameter', async () => {
    const res = await h.api.get('/products?colour=red');
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'colour', message: 'unknown field' }]);
  });
});

describe('filters', () => {
  it('filters by category including every descendant category', async () => {
    const shoes = await createCategory(h);
    const running = await createCategory(h, { parentId: shoes.id });
    const trail = await createCategory(h, { parentId: running.id });
    const hats = await createCategory(h);
    const inShoes = await createProduct(h, { categoryId: shoes.id });
    const inTrail = await createProduct(h, { categoryId: trail.id });
    await createProduct(h, { categoryId: hats.id });

    const res = await h.api.get(`/products?category=${shoes.id}`);
    expect(res.body.meta.total).toBe(2);
    expect(ids(res).sort()).toEqual([inShoes.id, inTrail.id].sort());
    const leaf = await h.api.get(`/products?category=${running.id}`);
    expect(ids(leaf)).toEqual([inTrail.id]);
  });

  it('filters by brand and status together', async () => {
    const brand = await createBrand(h);
    const active = await createProduct(h, { brandId: brand.id, status: 'active' });
    await createProduct(h, { brandId: brand.id, status: 'draft' });
    await createProduct(h, { status: 'active' });

    const res = await h.api.get(`/products?brand=${brand.id}&status=active`);
    expect(ids(res)).toEqual([active.id]);
    expect(res.body.meta.total).toBe(1);
  });

  it('finds products by a word or a fragment of their name or description', async () => {
    const word = `zq${uniqueTag()}`;
    const byName = await createProduct(h, { name: `Waterproof ${word} jacket` });
    const byDescription = await createProduct(h, { description: `Pairs well with the ${word} line` });
    await createProduct(h, { name: 'Something unrelated' });

    const whole = await h.api.get(`/products?q=${word}`);
    expect(ids(whole).sort()).toEqual([byName.id, byDescription.id].sort());
    expect(ids(whole)[0]).toBe(byName.id); // without a sort, the closest name comes first
    const fragment = await h.api.get(`/products?q=${word.slice(0, 7)}`);
    expect(ids(fragment)).toEqual(expect.arrayContaining([byName.id, byDescription.id]));
  });

  it('treats LIKE wildcards in the text query literally', async () => {
    const res = await h.api.get(`/products?q=${encodeURIComponent('%_%')}`);
    expect(res.status).toBe(200);
    expect(res.body.meta.total).toBe(0);
  });

  it('answers 400 naming status for an unknown status', async () => {
    const res = await h.api.get('/products?status=sold');
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('status');
  });

  it('answers 400 naming category for a malformed category id', async () => {
    const res = await h.api.get('/products?category=shoes');
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('category');
  });
});

describe('sorting', () => {
  it('sorts by several whitelisted fields in the given directions', async () => {
    const brand = await createBrand(h);
    const tag = uniqueTag();
    for (const name of [`b-${tag}`, `a-${tag}`, `c-${tag}`]) await createProduct(h, { brandId: brand.id, name });

    const byName = await h.api.get(`/products?brand=${brand.id}&sort=name`);
    expect(names(byName)).toEqual([`a-${tag}`, `b-${tag}`, `c-${tag}`]);
    const byNameDesc = await h.api.get(`/products?brand=${brand.id}&sort=-name`);
    expect(names(byNameDesc)).toEqual([`c-${tag}`, `b-${tag}`, `a-${tag}`]);
    const newestFirst = await h.api.get(`/products?brand=${brand.id}&sort=-created_at,name`);
    expect(names(newestFirst)).toEqual([`c-${tag}`, `a-${tag}`, `b-${tag}`]);
  });

  it('lists newest first by default', async () => {
    const brand = await createBrand(h);
    const older = await createProduct(h, { brandId: brand.id });
    const newer = await createProduct(h, { brandId: brand.id });
    expect(ids(await h.api.get(`/products?brand=${brand.id}`))).toEqual([newer.id, older.id]);
  });

  it('answers 400 naming sort for a field that is not sortable', async () => {
    const res = await h.api.get('/products?sort=-description');
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'sort' })]);
  });
});
