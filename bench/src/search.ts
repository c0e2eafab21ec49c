// The search service over gRPC (interceptors, zod, the SearchProducts use case, PostgreSQL) over 10,000 products,
// beside the very same SQL statement (the service's own builder) run directly through pg in the same run:
// a text query with two facets (brand, in stock) and EUR prices, rotating over a few queries, 20 hits a page.
// The service runs in a child process (the load loop shares its event loop with neither subject); the two take
// turns over several rounds and the medians are compared. The ratio says what the service adds on top of the
// database's own work.
import { randomUUID } from 'node:crypto';
import { credentials, Metadata } from '@grpc/grpc-js';
import { createDatabase } from '@ecommerce/common/db';
import { migrateUp } from '@ecommerce/common/migrate';
import { createTestJwtIssuer } from '@ecommerce/common/testing';
import { SearchServiceClient, type SearchProductsRequest } from '@ecommerce/proto/search/v1/search';
import { buildSearchSql } from '@ecommerce/search/search-sql';
import pg from 'pg';
import { withBenchPostgres } from './bench-postgres.js';
import { callsPerSecond, runLoad, type LoadResult, type UnaryCall } from './grpc-load.js';
import type { Results } from './measure/results.js';
import { formatMeasured, measureRounds, type Subject } from './measure/rounds.js';
import { benchSettings } from './measure/settings.js';
import { startServiceProcess } from './process/grpc-servers.js';
import { repoPath } from './repo-path.js';

const PRODUCTS = Number(process.env.BENCH_SEARCH_PRODUCTS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_SEARCH_CONCURRENCY ?? 16);
const WARMUP_CALLS = 200;

const COLOURS = ['blue', 'red', 'green', 'black', 'white', 'yellow', 'grey', 'navy'];
const MATERIALS = ['ceramic', 'steel', 'oak', 'glass', 'linen', 'cotton', 'bamboo', 'copper'];
const NOUNS = ['mug', 'kettle', 'board', 'bowl', 'lamp', 'chair', 'towel', 'vase', 'pan', 'jar', 'knife', 'tray'];
const QUERIES = ['ceramic mug', 'blue kettle', 'oak board', 'glass vase', 'steel pan'];
const FACETS = ['brand', 'in_stock'];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

/** 10,000 products as the events would have left them: 20 brands, 5 x 4 categories, EUR prices, stock, ratings. */
async function seed(databaseUrl: string): Promise<void> {
  const db = createDatabase({ url: databaseUrl, schema: 'search', poolMax: 2 });
  try {
    const now = new Date();
    const brands = Array.from({ length: 20 }, (_, i) => ({ id: randomUUID(), name: `Brand ${i}`, source_time: now }));
    const roots = Array.from({ length: 5 }, (_, i) => ({ id: randomUUID(), parent_id: null, name: `Dept ${i}`, source_time: now }));
    const leaves = Array.from({ length: 20 }, (_, i) => ({ id: randomUUID(), parent_id: roots[i % 5]!.id, name: `Aisle ${i}`, source_time: now }));
    await db('brands').insert(brands);
    await db('categories').insert([...roots, ...leaves]);
    const rows = Array.from({ length: PRODUCTS }, (_, i) => {
      const colour = pick(COLOURS, i);
      const material = pick(MATERIALS, Math.floor(i / 8));
      const noun = pick(NOUNS, Math.floor(i / 64));
      const brand = pick(brands, i * 7);
      return {
        id: randomUUID(),
        sku: `BENCH-${i}`,
        slug: `bench-${i}`,
        name: `${colour[0]!.toUpperCase()}${colour.slice(1)} ${material} ${noun} ${i}`,
        description: `A ${material} ${noun} in ${colour}, made to last.`,
        brand_id: brand.id,
        brand_name: brand.name,
        category_id: pick(leaves, i * 3).id,
        attributes: JSON.stringify({ colour: [colour], material: [material] }),
        status: i % 10 === 9 ? 'draft' : 'active',
        created_at: new Date(now.getTime() - i * 1_000),
        source_time: now,
      };
    });
    for (let i = 0; i < rows.length; i += 1_000) {
      const chunk = rows.slice(i, i + 1_000);
      await db('products').insert(chunk);
      await db('prices').insert(chunk.map((p, j) => ({ sku: p.sku, currency: 'EUR', amount_minor: 500 + ((i + j) * 37) % 30_000, source_time: now })));
      await db('stock').insert(chunk.map((p, j) => ({ sku: p.sku, in_stock: (i + j) % 3 !== 0, source_time: now })));
      await db('ratings').insert(chunk.map((p, j) => ({ product_id: p.id, average: 1 + ((i + j) % 40) / 10, count: 1 + ((i + j) % 9), source_time: now })));
    }
    await db.raw('ANALYZE');
  } finally {
    await db.destroy();
  }
}

function request(n: number): SearchProductsRequest {
  return {
    query: pick(QUERIES, n), currency: 'EUR', categoryId: '', brandIds: [], attributes: [], minPriceMinor: 0, maxPriceMinor: 0,
    inStockOnly: false, minRating: 0, facets: FACETS, sort: 0, pageSize: 20, pageToken: '',
  };
}

/** The statement the service would run for request n, with knex's `?` placeholders as pg's `$n`. */
function statement(n: number): { text: string; values: unknown[] } {
  const built = buildSearchSql({
    text: pick(QUERIES, n), currency: 'EUR', categoryId: null, brandIds: [], attributes: [], minPriceMinor: null, maxPriceMinor: null,
    inStockOnly: false, minRating: null, facets: ['brand', 'in_stock'], sort: 'relevance', limit: 20, offset: 0,
  });
  let i = 0;
  return { text: built.text.replace(/\?/g, () => `$${++i}`), values: [...built.bindings] };
}

/** A load of one subject as a round's sample: queries/s and p99. */
function subject(label: string, call: UnaryCall): Subject {
  const load = (count: number) => runLoad(call, { count, concurrency: CONCURRENCY, maxSeconds: benchSettings.seconds });
  const sample = (r: LoadResult) => ({ value: callsPerSecond(r), p99Ms: r.p99Ms, failures: r.failures });
  return { label, unit: 'queries/s', warmup: async () => void (await load(WARMUP_CALLS)), run: async () => sample(await load(benchSettings.grpcCalls)) };
}

export async function runSearchBench(results: Results): Promise<void> {
  await withBenchPostgres('search_bench', async (databaseUrl) => {
    await migrateUp({ databaseUrl, service: 'search', dir: repoPath('migrations/search'), out: () => {} });
    await seed(databaseUrl);
    const issuer = await createTestJwtIssuer();
    const search = await startServiceProcess('search', {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HTTP_PORT: '0',
      GRPC_PORT: '0',
      GRPC_HOST: '127.0.0.1',
      HTTP_HOST: '127.0.0.1',
      JWT_PUBLIC_KEY: issuer.publicKeyPem,
      LOG_LEVEL: 'silent',
      RUN_MODE: 'embedded',
      DATABASE_POOL_MAX: String(CONCURRENCY),
    });
    const client = new SearchServiceClient(search.urls.grpc!, credentials.createInsecure());
    const pool = new pg.Pool({ connectionString: databaseUrl, max: CONCURRENCY, options: '-c search_path=search,public' });
    try {
      const answer = await new Promise<{ total: number; products: unknown[] }>((resolve, reject) =>
        client.searchProducts(request(0), new Metadata(), (err, res) => (err ? reject(err) : resolve(res))),
      );
      const direct = await pool.query(statement(0));
      if (answer.total !== direct.rows[0].total) throw new Error(`the service found ${answer.total}, the direct SQL ${direct.rows[0].total}: not the same query`);

      let n = 0;
      let m = 0;
      const [viaGrpc, viaPg] = await measureRounds(
        [
          subject('SearchProducts over gRPC', (done) => client.searchProducts(request(n++), new Metadata(), (err) => done(err))),
          subject('same SQL directly through pg', (done) => void pool.query(statement(m++)).then(() => done(), done)),
        ],
        benchSettings.rounds,
      );

      console.log(`search over ${PRODUCTS} products (10% drafts), text query + facets brand and in_stock, EUR, 20 hits; ${CONCURRENCY} calls in flight, ${benchSettings.rounds} rounds of up to ${benchSettings.grpcCalls} calls or ${benchSettings.seconds} s each, the service in its own process`);
      console.log(`"${QUERIES[0]}" matches ${answer.total} products`);
      console.log(formatMeasured(viaGrpc!));
      console.log(formatMeasured(viaPg!));
      results.compare('search text + 2 facets, gRPC vs same SQL via pg', viaGrpc!, viaPg!);
    } finally {
      client.close();
      await pool.end();
      await search.stop();
    }
  });
}
