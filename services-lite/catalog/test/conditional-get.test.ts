// Public product reads carry an ETag and Cache-Control, and answer 304 to a caller holding the current version;
// a write gives the reads a new ETag; staff-only and authenticated answers are never cacheable.
import { describe, expect, it } from 'vitest';
import { createCategory, createProduct } from './builders.js';
import { useCatalogHarness } from './catalog-harness.js';

const h = useCatalogHarness();

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${h.url}/api/v1${path}`, { headers });

/** The product's three public reads: by id, by slug, and a list that holds it. */
async function publicReads() {
  const category = await createCategory(h);
  const product = await createProduct(h, { categoryId: category.id });
  return { product, paths: [`/products/${product.id}`, `/products/by-slug/${product.slug}`, `/products?category=${category.id}`] };
}

describe('conditional GET on public product reads', () => {
  it('answers with an ETag and public Cache-Control that asks to revalidate', async () => {
    const { paths } = await publicReads();
    for (const path of paths) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('etag'), path).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
      expect(res.headers.get('cache-control'), path).toBe('public, no-cache');
      expect(res.headers.get('content-type'), path).toBe('application/json; charset=utf-8');
    }
  });

  it('answers 304 with no body to If-None-Match holding the current ETag, also among several', async () => {
    const { paths } = await publicReads();
    for (const path of paths) {
      const etag = (await get(path)).headers.get('etag')!;
      const again = await get(path, { 'if-none-match': etag });
      expect(again.status, path).toBe(304);
      expect(await again.text(), path).toBe('');
      expect(again.headers.get('etag'), path).toBe(etag);
      expect(again.headers.get('cache-control'), path).toBe('public, no-cache');
      expect((await get(path, { 'if-none-match': `"other", ${etag.slice(2)}` })).status, path).toBe(304);
      expect((await get(path, { 'if-none-match': '*' })).status, path).toBe(304);
    }
  });

  it('answers 200 with the body to an If-None-Match that does not match', async () => {
    const { product, paths } = await publicReads();
    const res = await get(paths[0]!, { 'if-none-match': 'W/"not-this-one"' });
    expect(res.status).toBe(200);
    expect((await res.json()).data.id).toBe(product.id);
  });

  it('gives every read a new ETag after the product changes, and 200 to the old one', async () => {
    const { product, paths } = await publicReads();
    const before = await Promise.all(paths.map(async (path) => (await get(path)).headers.get('etag')!));
    const patched = await h.api.patch(`/products/${product.id}`, { name: 'Renamed' }, h.staffToken);
    expect(patched.status).toBe(200);
    for (const [i, path] of paths.entries()) {
      const res = await get(path, { 'if-none-match': before[i]! });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('etag'), path).not.toBe(before[i]);
      const body = await res.json();
      expect(Array.isArray(body.data) ? body.data[0].name : body.data.name, path).toBe('Renamed');
    }
  });

  it('keeps the same ETag while nothing changes', async () => {
    const { paths } = await publicReads();
    for (const path of paths) {
      const first = (await get(path)).headers.get('etag');
      expect((await get(path)).headers.get('etag'), path).toBe(first);
    }
  });

  it('marks the staff-only list of deleted products private and uncacheable, refusals included', async () => {
    const listed = await h.api.get('/products?deleted=true', h.staffToken);
    expect(listed.status).toBe(200);
    expect(listed.headers.get('cache-control')).toBe('private, no-store');
    expect(listed.headers.get('etag')).toBeNull();
    const refused = await get('/products?deleted=true');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('cache-control')).toBe('private, no-store');
  });

  it('marks a staff write\'s answer private and uncacheable', async () => {
    const created = await h.api.post('/products', { sku: `SKU-cc-${Date.now()}`, slug: `cc-${Date.now()}`, name: 'Cache control' }, h.staffToken);
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('private, no-store');
  });
});
