// The loyalty service over gRPC through its full chain (interceptors, JWT, zod, PostgreSQL), in one run beside a
// bare grpc-js server answering the same message from memory:
// - ReserveRedemption on 1,000 funded accounts: each call locks its account row, takes points from the oldest
//   lots and writes a ledger entry, the lot consumption, the redemption and an outbox event in one transaction;
// - ReleaseRedemption of those reservations (the checkout saga's compensation: the points go back to their lots);
// - GetAccount (balance, tier by rolling spend, points expiring soon).
// The run then checks the ledger invariant: every balance = the sum of its entries = what its lots hold.
import { randomUUID } from 'node:crypto';
import { credentials, Metadata, Server, ServerCredentials, type sendUnaryData, type ServiceError } from '@grpc/grpc-js';
import { createDatabase } from '@ecommerce/common/db';
import { migrateUp } from '@ecommerce/common/migrate';
import { createTestJwtIssuer } from '@ecommerce/common/testing';
import { startLoyalty } from '@ecommerce/loyalty';
import { LoyaltyServiceClient, LoyaltyServiceService, type ReserveRedemptionResponse } from '@ecommerce/proto/loyalty/v1/loyalty';
import { withBenchPostgres } from './bench-postgres.js';
import { repoPath } from './repo-path.js';

const CALLS = Number(process.env.BENCH_GRPC_CALLS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_LOYALTY_CONCURRENCY ?? 32);
const MAX_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_CALLS = 300;
const ACCOUNTS = 1_000;

interface LoadResult {
  calls: number;
  failures: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
}

type Call = (done: (err: ServiceError | null) => void) => void;

export async function runLoyaltyBench(): Promise<void> {
  await withBenchPostgres('loyalty_bench', async (databaseUrl) => {
    await migrateUp({ databaseUrl, service: 'loyalty', dir: repoPath('migrations/loyalty'), out: () => {} });
    const issuer = await createTestJwtIssuer();
    const loyalty = await startLoyalty({
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
    const db = createDatabase({ url: databaseUrl, schema: 'loyalty', poolMax: 1 });
    const client = new LoyaltyServiceClient(loyalty.urls.grpc!, credentials.createInsecure());
    const staff = new Metadata();
    staff.set('authorization', `Bearer ${await issuer.sign({ sub: 'bench-saga', roles: ['staff'] }, { expiresIn: '1h' })}`);
    let bare: { address: string; stop(): Promise<void> } | undefined;
    let bareClient: LoyaltyServiceClient | undefined;
    try {
      const customers = Array.from({ length: ACCOUNTS }, () => randomUUID());
      // Every account funded before the clock starts (not bounded by MAX_SECONDS, unlike the measured loads).
      for (let i = 0; i < ACCOUNTS; i += CONCURRENCY) {
        await Promise.all(
          customers.slice(i, i + CONCURRENCY).map(
            (customerId) => new Promise<void>((resolve, reject) => client.adjustPoints({ customerId, points: 100_000_000, reason: 'bench' }, staff, (err) => (err ? reject(err) : resolve()))),
          ),
        );
      }

      const reserved: string[] = [];
      let n = 0;
      const reserveRequest = () => {
        n += 1;
        return { reference: randomUUID(), customerId: customers[n % ACCOUNTS]!, points: 100, currency: 'EUR' };
      };
      const reserve: Call = (done) => {
        const request = reserveRequest();
        client.reserveRedemption(request, staff, (err) => {
          if (!err) reserved.push(request.reference);
          done(err);
        });
      };
      let r = 0;
      const release: Call = (done) => client.releaseRedemption({ reference: reserved[r++ % reserved.length]! }, staff, (err) => done(err));
      let g = 0;
      const getAccount: Call = (done) => client.getAccount({ customerId: customers[g++ % ACCOUNTS]! }, staff, (err) => done(err));

      const answer = await new Promise<ReserveRedemptionResponse>((resolve, reject) => client.reserveRedemption(reserveRequest(), staff, (err, res) => (err ? reject(err) : resolve(res))));
      bare = await startBareServer(answer);
      bareClient = new LoyaltyServiceClient(bare.address, credentials.createInsecure());
      const bareCall: Call = (done) => bareClient!.reserveRedemption(reserveRequest(), staff, (err) => done(err));

      await load(reserve, WARMUP_CALLS);
      await load(bareCall, WARMUP_CALLS);
      const reserving = await load(reserve, CALLS);
      const releasing = await load(release, Math.min(CALLS, reserved.length));
      const reading = await load(getAccount, CALLS);
      const floor = await load(bareCall, CALLS);

      console.log(`loyalty over gRPC, ${CONCURRENCY} clients, up to ${CALLS} calls or ${MAX_SECONDS} s each, client in the same process`);
      console.log(format(`ReserveRedemption, ${ACCOUNTS} accounts`, reserving));
      console.log(format('ReleaseRedemption', releasing));
      console.log(format('GetAccount', reading));
      console.log(format('bare grpc-js from memory', floor));
      console.log(`ratio reserve/bare: throughput ${(rate(reserving) / rate(floor)).toFixed(3)}, p99 ${(reserving.p99Ms / Math.max(floor.p99Ms, 0.001)).toFixed(2)}x`);
      const { rows } = await db.raw(`
        SELECT count(*)::int AS accounts,
               count(*) FILTER (WHERE a.balance <> COALESCE(e.total, 0) OR a.balance <> COALESCE(l.total, 0))::int AS mismatched
        FROM accounts a
        LEFT JOIN (SELECT customer_id, SUM(points)::bigint AS total FROM ledger_entries GROUP BY customer_id) e USING (customer_id)
        LEFT JOIN (SELECT customer_id, SUM(remaining)::bigint AS total FROM point_lots GROUP BY customer_id) l USING (customer_id)`);
      const check = rows[0] as { accounts: number; mismatched: number };
      console.log(`check: ${check.accounts} accounts, ${check.mismatched} whose balance differs from its ledger or lots${check.mismatched === 0 ? ' (ok)' : ' (MISMATCH)'}`);
    } finally {
      client.close();
      bareClient?.close();
      await bare?.stop();
      await db.destroy();
      await loyalty.stop();
    }
  });
}

/** Keeps CONCURRENCY calls in flight until `count` have completed or MAX_SECONDS have passed. */
function load(call: Call, count: number): Promise<LoadResult> {
  const latencies = new Float64Array(count);
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(MAX_SECONDS) * 1_000_000_000n;
  let issued = 0;
  let completed = 0;
  let failures = 0;
  return new Promise((resolve) => {
    const finish = () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const sorted = latencies.subarray(0, completed).sort();
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      resolve({ calls: completed, failures, seconds, p50Ms: at(0.5), p99Ms: at(0.99) });
    };
    const next = () => {
      if (issued >= count || process.hrtime.bigint() > deadline) {
        if (completed === issued) finish();
        return;
      }
      issued += 1;
      const t0 = process.hrtime.bigint();
      call((err) => {
        latencies[completed] = Number(process.hrtime.bigint() - t0) / 1e6;
        completed += 1;
        if (err) failures += 1;
        next();
      });
    };
    for (let i = 0; i < Math.min(CONCURRENCY, count); i += 1) next();
  });
}

async function startBareServer(answer: ReserveRedemptionResponse): Promise<{ address: string; stop(): Promise<void> }> {
  const server = new Server();
  const unimplemented = () => {
    throw new Error('the bench calls ReserveRedemption only');
  };
  const handlers = Object.fromEntries(Object.keys(LoyaltyServiceService).map((k) => [k, unimplemented]));
  server.addService(LoyaltyServiceService, { ...handlers, reserveRedemption: (_call: unknown, callback: sendUnaryData<ReserveRedemptionResponse>) => callback(null, answer) });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return { address: `127.0.0.1:${port}`, stop: () => new Promise<void>((r) => server.tryShutdown(() => r())) };
}

const rate = (r: LoadResult) => r.calls / r.seconds;

function format(label: string, r: LoadResult): string {
  return `${label.padEnd(34)} ${rate(r).toFixed(0).padStart(8)} calls/s   p50 ${r.p50Ms.toFixed(2).padStart(6)} ms   p99 ${r.p99Ms.toFixed(2).padStart(6)} ms   (${r.calls} calls, ${r.failures} failed)`;
}
