// CalculatePrices for a 20-line cart over gRPC, through the pricing service's full chain (interceptors, zod
// validation, the cart read of prices, lists, tax classes, catalog state and tax regions from PostgreSQL, selection
// and tax), beside a bare grpc-js server answering the same message from memory, in the same run.
import { credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { migrateUp } from '@ecommerce/common/migrate';
import { createTestJwtIssuer } from '@ecommerce/common/testing';
import {
  PriceListType, PricingServiceClient, PricingServiceService, TaxRounding,
  type CalculatePricesRequest, type CalculatePricesResponse, type CreatePriceListRequest, type CreatePriceListResponse,
} from '@ecommerce/proto/pricing/v1/pricing';
import { withBenchPostgres } from './bench-postgres.js';
import { formatLoad, formatRatio, runLoad, startBareServerProcess, type UnaryCall, fileRatio } from './grpc-load.js';
import type { Results } from './measure/results.js';
import { startServiceProcess } from './process/grpc-servers.js';
import { repoPath } from './repo-path.js';

const CALLS = Number(process.env.BENCH_GRPC_CALLS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_GRPC_CONCURRENCY ?? 50);
const MAX_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_CALLS = 500;
const LINES = 20;
const LISTS = 10;

/** Every load of this bench: CONCURRENCY calls in flight, up to `count` calls or MAX_SECONDS. */
const load = (call: UnaryCall, count: number) => runLoad(call, { count, concurrency: CONCURRENCY, maxSeconds: MAX_SECONDS });

type Unary<Req, Res> = (req: Req, md: Metadata, cb: (err: ServiceError | null, res: Res) => void) => unknown;
const unary = <Req, Res>(fn: Unary<Req, Res>, req: Req, md: Metadata) =>
  new Promise<Res>((resolve, reject) => fn(req, md, (err, res) => (err ? reject(err) : resolve(res))));

/** 20 SKUs with tiered base prices, 10 active lists (sale and override, some targeted) and an inclusive tax region. */
async function seed(client: PricingServiceClient, md: Metadata): Promise<string[]> {
  const skus = Array.from({ length: LINES }, (_, i) => `BENCH-${i}`);
  for (const [i, sku] of skus.entries()) {
    const tiers = [
      { minQuantity: 1, maxQuantity: 9, amountMinor: 1000 + i * 37 },
      { minQuantity: 10, maxQuantity: 0, amountMinor: 900 + i * 31 },
    ];
    await unary(client.setBasePrice.bind(client), { sku, currency: 'EUR', tiers }, md);
  }
  for (let l = 0; l < LISTS; l += 1) {
    const { priceList } = await unary<CreatePriceListRequest, CreatePriceListResponse>(client.createPriceList.bind(client), {
      name: `bench list ${l}`,
      type: l % 2 === 0 ? PriceListType.PRICE_LIST_TYPE_SALE : PriceListType.PRICE_LIST_TYPE_OVERRIDE,
      customerGroups: l % 3 === 0 ? ['vip'] : [],
      countries: l % 4 === 0 ? ['NL'] : [],
      channels: [],
    }, md);
    for (const sku of skus.filter((_, i) => i % LISTS === l || i % 3 === l % 3)) {
      await unary(client.setPriceListPrice.bind(client), { priceListId: priceList!.id, sku, currency: 'EUR', tiers: [{ minQuantity: 1, maxQuantity: 0, amountMinor: 950 - l * 10 }] }, md);
    }
    await unary(client.activatePriceList.bind(client), { id: priceList!.id }, md);
  }
  await unary(client.setTaxRegion.bind(client), {
    country: 'NL', province: '', name: 'Netherlands', pricesIncludeTax: true, rounding: TaxRounding.TAX_ROUNDING_PER_LINE,
    rates: [{ name: 'BTW', rateBps: 2100, taxClass: 'standard' }],
  }, md);
  return skus;
}

export async function runPricingBench(results: Results): Promise<void> {
  await withBenchPostgres('pricing_bench', async (databaseUrl) => {
    await migrateUp({ databaseUrl, service: 'pricing', dir: repoPath('migrations/pricing'), out: () => {} });
    const issuer = await createTestJwtIssuer();
    const pricing = await startServiceProcess('pricing', {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HTTP_PORT: '0',
      GRPC_PORT: '0',
      GRPC_HOST: '127.0.0.1',
      HTTP_HOST: '127.0.0.1',
      JWT_PUBLIC_KEY: issuer.publicKeyPem,
      LOG_LEVEL: 'silent',
    });
    const staff = new Metadata();
    staff.set('authorization', `Bearer ${await issuer.sign({ sub: 'bench', roles: ['staff'] }, { expiresIn: '1h' })}`);
    const anonymous = new Metadata();
    const serviceClient = new PricingServiceClient(pricing.urls.grpc!, credentials.createInsecure());
    const skus = await seed(serviceClient, staff);
    const request: CalculatePricesRequest = {
      currency: 'EUR', country: 'NL', province: '', customerGroups: ['vip', 'staff'], channel: 'web',
      lines: skus.map((sku, i) => ({ sku, quantity: 1 + (i % 12) })),
    };
    const answer = await unary<CalculatePricesRequest, CalculatePricesResponse>(serviceClient.calculatePrices.bind(serviceClient), request, anonymous);
    const bare = await startBareServerProcess(PricingServiceService, 'calculatePrices', answer);
    const bareClient = new PricingServiceClient(bare.address, credentials.createInsecure());
    try {
      const callService: UnaryCall = (done) => serviceClient.calculatePrices(request, anonymous, (err) => done(err));
      const callBare: UnaryCall = (done) => bareClient.calculatePrices(request, anonymous, (err) => done(err));
      await load(callService, WARMUP_CALLS);
      await load(callBare, WARMUP_CALLS);
      const service = await load(callService, CALLS);
      const floor = await load(callBare, CALLS);
      console.log(`CalculatePrices, ${LINES}-line cart, ${LISTS} active lists, ${CONCURRENCY} calls in flight, up to ${CALLS} calls or ${MAX_SECONDS} s each`);
      console.log(formatLoad('pricing service (full chain + PG)', service));
      console.log(formatLoad('bare grpc-js from memory', floor));
      console.log(formatRatio('service/bare', service, floor));
      fileRatio(results, 'pricing CalculatePrices', service, floor);
    } finally {
      serviceClient.close();
      bareClient.close();
      await bare.stop();
      await pricing.stop();
    }
  });
}
