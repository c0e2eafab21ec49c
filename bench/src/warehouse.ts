// Reserve over gRPC through the warehouse service's full chain (interceptors, JWT, zod, the reservation insert,
// FOR UPDATE on the SKU's stock levels, the ledger movement, the allocation rows and the outbox events in one
// transaction), at 32 clients: all on one hot SKU (every call waits for the same row lock), and spread over 1,000
// SKUs; beside a bare grpc-js server answering the same message from memory, in the same run. Each call reserves
// one unit under a new reference; the stock is large enough never to run out, and the run checks afterwards that
// reserved equals the successful calls (nothing lost, nothing doubled).
import { randomUUID } from 'node:crypto';
import { credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { createDatabase } from '@ecommerce/common/db';
import { migrateUp } from '@ecommerce/common/migrate';
import { createTestJwtIssuer } from '@ecommerce/common/testing';
import { WarehouseServiceClient, WarehouseServiceService, type CreateLocationRequest, type CreateLocationResponse, type Reservation, type ReserveRequest } from '@ecommerce/proto/warehouse/v1/warehouse';
import { withBenchPostgres } from './bench-postgres.js';
import { callsPerSecond, formatLoad, runLoad, startBareServerProcess, type BareServer, type UnaryCall, fileRatio } from './grpc-load.js';
import type { Results } from './measure/results.js';
import { startServiceProcess } from './process/grpc-servers.js';
import { repoPath } from './repo-path.js';

const CALLS = Number(process.env.BENCH_GRPC_CALLS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_WAREHOUSE_CONCURRENCY ?? 32);
const MAX_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_CALLS = 300;
const SPREAD_SKUS = 1_000;
const STOCK_PER_SKU = 1_000_000; // the most one receipt line takes; far more than a run reserves

/** Every load of this bench: CONCURRENCY calls in flight, up to `count` calls or MAX_SECONDS. */
const load = (call: UnaryCall, count: number) => runLoad(call, { count, concurrency: CONCURRENCY, maxSeconds: MAX_SECONDS });

type Unary<Req, Res> = (req: Req, md: Metadata, cb: (err: ServiceError | null, res: Res) => void) => unknown;
const unary = <Req, Res>(fn: Unary<Req, Res>, req: Req, md: Metadata) =>
  new Promise<Res>((resolve, reject) => fn(req, md, (err, res) => (err ? reject(err) : resolve(res))));

/** One location; the hot SKU and 1,000 spread SKUs, each with more stock than a run can reserve. */
async function seed(client: WarehouseServiceClient, md: Metadata): Promise<{ hot: string; spread: string[] }> {
  const { location } = await unary<CreateLocationRequest, CreateLocationResponse>(client.createLocation.bind(client), { code: 'BENCH', name: 'Bench', address: '', country: 'DE', priority: 1, active: true }, md);
  const hot = 'BENCH-HOT';
  const spread = Array.from({ length: SPREAD_SKUS }, (_, i) => `BENCH-${i}`);
  const all = [hot, ...spread];
  for (const sku of all) await unary(client.setStockItem.bind(client), { sku, tracked: true, backorderAllowed: false, lowStockThreshold: 0 }, md);
  for (let i = 0; i < all.length; i += 200) {
    const lines = all.slice(i, i + 200).map((sku) => ({ sku, quantity: STOCK_PER_SKU }));
    await unary(client.receiveStock.bind(client), { locationId: location!.id, lines, reference: 'bench' }, md);
  }
  return { hot, spread };
}

export async function runWarehouseBench(results: Results): Promise<void> {
  await withBenchPostgres('warehouse_bench', async (databaseUrl) => {
    await migrateUp({ databaseUrl, service: 'warehouse', dir: repoPath('migrations/warehouse'), out: () => {} });
    const issuer = await createTestJwtIssuer();
    const warehouse = await startServiceProcess('warehouse', {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HTTP_PORT: '0',
      GRPC_PORT: '0',
      GRPC_HOST: '127.0.0.1',
      HTTP_HOST: '127.0.0.1',
      JWT_PUBLIC_KEY: issuer.publicKeyPem,
      LOG_LEVEL: 'silent',
      DATABASE_POOL_MAX: String(CONCURRENCY),
    });
    const token = await issuer.sign({ sub: 'service:bench', roles: ['staff'] }, { expiresIn: '1h' });
    const client = new WarehouseServiceClient(warehouse.urls.grpc!, credentials.createInsecure());
    const md = new Metadata();
    md.set('authorization', `Bearer ${token}`);
    const db = createDatabase({ url: databaseUrl, schema: 'warehouse', poolMax: 1 });
    let bare: BareServer | undefined;
    let bareClient: WarehouseServiceClient | undefined;
    try {
      const { hot, spread } = await seed(client, md);
      const run = randomUUID().slice(0, 8);
      let n = 0;
      const request = (sku: string): ReserveRequest => ({ reference: `bench-${run}-${(n += 1)}`, lines: [{ sku, quantity: 1 }], ttlSeconds: 900, country: 'DE' });
      const reserveOn = (pick: () => string): UnaryCall => (done) => client.reserve(request(pick()), md, (err) => done(err));
      const hotCall = reserveOn(() => hot);
      const spreadCall = reserveOn(() => spread[Math.floor(Math.random() * spread.length)]!);

      const answer = await unary<ReserveRequest, Reservation>(client.reserve.bind(client), request(hot), md);
      bare = await startBareServerProcess(WarehouseServiceService, 'reserve', answer);
      bareClient = new WarehouseServiceClient(bare.address, credentials.createInsecure());
      const bareCall: UnaryCall = (done) => bareClient!.reserve(request(hot), md, (err) => done(err));

      await load(hotCall, WARMUP_CALLS);
      await load(spreadCall, WARMUP_CALLS);
      await load(bareCall, WARMUP_CALLS);
      const hotResult = await load(hotCall, CALLS);
      const spreadResult = await load(spreadCall, CALLS);
      const floor = await load(bareCall, CALLS);

      console.log(`Reserve (1 unit, new reference each), ${CONCURRENCY} clients, up to ${CALLS} calls or ${MAX_SECONDS} s each, service and floor each in their own process`);
      console.log(formatLoad('hot SKU (all clients on one SKU)', hotResult, 'reservations/s'));
      console.log(formatLoad(`${SPREAD_SKUS} SKUs spread`, spreadResult, 'reservations/s'));
      console.log(formatLoad('bare grpc-js from memory', floor, 'reservations/s'));
      fileRatio(results, 'warehouse Reserve, one hot SKU', hotResult, floor);
      fileRatio(results, 'warehouse Reserve, spread SKUs', spreadResult, floor);
      console.log(`ratio hot/bare: throughput ${(callsPerSecond(hotResult) / callsPerSecond(floor)).toFixed(3)}; spread/bare: ${(callsPerSecond(spreadResult) / callsPerSecond(floor)).toFixed(3)}`);
      // Nothing lost, nothing doubled: the locks held under load, as the ledger says.
      const { reserved, reservations } = (await db.raw(
        `SELECT (SELECT coalesce(sum(reserved), 0)::bigint FROM stock_levels) AS reserved,
                (SELECT count(*)::bigint FROM reservations) AS reservations`,
      )).rows[0] as { reserved: number; reservations: number };
      const { drift } = (await db.raw(
        `SELECT count(*)::bigint AS drift FROM stock_levels l
         WHERE l.reserved <> (SELECT coalesce(sum(m.reserved_delta), 0) FROM stock_movements m WHERE m.sku = l.sku AND m.location_id = l.location_id)`,
      )).rows[0] as { drift: number };
      console.log(`check: ${reservations} reservations, ${reserved} units reserved, ${drift} levels off their ledger${reserved === reservations && drift === 0 ? ' (ok)' : ' (MISMATCH)'}`);
    } finally {
      client.close();
      bareClient?.close();
      await bare?.stop();
      await db.destroy();
      await warehouse.stop();
    }
  });
}
