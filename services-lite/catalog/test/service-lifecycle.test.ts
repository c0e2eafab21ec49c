import { ConfigError } from '@ecommerce/common/config';
import { createDatabase } from '@ecommerce/common/db';
import { describe, expect, it } from 'vitest';
import { startCatalog } from '../src/main.js';
import { seedProducts } from '../src/seed.js';
import { startCatalogHarness, useCatalogHarness } from './catalog-harness.js';

describe('starting the catalog', () => {
  it('fails fast naming DATABASE_URL when it is missing', async () => {
    await expect(startCatalog({ HTTP_PORT: '0', LOG_LEVEL: 'silent' })).rejects.toThrowError(ConfigError);
    await expect(startCatalog({ HTTP_PORT: '0', LOG_LEVEL: 'silent' })).rejects.toThrowError(/DATABASE_URL/);
  });

  it('fails fast naming HTTP_PORT when it is not a port', async () => {
    const env = { HTTP_PORT: 'eighty', DATABASE_URL: 'postgres://u:p@127.0.0.1:1/db', LOG_LEVEL: 'silent' };
    await expect(startCatalog(env)).rejects.toThrowError(/HTTP_PORT is invalid/);
  });
});

describe('a running catalog', () => {
  const h = useCatalogHarness();

  it('answers the health, readiness and metrics probes', async () => {
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${h.url}/readyz`)).json()).toEqual({ status: 'ready' });
    expect(await (await fetch(`${h.url}/metrics`)).text()).toMatch(/http_requests_total/);
  });

  it('answers an unknown route with a 404 envelope', async () => {
    const res = await h.api.get('/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.success).toBe(false);
  });

  it('serves products seeded by seedProducts, all active and in one brand', async () => {
    const db = createDatabase({ url: h.databaseUrl, schema: 'catalog', poolMax: 2 });
    try {
      const seeded = await seedProducts(db, 120);
      const res = await h.api.get(`/products?brand=${seeded.brandId}&status=active&limit=20`);
      expect(res.body.meta).toEqual({ page: 1, limit: 20, total: 120 });
      const again = await seedProducts(db, 3);
      expect((await h.api.get(`/products?category=${again.categoryId}`)).body.meta.total).toBe(3);
    } finally {
      await db.destroy();
    }
  });
});

describe('stopping the catalog', () => {
  it('stops accepting requests after stop()', async () => {
    const h = await startCatalogHarness();
    await h.stop();
    await expect(fetch(`${h.url}/healthz`)).rejects.toThrow();
  });
});
