// The catalog list (20 of 1,000 products, real PostgreSQL, the full middleware stack) against its baselines, each
// server in a process of its own and the load from autocannon's: with the cache warm against bare Express 5
// serving the same body from memory (and bare node:http, the floor); with the cache off (when the catalog has
// the switch) against node:http + pg running the same SQL, and against the Go Gin + pgx peer when Go is installed.
import { catalogEnv } from '@ecommerce/catalog';
import { seedProducts } from '@ecommerce/catalog/seed';
import { createDatabase } from '@ecommerce/common/db';
import { migrateUp } from '@ecommerce/common/migrate';
import { withBenchPostgres } from './bench-postgres.js';
import type { Results } from './measure/results.js';
import { formatMeasured, measureRounds, type Subject } from './measure/rounds.js';
import { benchSettings } from './measure/settings.js';
import { httpSubject } from './measure/subjects.js';
import { buildGoPeer, startGoPeer } from './process/go-peer.js';
import { startServiceProcess } from './process/grpc-servers.js';
import { startCatalogNodePgProcess, startExpressStaticProcess, startStaticHttpProcess } from './process/http-servers.js';
import type { ServerProcess } from './process/server-process.js';
import { repoPath } from './repo-path.js';

const PRODUCTS = 1_000;
const ROUTE = '/api/v1/products';
const PATH = `${ROUTE}?limit=20`;
/** The catalog's switch for its product cache; the cache-off comparison needs it. */
const CACHE_SWITCH = 'PRODUCT_CACHE_ENABLED';

export async function runCatalogHttpBench(results: Results): Promise<void> {
  await withBenchPostgres('catalog_bench', async (databaseUrl) => {
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
      const serviceEnv = { DATABASE_URL: databaseUrl, HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
      const catalog = await started(startServiceProcess('catalog', serviceEnv));
      const body = await fetchText(`${catalog}${PATH}`);
      const count = (JSON.parse(body) as { data: unknown[] }).data.length;
      if (count !== 20) throw new Error(`expected 20 products from the catalog, got ${count}`);
      const bare = await started(startStaticHttpProcess(body));
      const bareExpress = await started(startExpressStaticProcess(body, ROUTE));
      const nodePg = await started(startCatalogNodePgProcess(databaseUrl));
      await expectSameBody('node:http + pg', `${nodePg}${PATH}`, body);
      const hasCacheSwitch = CACHE_SWITCH in catalogEnv.shape;
      const catalogCold = hasCacheSwitch ? await started(startServiceProcess('catalog', { ...serviceEnv, [CACHE_SWITCH]: 'false' })) : undefined;
      if (!catalogCold) console.log(`catalog with its cache off: skipped, the catalog has no ${CACHE_SWITCH} switch`);
      const goBinary = await buildGoPeer();
      const gin = goBinary ? await started(startGoPeer(goBinary, databaseUrl)) : undefined;
      if (gin) await expectSameBody('Go Gin + pgx', `${gin}${PATH}`, body);

      const subjects: Subject[] = [
        httpSubject('catalog service, cache warm', `${catalog}${PATH}`),
        httpSubject('bare Express 5 from memory', `${bareExpress}${PATH}`),
        httpSubject('bare node:http from memory', `${bare}${PATH}`),
        ...(catalogCold ? [httpSubject('catalog service, cache off', `${catalogCold}${PATH}`)] : []),
        httpSubject('node:http + pg, same SQL', `${nodePg}${PATH}`),
        ...(gin ? [httpSubject('Go Gin + pgx, same SQL', `${gin}${PATH}`)] : []),
      ];
      console.log(`GET ${PATH}, ${PRODUCTS} products seeded, ${benchSettings.connections} connections, ${benchSettings.rounds} rounds of ${benchSettings.seconds} s, every server in its own process`);
      const measured = await measureRounds(subjects, benchSettings.rounds);
      for (const m of measured) console.log(formatMeasured(m));
      const by = (label: string) => measured.find((m) => m.label === label)!;
      results.compare('catalog list, cache warm vs bare Express', by('catalog service, cache warm'), by('bare Express 5 from memory'), 0.85);
      results.compare('catalog list, cache warm vs bare node:http', by('catalog service, cache warm'), by('bare node:http from memory'));
      results.compare('bare Express vs bare node:http', by('bare Express 5 from memory'), by('bare node:http from memory'));
      if (catalogCold) {
        results.compare('catalog list, cache off vs node:http + pg', by('catalog service, cache off'), by('node:http + pg, same SQL'), 0.8);
        if (gin) results.compare('catalog list, cache off vs Go Gin + pgx', by('catalog service, cache off'), by('Go Gin + pgx, same SQL'));
      } else {
        results.single('node:http + pg, same SQL', by('node:http + pg, same SQL'));
      }
      if (gin) results.compare('node:http + pg vs Go Gin + pgx', by('node:http + pg, same SQL'), by('Go Gin + pgx, same SQL'));
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  });
}

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.text();
}

/** A baseline must answer what the service answers (compared parsed: key spacing may differ), or it measures something else. */
export async function expectSameBody(label: string, url: string, expected: string): Promise<void> {
  const actual = await fetchText(url);
  if (JSON.stringify(JSON.parse(actual)) !== JSON.stringify(JSON.parse(expected))) {
    throw new Error(`${label} answered a different body than the service:\n${actual.slice(0, 400)}\n---\n${expected.slice(0, 400)}`);
  }
}
