// Product reads are cached; these tests read (filling the cache), write, and read again.
import { describe, expect, it } from 'vitest';
import { createCategory, createProduct } from './builders.js';
import { useCatalogHarness } from './catalog-harness.js';

const h = useCatalogHarness();

describe('product cache', () => {
  it('serves the updated product by id, by slug and in lists right after an update', async () => {
    const category = await createCategory(h);
    const product = await createProduct(h, { categoryId: category.id });
    await h.api.get(`/products/${product.id}`);
    await h.api.get(`/products/by-slug/${product.slug}`);
    await h.api.get(`/products?category=${category.id}`);

    await h.api.patch(`/products/${product.id}`, { name: 'Fresh name', slug: `${product.slug}-v2` }, h.staffToken);

    expect((await h.api.get(`/products/${product.id}`)).body.data.name).toBe('Fresh name');
    expect((await h.api.get(`/products/by-slug/${product.slug}`)).status).toBe(404);
    expect((await h.api.get(`/products/by-slug/${product.slug}-v2`)).body.data.name).toBe('Fresh name');
    expect((await h.api.get(`/products?category=${category.id}`)).body.data[0].name).toBe('Fresh name');
  });

  it('stops serving a product right after it is deleted, and serves it again after restore', async () => {
    const category = await createCategory(h);
    const product = await createProduct(h, { categoryId: category.id });
    expect((await h.api.get(`/products/${product.id}`)).status).toBe(200);
    expect((await h.api.get(`/products?category=${category.id}`)).body.meta.total).toBe(1);

    await h.api.delete(`/products/${product.id}`, h.staffToken);
    expect((await h.api.get(`/products/${product.id}`)).status).toBe(404);
    expect((await h.api.get(`/products/by-slug/${product.slug}`)).status).toBe(404);
    expect((await h.api.get(`/products?category=${category.id}`)).body.meta.total).toBe(0);

    await h.api.post(`/products/${product.id}/restore`, {}, h.staffToken);
    expect((await h.api.get(`/products/${product.id}`)).status).toBe(200);
    expect((await h.api.get(`/products?category=${category.id}`)).body.meta.total).toBe(1);
  });

  it('includes a new product in a list that was cached before it existed', async () => {
    const category = await createCategory(h);
    expect((await h.api.get(`/products?category=${category.id}`)).body.meta.total).toBe(0);
    await createProduct(h, { categoryId: category.id });
    expect((await h.api.get(`/products?category=${category.id}`)).body.meta.total).toBe(1);
  });

  it('reflects a category move in a cached category filter', async () => {
    const shoes = await createCategory(h);
    const hats = await createCategory(h);
    const boots = await createCategory(h, { parentId: shoes.id });
    await createProduct(h, { categoryId: boots.id });
    expect((await h.api.get(`/products?category=${hats.id}`)).body.meta.total).toBe(0);

    await h.api.post(`/categories/${boots.id}/move`, { parentId: hats.id }, h.staffToken);

    expect((await h.api.get(`/products?category=${hats.id}`)).body.meta.total).toBe(1);
    expect((await h.api.get(`/products?category=${shoes.id}`)).body.meta.total).toBe(0);
  });
});
