// Catalog list endpoint (1,000 products, real PostgreSQL, the full middleware stack) against a bare node:http
// server answering the same 20 products from memory: what the service costs over the floor. A bare Express 5 app
// with the same body sits in between, so the framework's own share of that cost reads apart from ours.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { startCatalog } from '@ecommerce/catalog';
import { seedProducts } from '@ecommerce/catalog/seed';
import { createDatabase } from '@ecommerce/common/db';
import { migrateUp } from '@ecommerce/common/migrate';
import { formatLoad, httpLoad } from './http-load.js';
import { withBenchPostgres } from './bench-postgres.js';
import { repoPath } from './repo-path.js';

const PRODUCTS = 1_000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

export async function runCatalogHttpBench(): Promise<void> {
  await withBenchPostgres('catalog_bench', async (databaseUrl) => {
    await migrateUp({ databaseUrl, service: 'catalog', dir: repoPath('migrations/catalog'), out: () => {} });
    const db = createDatabase({ url: databaseUrl, schema: 'catalog' });
    await seedProducts(db, PRODUCTS);
    await db.destroy();

    const catalog = await startCatalog({ ...process.env, DATABASE_URL: databaseUrl, HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
    const catalogUrl = catalog.urls.http!;
    const path = '/api/v1/products?limit=20';
    const body = await (await fetch(`${catalogUrl}${path}`)).text();
    const count = (JSON.parse(body) as { data: unknown[] }).data.length;
    if (count !== 20) throw new Error(`expected 20 products from the catalog, got ${count}`);
    const bare = await startBareServer(body);
    const bareExpress = await startBareExpress(body);
    try {
      const settings = { seconds: SECONDS, connections: CONNECTIONS };
      const service = await httpLoad({ ...settings, url: `${catalogUrl}${path}` });
      const floor = await httpLoad({ ...settings, url: `${bare.url}${path}` });
      const framework = await httpLoad({ ...settings, url: `${bareExpress.url}${path}` });
      console.log(`GET ${path}, ${PRODUCTS} products seeded, ${CONNECTIONS} connections, ${SECONDS} s each`);
      console.log(formatLoad('catalog service (Express+Knex+PG)', service));
      console.log(formatLoad('bare node:http from memory', floor));
      console.log(formatLoad('bare Express 5 from memory', framework));
      console.log(`ratio catalog/bare: throughput ${(service.requestsPerSecond / floor.requestsPerSecond).toFixed(3)}, p99 ${(service.p99Ms / Math.max(floor.p99Ms, 0.001)).toFixed(2)}x`);
      console.log(`ratio catalog/bare Express: throughput ${(service.requestsPerSecond / framework.requestsPerSecond).toFixed(3)}`);
    } finally {
      await new Promise((r) => bare.server.close(r));
      await new Promise((r) => bareExpress.server.close(r));
      await catalog.stop();
    }
  });
}

export async function startBareServer(body: string): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function startBareExpress(body: string): Promise<{ url: string; server: http.Server }> {
  const app = express();
  app.get('/api/v1/products', (_req, res) => {
    res.type('application/json').send(body);
  });
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
