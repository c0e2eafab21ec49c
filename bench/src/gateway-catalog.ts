// The gateway (edge auth check, rate limit, breaker, streaming proxy) on a public GET, each server in its own
// process and the load from autocannon's: in front of a bare in-memory upstream against a bare node:http reverse
// proxy in front of the same upstream (what the gateway's proxying costs over the floor), and in front of the
// catalog (1,000 products, real PostgreSQL) against the catalog directly (what the front door costs a request).
import { seedProducts } from '@ecommerce/catalog/seed';
import { createDatabase } from '@ecommerce/common/db';
import { migrateUp } from '@ecommerce/common/migrate';
import { withBenchPostgres } from './bench-postgres.js';
import { expectSameBody } from './catalog-http.js';
import type { Results } from './measure/results.js';
import { formatMeasured, measureRounds } from './measure/rounds.js';
import { benchSettings } from './measure/settings.js';
import { httpSubject } from './measure/subjects.js';
import { startServiceProcess } from './process/grpc-servers.js';
import { startHttpProxyProcess, startStaticHttpProcess } from './process/http-servers.js';
import type { ServerProcess } from './process/server-process.js';
import { repoPath } from './repo-path.js';

const PRODUCTS = 1_000;
const PATH = '/api/v1/products?limit=20';

export async function runGatewayCatalogBench(results: Results): Promise<void> {
  await withBenchPostgres('gateway_bench', async (databaseUrl) => {
    await migrateUp({ databaseUrl, service: 'catalog', dir: repoPath('migrations/catalog'), out: () => {} });
    const db = createDatabase({ url: databaseUrl, schema: 'catalog' });
    await seedProducts(db, PRODUCTS);
    await db.destroy();

    const servers: ServerProcess[] = [];
    const started = async (p: Promise<ServerProcess>) => {
      const server = await p;
      servers.push(server);
      return server.urls.http!;
    };
    try {
      const quiet = { HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
      // The limiter and the breaker stay in the path (they are part of the cost) with limits the benchmark cannot
      // reach: autocannon ends each round by closing its connections with requests in flight, and the gateway
      // counts those aborted proxy requests as upstream failures, so the default threshold (5) would open the
      // circuit between rounds and the next round would measure 503s.
      const gatewayEnv = (upstream: string) => ({ ...quiet, CATALOG_URL: upstream, RATE_LIMIT_PER_MINUTE: '1000000', CIRCUIT_FAILURE_THRESHOLD: '1000000' });
      const catalog = await started(startServiceProcess('catalog', { ...quiet, DATABASE_URL: databaseUrl }));
      const body = await (await fetch(`${catalog}${PATH}`)).text();
      const upstream = await started(startStaticHttpProcess(body));
      const bareProxy = await started(startHttpProxyProcess(upstream));
      const gatewayToUpstream = await started(startServiceProcess('gateway', gatewayEnv(upstream)));
      const gatewayToCatalog = await started(startServiceProcess('gateway', gatewayEnv(catalog)));
      await expectSameBody('the bare reverse proxy', `${bareProxy}${PATH}`, body);
      await expectSameBody('the gateway to the bare upstream', `${gatewayToUpstream}${PATH}`, body);
      await expectSameBody('the gateway to the catalog', `${gatewayToCatalog}${PATH}`, body);

      console.log(`GET ${PATH} (public, no token), ${benchSettings.connections} connections, ${benchSettings.rounds} rounds of ${benchSettings.seconds} s; gateway, upstream and catalog each in their own process`);
      const measured = await measureRounds(
        [
          httpSubject('gateway -> bare upstream', `${gatewayToUpstream}${PATH}`),
          httpSubject('bare node:http proxy -> bare upstream', `${bareProxy}${PATH}`),
          httpSubject('bare upstream directly', `${upstream}${PATH}`),
          httpSubject('gateway -> catalog', `${gatewayToCatalog}${PATH}`),
          httpSubject('catalog directly', `${catalog}${PATH}`),
        ],
        benchSettings.rounds,
      );
      for (const m of measured) console.log(formatMeasured(m));
      const [viaGateway, viaBareProxy, direct, gatewayCatalog, catalogDirect] = measured as [never, never, never, never, never];
      results.compare('gateway proxying a public GET vs bare node:http proxy', viaGateway, viaBareProxy, 0.6);
      results.compare('bare node:http proxy vs its upstream directly', viaBareProxy, direct);
      results.compare('catalog through the gateway vs catalog directly', gatewayCatalog, catalogDirect, 0.7);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  });
}
