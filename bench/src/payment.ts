// AuthorizePayment over gRPC through the payment service's full chain (interceptors, JWT, zod, the payment insert
// under its unique idempotency key, the row lock held across the test provider's call, the transaction record and
// the outbox event in one transaction), at 32 clients, each call a new order and key; then the same calls replayed
// with their keys (what a retrying saga costs); beside a bare grpc-js server answering the same message from
// memory. The test provider's webhooks are off, so only the synchronous path is measured. Afterwards the run checks
// one payment and one authorize transaction per distinct key (nothing lost, nothing doubled).
import { randomUUID } from 'node:crypto';
import { credentials, Metadata, Server, ServerCredentials, type sendUnaryData, type ServiceError } from '@grpc/grpc-js';
import { createDatabase } from '@ecommerce/common/db';
import { migrateUp } from '@ecommerce/common/migrate';
import { createTestJwtIssuer } from '@ecommerce/common/testing';
import { startPayment } from '@ecommerce/payment';
import { PaymentServiceClient, PaymentServiceService, type AuthorizePaymentRequest, type Payment } from '@ecommerce/proto/payment/v1/payment';
import { withBenchPostgres } from './bench-postgres.js';
import { repoPath } from './repo-path.js';

const CALLS = Number(process.env.BENCH_GRPC_CALLS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_PAYMENT_CONCURRENCY ?? 32);
const MAX_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_CALLS = 300;

interface LoadResult {
  calls: number;
  failures: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
}

type Call = (done: (err: ServiceError | null) => void) => void;

export async function runPaymentBench(): Promise<void> {
  await withBenchPostgres('payment_bench', async (databaseUrl) => {
    await migrateUp({ databaseUrl, service: 'payment', dir: repoPath('migrations/payment'), out: () => {} });
    const issuer = await createTestJwtIssuer();
    const payment = await startPayment({
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
    let bare: { address: string; stop(): Promise<void> } | undefined;
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
      const fresh: Call = (done) => {
        const r = request(sent.length);
        sent.push(r);
        client.authorizePayment(r, md, (err) => done(err));
      };
      let replayed = 0;
      const replay: Call = (done) => client.authorizePayment(sent[replayed++ % sent.length]!, md, (err) => done(err));
      const answer = await new Promise<Payment>((resolve, reject) => client.authorizePayment(request(-1), md, (err, res) => (err ? reject(err) : resolve(res))));
      bare = await startBareServer(answer);
      bareClient = new PaymentServiceClient(bare.address, credentials.createInsecure());
      const bareCall: Call = (done) => bareClient!.authorizePayment(request(0), md, (err) => done(err));

      await load(fresh, WARMUP_CALLS);
      await load(bareCall, WARMUP_CALLS);
      const freshResult = await load(fresh, CALLS);
      const replayResult = await load(replay, CALLS);
      const floor = await load(bareCall, CALLS);

      console.log(`AuthorizePayment (test provider, webhooks off), ${CONCURRENCY} clients, up to ${CALLS} calls or ${MAX_SECONDS} s each, client in the same process`);
      console.log(format('new order and key each call', freshResult));
      console.log(format('replay of a known key', replayResult));
      console.log(format('bare grpc-js from memory', floor));
      console.log(`ratio new/bare: throughput ${(rate(freshResult) / rate(floor)).toFixed(3)}; replay/bare: ${(rate(replayResult) / rate(floor)).toFixed(3)}`);
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

async function startBareServer(answer: Payment): Promise<{ address: string; stop(): Promise<void> }> {
  const server = new Server();
  const unimplemented = () => {
    throw new Error('the bench calls AuthorizePayment only');
  };
  const handlers = Object.fromEntries(Object.keys(PaymentServiceService).map((k) => [k, unimplemented]));
  server.addService(PaymentServiceService, { ...handlers, authorizePayment: (_call: unknown, callback: sendUnaryData<Payment>) => callback(null, answer) });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return { address: `127.0.0.1:${port}`, stop: () => new Promise<void>((r) => server.tryShutdown(() => r())) };
}

const rate = (r: LoadResult) => r.calls / r.seconds;

function format(label: string, r: LoadResult): string {
  return `${label.padEnd(30)} ${rate(r).toFixed(0).padStart(8)} authorizations/s   p50 ${r.p50Ms.toFixed(2).padStart(6)} ms   p99 ${r.p99Ms.toFixed(2).padStart(6)} ms   (${r.calls} calls, ${r.failures} failed)`;
}
