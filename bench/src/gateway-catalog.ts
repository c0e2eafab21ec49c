// Catalog list (1,000 products, real PostgreSQL) through the gateway against the catalog directly, in the same
// run: what the front door (edge auth check, rate limit, breaker, streaming proxy) costs per request.
import { startCatalog } from '@ecommerce/catalog';
import { seedProducts } from '@ecommerce/catalog/seed';
import { createDatabase } from '@ecommerce/common/db';
import { migrateUp } from '@ecommerce/common/migrate';
import { startGateway } from '@ecommerce/gateway';
import { withBenchPostgres } from './bench-postgres.js';
import { startBareServer } from './catalog-http.js';
import { formatLoad, httpLoad } from './http-load.js';
import { repoPath } from './repo-path.js';

const PRODUCTS = 1_000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

export async function runGatewayCatalogBench(): Promise<void> {
  await withBenchPostgres('gateway_bench', async (databaseUrl) => {
    await migrateUp({ databaseUrl, service: 'catalog', dir: repoPath('migrations/catalog'), out: () => {} });
    const db = createDatabase({ url: databaseUrl, schema: 'catalog' });
    await seedProducts(db, PRODUCTS);
    await db.destroy();

    const quiet = { HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
    const catalog = await startCatalog({ ...process.env, ...quiet, DATABASE_URL: databaseUrl });
    const catalogUrl = catalog.urls.http!;
    // The limiter stays in the path (it is part of the cost) with a budget the benchmark cannot exhaust.
    const gateway = await startGateway({ ...process.env, ...quiet, CATALOG_URL: catalogUrl, RATE_LIMIT_PER_MINUTE: '1000000' });
    const gatewayUrl = gateway.urls.http!;
    const path = '/api/v1/products?limit=20';
    const direct = await fetch(`${catalogUrl}${path}`).then((r) => r.text());
    if (direct !== (await fetch(`${gatewayUrl}${path}`).then((r) => r.text()))) throw new Error('the gateway answered something else than the catalog');
    // The same gateway code in front of a server answering from memory: what the gateway alone can carry.
    const bare = await startBareServer(direct);
    const gatewayToBare = await startGateway({ ...process.env, ...quiet, CATALOG_URL: bare.url, RATE_LIMIT_PER_MINUTE: '1000000' });
    try {
      const settings = { seconds: SECONDS, connections: CONNECTIONS };
      const viaCatalog = await httpLoad({ ...settings, url: `${catalogUrl}${path}` });
      const viaGateway = await httpLoad({ ...settings, url: `${gatewayUrl}${path}` });
      const gatewayAlone = await httpLoad({ ...settings, url: `${gatewayToBare.urls.http}${path}` });
      console.log(`GET ${path}, ${PRODUCTS} products seeded, ${CONNECTIONS} connections, ${SECONDS} s each; gateway and catalog share one process, as in make dev`);
      console.log(formatLoad('catalog directly', viaCatalog));
      console.log(formatLoad('through the gateway', viaGateway));
      console.log(formatLoad('gateway to a bare in-memory server', gatewayAlone));
      console.log(
        `gateway overhead: throughput ${(viaGateway.requestsPerSecond / viaCatalog.requestsPerSecond).toFixed(3)} of direct, ` +
          `p50 +${(viaGateway.p50Ms - viaCatalog.p50Ms).toFixed(1)} ms, p99 ${(viaGateway.p99Ms / Math.max(viaCatalog.p99Ms, 0.001)).toFixed(2)}x`,
      );
    } finally {
      await gatewayToBare.stop();
      await new Promise((r) => bare.server.close(r));
      await gateway.stop();
      await catalog.stop();
    }
  });
}
