// AuthorizePayment over gRPC through the payment service's full chain (interceptors, JWT, zod, the payment insert
// under its unique idempotency key, the row lock held across the test provider's call, the transaction record and
// the outbox event in one transaction), at 32 clients, each call a new order and key; then the same calls replayed
// with their keys (what a retrying saga costs); beside a bare grpc-js server answering the same message from
// memory. The test provider's webhooks are off, so only the synchronous path is measured. Afterwards the run checks
// one payment and one authorize transaction per distinct key (nothing lost, nothing doubled).
import { randomUUID } from 'node:crypto';
import { credentials, Metadata } from '@grpc/grpc-js';
import { createDatabase } from '@ecommerce/common/db';
import { migrateUp } from '@ecommerce/common/migrate';
import { createTestJwtIssuer } from '@ecommerce/common/testing';
import { PaymentServiceClient, PaymentServiceService, type AuthorizePaymentRequest, type Payment } from '@ecommerce/proto/payment/v1/payment';
import { withBenchPostgres } from './bench-postgres.js';
import { callsPerSecond, formatLoad, runLoad, startBareServerProcess, type BareServer, type UnaryCall, fileRatio } from './grpc-load.js';
import type { Results } from './measure/results.js';
import { startServiceProcess } from './process/grpc-servers.js';
import { repoPath } from './repo-path.js';

const CALLS = Number(process.env.BENCH_GRPC_CALLS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_PAYMENT_CONCURRENCY ?? 32);
const MAX_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_CALLS = 300;

/** Every load of this bench: CONCURRENCY calls in flight, up to `count` calls or MAX_SECONDS. */
const load = (call: UnaryCall, count: number) => runLoad(call, { count, concurrency: CONCURRENCY, maxSeconds: MAX_SECONDS });

export async function runPaymentBench(results: Results): Promise<void> {
  await withBenchPostgres('payment_bench', async (databaseUrl) => {
    await migrateUp({ databaseUrl, service: 'payment', dir: repoPath('migrations/payment'), out: () => {} });
    const issuer = await createTestJwtIssuer();
    const payment = await startServiceProcess('payment', {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HTTP_PORT: '0',
      GRPC_PORT: '0',
      GRPC_HOST: '127.0.0.1',
      HTTP_HOST: '127.0.0.1',
      JWT_PUBLIC_KEY: issuer.publicKeyPem,
      LOG_LEVEL: 'silent',
      DATABASE_POOL_MAX: String(CONCURRENCY),
      TEST_PROVIDER_WEBHOOKS: 'off',
    });
    const token = await issuer.sign({ sub: 'service:bench', roles: ['staff'] }, { expiresIn: '1h' });
    const client = new PaymentServiceClient(payment.urls.grpc!, credentials.createInsecure());
    const md = new Metadata();
    md.set('authorization', `Bearer ${token}`);
    const db = createDatabase({ url: databaseUrl, schema: 'payment', poolMax: 1 });
    let bare: BareServer | undefined;
    let bareClient: PaymentServiceClient | undefined;
    try {
      const run = randomUUID().slice(0, 8);
      const sent: AuthorizePaymentRequest[] = [];
      const request = (n: number): AuthorizePaymentRequest => ({
        orderId: `bench-${run}-${n}`,
        customerId: 'bench',
        amountMinor: 2_599,
        currency: 'EUR',
        paymentMethod: '4242424242424242',
        idempotencyKey: `bench-${run}-${n}`,
        provider: '',
      });
      const fresh: UnaryCall = (done) => {
        const r = request(sent.length);
        sent.push(r);
        client.authorizePayment(r, md, (err) => done(err));
      };
      let replayed = 0;
      const replay: UnaryCall = (done) => client.authorizePayment(sent[replayed++ % sent.length]!, md, (err) => done(err));
      const answer = await new Promise<Payment>((resolve, reject) => client.authorizePayment(request(-1), md, (err, res) => (err ? reject(err) : resolve(res))));
      bare = await startBareServerProcess(PaymentServiceService, 'authorizePayment', answer);
      bareClient = new PaymentServiceClient(bare.address, credentials.createInsecure());
      const bareCall: UnaryCall = (done) => bareClient!.authorizePayment(request(0), md, (err) => done(err));

      await load(fresh, WARMUP_CALLS);
      await load(bareCall, WARMUP_CALLS);
      const freshResult = await load(fresh, CALLS);
      const replayResult = await load(replay, CALLS);
      const floor = await load(bareCall, CALLS);

      console.log(`AuthorizePayment (test provider, webhooks off), ${CONCURRENCY} clients, up to ${CALLS} calls or ${MAX_SECONDS} s each, service and floor each in their own process`);
      console.log(formatLoad('new order and key each call', freshResult, 'authorizations/s'));
      console.log(formatLoad('replay of a known key', replayResult, 'authorizations/s'));
      console.log(formatLoad('bare grpc-js from memory', floor, 'authorizations/s'));
      fileRatio(results, 'payment AuthorizePayment, new', freshResult, floor);
      fileRatio(results, 'payment AuthorizePayment, replayed', replayResult, floor);
      console.log(`ratio new/bare: throughput ${(callsPerSecond(freshResult) / callsPerSecond(floor)).toFixed(3)}; replay/bare: ${(callsPerSecond(replayResult) / callsPerSecond(floor)).toFixed(3)}`);
      const { payments, authorizations, keys } = (await db.raw(
        `SELECT (SELECT count(*)::int FROM payments) AS payments,
                (SELECT count(*)::int FROM payment_transactions WHERE kind = 'authorize') AS authorizations,
                (SELECT count(DISTINCT idempotency_key)::int FROM payments) AS keys`,
      )).rows[0] as { payments: number; authorizations: number; keys: number };
      const expected = sent.length + 1;
      const ok = payments === expected && authorizations === expected && keys === expected;
      console.log(`check: ${expected} keys sent, ${payments} payments, ${authorizations} authorize transactions${ok ? ' (ok)' : ' (MISMATCH)'}`);
    } finally {
      client.close();
      bareClient?.close();
      await bare?.stop();
      await db.destroy();
      await payment.stop();
    }
  });
}
