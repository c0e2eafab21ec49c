// QuoteRates over gRPC through the shipping service's full chain (interceptors, zod, the zones of the country
// from PostgreSQL, zone selection by postcode pattern, pricing by weight tier) as an anonymous caller, against a
// bare grpc-js server answering the same message from memory, in the same run. The catalogue: 40 countries with a
// country-wide zone each, plus in France a province zone and a postcode zone, every zone with a flat, a tiered
// and a pickup option; the quoted destination falls in the postcode zone.
import { credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { migrateUp } from '@ecommerce/common/migrate';
import { createTestJwtIssuer } from '@ecommerce/common/testing';
import { ShippingServiceClient, ShippingServiceService, type CreateOptionRequest, type CreateOptionResponse, type CreateZoneRequest, type CreateZoneResponse, type QuoteRatesRequest, type QuoteRatesResponse } from '@ecommerce/proto/shipping/v1/shipping';
import { withBenchPostgres } from './bench-postgres.js';
import { formatLoad, formatRatio, runLoad, startBareServerProcess, type UnaryCall, fileRatio } from './grpc-load.js';
import type { Results } from './measure/results.js';
import { startServiceProcess } from './process/grpc-servers.js';
import { repoPath } from './repo-path.js';

const CALLS = Number(process.env.BENCH_GRPC_CALLS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_GRPC_CONCURRENCY ?? 50);
const MAX_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_CALLS = 500;
const COUNTRIES = ['FR', 'DE', 'BE', 'NL', 'LU', 'AT', 'CH', 'IT', 'ES', 'PT', 'IE', 'GB', 'DK', 'SE', 'NO', 'FI', 'PL', 'CZ', 'SK', 'HU',
  'RO', 'BG', 'GR', 'HR', 'SI', 'EE', 'LV', 'LT', 'MT', 'CY', 'IS', 'US', 'CA', 'MX', 'BR', 'AR', 'JP', 'KR', 'AU', 'NZ'];

/** Every load of this bench: CONCURRENCY calls in flight, up to `count` calls or MAX_SECONDS. */
const load = (call: UnaryCall, count: number) => runLoad(call, { count, concurrency: CONCURRENCY, maxSeconds: MAX_SECONDS });

const QUOTE: QuoteRatesRequest = {
  destination: { country: 'FR', province: 'IDF', postcode: '75011', city: 'Paris', line1: '1 rue Oberkampf', name: 'Bench' },
  weightGrams: 1_800,
  subtotalMinor: 4_500,
  currency: 'EUR',
};

export async function runShippingBench(results: Results): Promise<void> {
  await withBenchPostgres('shipping_bench', async (databaseUrl) => {
    await migrateUp({ databaseUrl, service: 'shipping', dir: repoPath('migrations/shipping'), out: () => {} });
    const issuer = await createTestJwtIssuer();
    const shipping = await startServiceProcess('shipping', {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HTTP_PORT: '0',
      GRPC_PORT: '0',
      GRPC_HOST: '127.0.0.1',
      HTTP_HOST: '127.0.0.1',
      JWT_PUBLIC_KEY: issuer.publicKeyPem,
      LOG_LEVEL: 'silent',
    });
    const client = new ShippingServiceClient(shipping.urls.grpc!, credentials.createInsecure());
    const staff = new Metadata();
    staff.set('authorization', `Bearer ${await issuer.sign({ sub: 'bench', roles: ['staff'] }, { expiresIn: '1h' })}`);
    const anonymous = new Metadata();
    const unary = <Req, Res>(method: (r: Req, m: Metadata, cb: (err: ServiceError | null, res: Res) => void) => unknown, request: Req, metadata = staff) =>
      new Promise<Res>((resolve, reject) => method.call(client, request, metadata, (err, res) => (err ? reject(err) : resolve(res))));

    const zones: CreateZoneRequest[] = [
      ...COUNTRIES.map((country) => ({ name: `All of ${country}`, countries: [country], provinces: [], postcodePatterns: [] })),
      { name: 'Ile-de-France', countries: ['FR'], provinces: ['IDF'], postcodePatterns: [] },
      { name: 'Paris', countries: ['FR'], provinces: [], postcodePatterns: ['75*', '92000..92999', '93*', '94*'] },
    ];
    for (const zone of zones) {
      const { zone: created } = await unary<CreateZoneRequest, CreateZoneResponse>(client.createZone, zone);
      const zoneId = created!.id;
      const option = (request: CreateOptionRequest) => unary<CreateOptionRequest, CreateOptionResponse>(client.createOption, request);
      const common = { zoneId, currency: 'EUR', freeOverMinor: 0, minDays: 2, maxDays: 4, weightTiers: [], amountMinor: 0 };
      await option({ ...common, name: 'Standard', kind: 'flat', amountMinor: 690, freeOverMinor: 6_000 });
      await option({
        ...common,
        name: 'Express',
        kind: 'weight_tiered',
        weightTiers: [{ maxWeightGrams: 1_000, amountMinor: 990 }, { maxWeightGrams: 5_000, amountMinor: 1_490 }, { maxWeightGrams: 20_000, amountMinor: 2_490 }],
        minDays: 1,
        maxDays: 1,
      });
      await option({ ...common, name: 'Pickup point', kind: 'pickup', amountMinor: 0, minDays: 3, maxDays: 5 });
    }

    const answer = await unary<QuoteRatesRequest, QuoteRatesResponse>(client.quoteRates, QUOTE, anonymous);
    if (answer.options.length !== 3) throw new Error(`expected 3 quotes for the bench destination, got ${answer.options.length}`);
    const bare = await startBareServerProcess(ShippingServiceService, 'quoteRates', answer);
    const bareClient = new ShippingServiceClient(bare.address, credentials.createInsecure());
    try {
      const callService: UnaryCall = (done) => client.quoteRates(QUOTE, anonymous, (err) => done(err));
      const callBare: UnaryCall = (done) => bareClient.quoteRates(QUOTE, anonymous, (err) => done(err));
      await load(callService, WARMUP_CALLS);
      await load(callBare, WARMUP_CALLS);
      const service = await load(callService, CALLS);
      const floor = await load(callBare, CALLS);
      console.log(`QuoteRates unary (anonymous), ${zones.length} zones / ${zones.length * 3} options, ${CONCURRENCY} calls in flight, up to ${CALLS} calls or ${MAX_SECONDS} s each`);
      console.log(formatLoad('shipping service (full chain + PG)', service));
      console.log(formatLoad('bare grpc-js from memory', floor));
      console.log(formatRatio('service/bare', service, floor));
      fileRatio(results, 'shipping QuoteRates', service, floor);
    } finally {
      client.close();
      bareClient.close();
      await bare.stop();
      await shipping.stop();
    }
  });
}
