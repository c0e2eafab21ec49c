// The product cache failing after a committed write (Redis down, or refusing writes): the write has happened,
// so it answers its success; the failure is logged, and this instance stops serving cached product reads until
// an invalidation gets through, so nobody reads the old product. The real catalog app on port 0, real Postgres;
// only the cache (outside the system) is a stand-in that can fail on demand.
import { Writable } from 'node:stream';
import { MemoryCache, type Cache } from '@ecommerce/common/cache';
import { createDatabase, type Knex } from '@ecommerce/common/db';
import { createJwtVerifier, startHttpServer, type HttpServerHandle } from '@ecommerce/common/http';
import { createLogger } from '@ecommerce/common/logger';
import { createMetrics } from '@ecommerce/common/observability';
import { apiClient, createMigratedTestDatabase, createTestJwtIssuer, type ApiClient, type TestDatabase } from '@ecommerce/common/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCatalogApp } from '../src/app.js';
import { aProduct } from './builders.js';

/** An in-memory cache whose reads and/or writes can be made to fail, as Redis does when it is down or read-only. */
class FlakyCache implements Cache {
  private readonly inner = new MemoryCache(1_000, 300);
  failReads = false;
  failWrites = false;

  async get<T>(key: string): Promise<T | undefined> {
    if (this.failReads) throw new Error('cache unreachable');
    return this.inner.get<T>(key);
  }

  async set<T>(key: string, value: T, ttlSeconds?: number): Promise<void> {
    if (this.failWrites) throw new Error('cache refuses writes');
    await this.inner.set(key, value, ttlSeconds);
  }

  async delete(...keys: string[]): Promise<void> {
    if (this.failWrites) throw new Error('cache refuses writes');
    await this.inner.delete(...keys);
  }

  async close(): Promise<void> {
    await this.inner.close();
  }
}

const cache = new FlakyCache();
const logLines: string[] = [];
let database: TestDatabase;
let db: Knex;
let server: HttpServerHandle;
let api: ApiClient;
let staffToken: string;

beforeAll(async () => {
  database = await createMigratedTestDatabase('catalog');
  db = createDatabase({ url: database.url, schema: 'catalog', poolMax: 4 });
  const issuer = await createTestJwtIssuer();
  staffToken = await issuer.sign({ sub: 'staff-1', roles: ['staff'], type: 'staff' });
  const logger = createLogger({ service: 'catalog', destination: new Writable({ write(chunk, _e, done) { logLines.push(String(chunk)); done(); } }) });
  const app = createCatalogApp({
    db,
    cache,
    logger,
    metrics: createMetrics('catalog', { defaultMetrics: false }),
    verifier: createJwtVerifier({ publicKey: issuer.publicKeyPem }),
    productCacheTtlSeconds: 300,
  });
  server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
  api = apiClient(server.url);
});

afterAll(async () => {
  await server?.close();
  await db?.destroy();
  await database?.drop();
});

beforeEach(() => {
  cache.failReads = false;
  cache.failWrites = false;
});

describe('product cache outage after a committed write', () => {
  it('answers 201 to a product create while the cache is down, logs the failed invalidation, and the product is saved', async () => {
    cache.failReads = true;
    cache.failWrites = true;
    const body = aProduct();
    const created = await api.post('/products', body, staffToken);
    expect(created.status).toBe(201);
    expect(logLines.some((line) => /invalidat/i.test(line) && /"level":"(error|warn)"/.test(line))).toBe(true);

    cache.failReads = false;
    cache.failWrites = false;
    expect((await api.get(`/products/${created.body.data.id}`)).body.data.sku).toBe(body.sku);
  });

  it('answers 200 to an update whose invalidation fails, and never serves the old product from the cache afterwards', async () => {
    const product = (await api.post('/products', aProduct(), staffToken)).body.data;
    expect((await api.get(`/products/${product.id}`)).body.data.name).toBe(product.name); // now cached

    cache.failWrites = true; // reads still work: the old entry is there to be served
    const patched = await api.patch(`/products/${product.id}`, { name: 'Renamed while the cache refused writes' }, staffToken);
    expect(patched.status).toBe(200);
    expect((await api.get(`/products/${product.id}`)).body.data.name).toBe('Renamed while the cache refused writes');
    expect((await api.get(`/products?q=Renamed`)).body.meta.total).toBe(1);

    cache.failWrites = false; // the cache recovers: the invalidation is retried, and reads are right and cached again
    expect((await api.get(`/products/${product.id}`)).body.data.name).toBe('Renamed while the cache refused writes');
    await db('products').where({ id: product.id }).update({ name: 'Changed under the API' });
    expect((await api.get(`/products/${product.id}`)).body.data.name).toBe('Renamed while the cache refused writes');
  });

  it('answers 204 to a delete whose invalidation fails, and stops serving the product at once', async () => {
    const product = (await api.post('/products', aProduct(), staffToken)).body.data;
    expect((await api.get(`/products/${product.id}`)).status).toBe(200);

    cache.failWrites = true;
    expect((await api.delete(`/products/${product.id}`, staffToken)).status).toBe(204);
    expect((await api.get(`/products/${product.id}`)).status).toBe(404);
  });
});
