// Checkout over gRPC through the order service's full chain at 32 clients: the lease on the cart, re-pricing,
// and the saga (saga state and step log in PostgreSQL, the order, its lines and history, the confirmation with
// the outbox event), with the five participants (pricing, promotion, warehouse, payment, shipping) answering
// from memory so the figure is the order service's own cost; beside a bare grpc-js server answering the same
// CheckoutResponse from memory, in the same run. Every checkout uses its own cart, prepared beforehand, and the
// run checks afterwards that every call confirmed one order (nothing lost, nothing doubled).
import { randomUUID } from 'node:crypto';
import { credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { createDatabase } from '@ecommerce/common/db';
import { migrateUp } from '@ecommerce/common/migrate';
import { createTestJwtIssuer } from '@ecommerce/common/testing';
import { startOrder, type OrderOverrides } from '@ecommerce/order';
import { OrderServiceClient, OrderServiceService, type CheckoutRequest, type CheckoutResponse, type CreateCartRequest, type CreateCartResponse } from '@ecommerce/proto/order/v1/order';
import { withBenchPostgres } from './bench-postgres.js';
import { callsPerSecond, formatLoad, formatRatio, runLoad, startBareServer, type UnaryCall, fileRatio } from './grpc-load.js';
import type { Results } from './measure/results.js';
import { pgbenchTpcb } from './pgbench.js';
import { repoPath } from './repo-path.js';

const CONCURRENCY = Number(process.env.BENCH_ORDER_CONCURRENCY ?? 32);
const MAX_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CARTS = Number(process.env.BENCH_ORDER_CARTS ?? 1_500);
const WARMUP_CALLS = 100;

/** Every load of this bench: CONCURRENCY calls in flight, up to `count` calls or MAX_SECONDS. */
const load = (call: UnaryCall, count: number) => runLoad(call, { count, concurrency: CONCURRENCY, maxSeconds: MAX_SECONDS });

type Unary<Req, Res> = (req: Req, md: Metadata, cb: (err: ServiceError | null, res: Res) => void) => unknown;
const unary = <Req, Res>(fn: Unary<Req, Res>, req: Req, md = new Metadata()) =>
  new Promise<Res>((resolve, reject) => fn(req, md, (err, res) => (err ? reject(err) : resolve(res))));

/** Participants that answer at once and always yes: the bench measures the order service, not them. */
function instantParticipants(): NonNullable<OrderOverrides['remotes']> {
  let payments = 0;
  return {
    prices: { calculate: async (r) => ({ taxInclusive: false, lines: r.lines.map((l) => ({ ...l, unitPriceMinor: 1_000, subtotalMinor: 1_000 * l.quantity, taxMinor: 200 * l.quantity, totalMinor: 1_200 * l.quantity })) }) },
    discounts: {
      evaluate: async () => ({ lines: [], shippingDiscountMinor: 0, applied: [], refusedCodes: [] }),
      reserveUsage: async () => {},
      commitUsage: async () => {},
      releaseUsage: async () => {},
    },
    stock: {
      availability: async (skus) => skus.map((sku) => ({ sku, available: 1_000_000, inStock: true, backorderAllowed: false, tracked: true })),
      reserve: async () => {},
      release: async () => {},
      commit: async () => {},
      restock: async () => {},
    },
    payments: {
      authorize: async (r) => ({ id: `pay_${++payments}`, status: 'authorized', authorizedMinor: r.amountMinor, capturedMinor: 0, refundedMinor: 0, failureCode: '' }),
      void: async (id) => ({ id, status: 'canceled', authorizedMinor: 0, capturedMinor: 0, refundedMinor: 0, failureCode: '' }),
      capture: async (id, amount) => ({ id, status: 'captured', authorizedMinor: amount, capturedMinor: amount, refundedMinor: 0, failureCode: '' }),
      refund: async (id, amount) => ({ id, status: 'refunded', authorizedMinor: amount, capturedMinor: amount, refundedMinor: amount, failureCode: '' }),
      listForOrder: async () => [],
    },
    shippingRates: { quote: async () => [{ optionId: 'standard', name: 'Standard', amountMinor: 500, minDays: 2, maxDays: 3 }] },
  };
}

/** A guest cart ready to check out (one line, an address, the option). */
async function prepareCart(client: OrderServiceClient): Promise<{ cartId: string; cartToken: string }> {
  const created = await unary<CreateCartRequest, CreateCartResponse>(client.createCart.bind(client), { country: 'FR', currency: 'EUR' });
  const key = { cartId: created.cart!.id, cartToken: created.cartToken };
  await unary(client.addCartLine.bind(client), { ...key, sku: 'BENCH-1', quantity: 1 });
  await unary(client.setShippingAddress.bind(client), { ...key, address: { country: 'FR', province: '', postcode: '75001', city: 'Paris', line1: '1 rue', name: 'Bench' } });
  await unary(client.selectShippingOption.bind(client), { ...key, optionId: 'standard' });
  return key;
}

export async function runOrderBench(results: Results): Promise<void> {
  await withBenchPostgres('order_bench', async (databaseUrl) => {
    await migrateUp({ databaseUrl, service: 'order', dir: repoPath('migrations/order'), out: () => {} });
    const issuer = await createTestJwtIssuer();
    const order = await startOrder(
      { ...process.env, DATABASE_URL: databaseUrl, HTTP_PORT: '0', GRPC_PORT: '0', GRPC_HOST: '127.0.0.1', HTTP_HOST: '127.0.0.1', JWT_PUBLIC_KEY: issuer.publicKeyPem, LOG_LEVEL: 'silent', RUN_MODE: 'embedded' },
      {},
      { remotes: instantParticipants() },
    );
    const client = new OrderServiceClient(order.urls.grpc!, credentials.createInsecure());
    const db = createDatabase({ url: databaseUrl, schema: 'orders', poolMax: 1 });
    try {
      const carts: Array<{ cartId: string; cartToken: string }> = [];
      await Promise.all(Array.from({ length: 16 }, async () => {
        while (carts.length < CARTS + WARMUP_CALLS) carts.push(await prepareCart(client));
      }));
      let next = 0;
      const request = (): CheckoutRequest => ({ ...carts[next++]!, idempotencyKey: randomUUID(), paymentMethod: '4242424242424242' });
      const sample = await unary<CheckoutRequest, CheckoutResponse>(client.checkout.bind(client), request());
      const callService: UnaryCall = (done) => {
        if (next >= carts.length) return done({ code: 8, details: 'out of prepared carts' } as ServiceError);
        client.checkout(request(), (err, res) => done(err ?? (res.order?.status === 'confirmed' ? null : ({ code: 9, details: res.order?.statusReason } as ServiceError))));
      };
      const bare = await startBareServer(OrderServiceService, 'checkout', sample);
      const bareClient = new OrderServiceClient(bare.address, credentials.createInsecure());
      const callBare: UnaryCall = (done) => bareClient.checkout(request(), (err) => done(err));
      try {
        await load(callService, WARMUP_CALLS - 1);
        const service = await load(callService, CARTS);
        const floor = await load(callBare, CARTS);
        const confirmed = Number((await db('orders').where({ status: 'confirmed' }).count<{ n: string }[]>('* as n'))[0]!.n);
        console.log(`Checkout unary (saga of 6 steps, participants in memory), ${CONCURRENCY} clients, up to ${CARTS} checkouts or ${MAX_SECONDS} s`);
        console.log(formatLoad('order service (full chain + PG saga)', service, 'checkouts/s'));
        console.log(formatLoad('bare grpc-js from memory', floor, 'checkouts/s'));
        console.log(formatRatio('service/bare', service, floor));
        fileRatio(results, 'order Checkout (service in the bench process)', service, floor, 'checkouts/s');
        const expected = WARMUP_CALLS + service.calls - service.failures;
        console.log(`check: ${confirmed} confirmed orders for ${expected} successful checkouts ${confirmed === expected ? 'OK' : 'MISMATCH'}`);
        // The same PostgreSQL's simple-write throughput: a checkout is several transactions, so the ratio says
        // how many pgbench transactions one checkout costs.
        const pgbench = await pgbenchTpcb(databaseUrl, CONCURRENCY, MAX_SECONDS);
        if (pgbench) {
          console.log(`pgbench tpcb-like, same PostgreSQL, ${pgbench.clients} clients: ${pgbench.tps.toFixed(0)} TPS`);
          console.log(`ratio checkouts/s / pgbench TPS: ${(callsPerSecond(service) / pgbench.tps).toFixed(3)}`);
        }
      } finally {
        bareClient.close();
        await bare.stop();
      }
    } finally {
      client.close();
      await db.destroy();
      await order.stop();
    }
  });
}
