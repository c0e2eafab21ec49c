// PRODUCT_CACHE_ENABLED=false: every product read goes to the database (a change made under the API shows at
// once), and still carries its ETag.
import { createDatabase } from '@ecommerce/common/db';
import { describe, expect, it } from 'vitest';
import { createProduct } from './builders.js';
import { useCatalogHarness } from './catalog-harness.js';

const h = useCatalogHarness({ PRODUCT_CACHE_ENABLED: 'false' });

describe('catalog with its product cache off', () => {
  it('reads each product from the database, with an ETag that follows it', async () => {
    const product = await createProduct(h);
    const before = await h.api.get(`/products/${product.id}`);
    expect(before.headers.get('etag')).toBeTruthy();

    // Under the API, so no write invalidates anything: only a read that skips the cache can see it.
    const db = createDatabase({ url: h.databaseUrl, schema: 'catalog', poolMax: 1 });
    await db('products').where({ id: product.id }).update({ name: 'Changed underneath' });
    await db.destroy();

    const after = await h.api.get(`/products/${product.id}`);
    expect(after.body.data.name).toBe('Changed underneath');
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    const conditional = await fetch(`${h.url}/api/v1/products/${product.id}`, { headers: { 'if-none-match': after.headers.get('etag')! } });
    expect(conditional.status).toBe(304);
  });
});
