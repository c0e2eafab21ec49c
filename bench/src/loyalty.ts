// The loyalty service over gRPC through its full chain (interceptors, JWT, zod, PostgreSQL), in one run beside a
// bare grpc-js server answering the same message from memory:
// - ReserveRedemption on 1,000 funded accounts: each call locks its account row, takes points from the oldest
//   lots and writes a ledger entry, the lot consumption, the redemption and an outbox event in one transaction;
// - ReleaseRedemption of those reservations (the checkout saga's compensation: the points go back to their lots);
// - GetAccount (balance, tier by rolling spend, points expiring soon).
// The run then checks the ledger invariant: every balance = the sum of its entries = what its lots hold.
import { randomUUID } from 'node:crypto';
import { credentials, Metadata } from '@grpc/grpc-js';
import { createDatabase } from '@ecommerce/common/db';
import { migrateUp } from '@ecommerce/common/migrate';
import { createTestJwtIssuer } from '@ecommerce/common/testing';
import { LoyaltyServiceClient, LoyaltyServiceService, type ReserveRedemptionResponse } from '@ecommerce/proto/loyalty/v1/loyalty';
import { withBenchPostgres } from './bench-postgres.js';
import { formatLoad, formatRatio, runLoad, startBareServerProcess, type BareServer, type UnaryCall, fileRatio } from './grpc-load.js';
import type { Results } from './measure/results.js';
import { startServiceProcess } from './process/grpc-servers.js';
import { repoPath } from './repo-path.js';

const CALLS = Number(process.env.BENCH_GRPC_CALLS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_LOYALTY_CONCURRENCY ?? 32);
const MAX_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_CALLS = 300;
const ACCOUNTS = 1_000;

/** Every load of this bench: CONCURRENCY calls in flight, up to `count` calls or MAX_SECONDS. */
const load = (call: UnaryCall, count: number) => runLoad(call, { count, concurrency: CONCURRENCY, maxSeconds: MAX_SECONDS });

export async function runLoyaltyBench(results: Results): Promise<void> {
  await withBenchPostgres('loyalty_bench', async (databaseUrl) => {
    await migrateUp({ databaseUrl, service: 'loyalty', dir: repoPath('migrations/loyalty'), out: () => {} });
    const issuer = await createTestJwtIssuer();
    const loyalty = await startServiceProcess('loyalty', {
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
    let bare: BareServer | undefined;
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
      const reserve: UnaryCall = (done) => {
        const request = reserveRequest();
        client.reserveRedemption(request, staff, (err) => {
          if (!err) reserved.push(request.reference);
          done(err);
        });
      };
      let r = 0;
      const release: UnaryCall = (done) => client.releaseRedemption({ reference: reserved[r++ % reserved.length]! }, staff, (err) => done(err));
      let g = 0;
      const getAccount: UnaryCall = (done) => client.getAccount({ customerId: customers[g++ % ACCOUNTS]! }, staff, (err) => done(err));

      const answer = await new Promise<ReserveRedemptionResponse>((resolve, reject) => client.reserveRedemption(reserveRequest(), staff, (err, res) => (err ? reject(err) : resolve(res))));
      bare = await startBareServerProcess(LoyaltyServiceService, 'reserveRedemption', answer);
      bareClient = new LoyaltyServiceClient(bare.address, credentials.createInsecure());
      const bareCall: UnaryCall = (done) => bareClient!.reserveRedemption(reserveRequest(), staff, (err) => done(err));

      await load(reserve, WARMUP_CALLS);
      await load(bareCall, WARMUP_CALLS);
      const reserving = await load(reserve, CALLS);
      const releasing = await load(release, Math.min(CALLS, reserved.length));
      const reading = await load(getAccount, CALLS);
      const floor = await load(bareCall, CALLS);

      console.log(`loyalty over gRPC, ${CONCURRENCY} clients, up to ${CALLS} calls or ${MAX_SECONDS} s each, service and floor each in their own process`);
      console.log(formatLoad(`ReserveRedemption, ${ACCOUNTS} accounts`, reserving));
      console.log(formatLoad('ReleaseRedemption', releasing));
      console.log(formatLoad('GetAccount', reading));
      console.log(formatLoad('bare grpc-js from memory', floor));
      console.log(formatRatio('reserve/bare', reserving, floor));
      fileRatio(results, 'loyalty ReserveRedemption', reserving, floor);
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
