// The order service as a real OS process (`node services-core/order/dist/main.js`), killed with SIGKILL while
// checkouts are in flight, then started again on the same database: every checkout saga ends completed or
// compensated, every order confirmed or failed, and no payment is authorized twice. The five participants are real
// gRPC servers in this test process (support/checkout-participants.ts) that count what they receive, so what the
// killed process did and what the restarted one did are checked together.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createDatabase, type Knex } from '@ecommerce/common/db';
import type { AppError } from '@ecommerce/common/errors';
import { createGrpcClient, unaryCall } from '@ecommerce/common/grpc';
import { createMigratedTestDatabase, createTestJwtIssuer, freePort, type TestDatabase } from '@ecommerce/common/testing';
import { OrderServiceClient, type Order } from '@ecommerce/proto/order/v1/order';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECLINED_CARD, GOOD_CARD, LOST_ANSWER_CARD, SERVICE_SECRET, startCheckoutParticipants, type CheckoutParticipants } from './support/checkout-participants.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ORDER_MAIN = path.join(repoRoot, 'services-core/order/dist/main.js');
const CARTS = 40;
/**
 * Most carts pay with a good card; every fifth with a card the payment declines, and a few with a card whose
 * authorization is held but never answered (the saga retries, then compensates and must void it): those fail.
 */
const cardOf = (i: number) => (i % 5 === 3 ? DECLINED_CARD : i % 10 === 6 ? LOST_ANSWER_CARD : GOOD_CARD);
const expectedStatus = (i: number) => (cardOf(i) === GOOD_CARD ? 'confirmed' : 'failed');
/** Kill while the payment holds at least this many authorizations unanswered (and the warehouse a release). */
const KILL_WITH_AUTHORIZATIONS_IN_FLIGHT = 3;
/** The advisory-lock namespace of saga owners (SAGA_OWNER_LOCK_CLASS in the kit's saga-owner.ts, 'SAGO'). */
const SAGA_OWNER_LOCK_CLASS = 0x5341474f;

interface OrderProcess {
  child: ChildProcessByStdio<null, Readable, Readable>;
  client: OrderServiceClient;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

let database: TestDatabase;
let db: Knex;
let participants: CheckoutParticipants;
let publicKeyPem: string;
const processes: OrderProcess[] = [];

beforeAll(async () => {
  if (!existsSync(ORDER_MAIN)) throw new Error(`${ORDER_MAIN} is missing: build it first (npx tsc -b services-core/order)`);
  database = await createMigratedTestDatabase('order');
  db = createDatabase({ url: database.url, schema: 'orders', poolMax: 2 });
  const issuer = await createTestJwtIssuer();
  publicKeyPem = issuer.publicKeyPem;
  participants = await startCheckoutParticipants(issuer);
});

afterAll(async () => {
  for (const p of processes) {
    p.client.close();
    if (p.child.exitCode === null && p.child.signalCode === null) {
      p.child.kill('SIGKILL');
      await p.exited;
    }
  }
  await db?.destroy();
  await participants?.close();
  await database?.drop();
});

/** Polls `check` until it holds or the deadline passes (no fixed sleeps). */
async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`not before the deadline: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Starts `node dist/main.js` on its own free ports and waits for /readyz. */
async function startOrderProcess(): Promise<OrderProcess> {
  const [httpPort, grpcPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [ORDER_MAIN], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: database.url,
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(httpPort),
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(grpcPort),
      JWT_PUBLIC_KEY: publicKeyPem,
      RUN_MODE: 'embedded',
      LOG_LEVEL: 'warn',
      SHUTDOWN_DRAIN_MS: '500',
      PRICING_GRPC_ADDRESS: participants.address,
      PROMOTION_GRPC_ADDRESS: participants.address,
      WAREHOUSE_GRPC_ADDRESS: participants.address,
      PAYMENT_GRPC_ADDRESS: participants.address,
      SHIPPING_GRPC_ADDRESS: participants.address,
      AUTH_URL: participants.authUrl,
      SERVICE_SECRET,
      // A cart whose checkout the killed process had leased (but not yet turned into a saga) is free this soon.
      CHECKOUT_LEASE_SECONDS: '5',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const client = createGrpcClient(OrderServiceClient, { address: `127.0.0.1:${grpcPort}`, deadlineMs: 30_000 });
  const p: OrderProcess = { child, client, exited, output: () => output };
  processes.push(p);
  await until(`the order process answers /readyz (output: ${output})`, async () => {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the order process exited at start: ${output}`);
    const res = await fetch(`http://127.0.0.1:${httpPort}/readyz`).catch(() => undefined);
    return res?.ok === true;
  });
  return p;
}

interface PreparedCart {
  index: number;
  cartId: string;
  cartToken: string;
  key: string;
  card: string;
}

async function prepareCart(client: OrderServiceClient, index: number): Promise<PreparedCart> {
  const { cart, cartToken } = await unaryCall(client.createCart.bind(client), { country: 'FR', currency: 'EUR' });
  const key = { cartId: cart!.id, cartToken };
  await unaryCall(client.addCartLine.bind(client), { ...key, sku: `SKU-${index % 3}`, quantity: 1 + (index % 2) });
  await unaryCall(client.setShippingAddress.bind(client), {
    ...key,
    address: { country: 'FR', province: '', postcode: '75001', city: 'Paris', line1: '1 rue de Rivoli', name: 'Ann Smith' },
  });
  await unaryCall(client.selectShippingOption.bind(client), { ...key, optionId: 'standard' });
  return { index, ...key, key: `checkout-${index}`, card: cardOf(index) };
}

const checkout = (client: OrderServiceClient, c: PreparedCart): Promise<Order> =>
  unaryCall(client.checkout.bind(client), { cartId: c.cartId, cartToken: c.cartToken, idempotencyKey: c.key, paymentMethod: c.card }).then((r) => r.order!);

const count = async (query: Knex.QueryBuilder): Promise<number> => Number(((await query.count({ n: '*' }).first()) as { n: string | number }).n);

/** Saga owner sessions still holding their advisory lock in this database (the killed process's, until Postgres notices). */
async function liveSagaOwners(): Promise<number> {
  const { rows } = await db.raw<{ rows: Array<{ n: string }> }>(
    `SELECT count(*) AS n FROM pg_locks
      WHERE locktype = 'advisory' AND granted AND classid = ?::oid
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [SAGA_OWNER_LOCK_CLASS],
  );
  return Number(rows[0]!.n);
}

interface OrderRow {
  id: string;
  cart_id: string;
  checkout_key: string;
  saga_id: string;
  status: string;
  payment_status: string;
  payment_id: string | null;
  total_minor: string | number;
}

/** What every order must look like at the participants, whichever process drove its saga. */
function checkParticipantsAgainst(orders: OrderRow[]): void {
  const { payment, warehouse } = participants;
  for (const order of orders) {
    const payments = payment.forOrder(order.id);
    const reservation = warehouse.reservations.get(order.id);
    const key = `${order.saga_id}:authorize-payment`;
    if (order.status === 'confirmed') {
      // Exactly one authorization, made under the saga's key, still authorized, and the one the order names.
      expect(payments, `order ${order.id}`).toEqual([expect.objectContaining({ key, status: 'authorized', amountMinor: Number(order.total_minor) })]);
      expect(order.payment_status).toBe('authorized');
      expect(order.payment_id).toBe(payments[0]!.id);
      expect(payment.voids.get(payments[0]!.id)).toBeUndefined();
      // The stock reserved once and kept.
      expect(reservation, `order ${order.id}`).toMatchObject({ status: 'active' });
      expect(warehouse.reserveEffects.get(order.id)).toBe(1);
      expect(warehouse.releaseEffects.get(order.id)).toBeUndefined();
    } else {
      expect(order.status, `order ${order.id}`).toBe('failed');
      // Nothing left authorized (a decline made none; a hold whose answer was lost was voided, once) ...
      expect(payments.filter((p) => p.status === 'authorized'), `order ${order.id}`).toEqual([]);
      expect(payments.every((p) => p.key === key)).toBe(true);
      for (const p of payments.filter((p) => p.status === 'canceled')) expect(payment.voids.get(p.id), `payment ${p.id}`).toBe(1);
      // ... and the stock, if it was reserved, released.
      if (reservation) {
        expect(reservation.status, `order ${order.id}`).toBe('released');
        expect(warehouse.releaseEffects.get(order.id)).toBe(1);
      }
    }
  }
  // No key made two payments (a replay answers the payment it made), and no order holds two.
  const paymentKeys = [...payment.payments.values()].map((p) => p.key);
  expect(new Set(paymentKeys).size).toBe(paymentKeys.length);
  const paymentOrders = [...payment.payments.values()].map((p) => p.orderId);
  expect(new Set(paymentOrders).size).toBe(paymentOrders.length);
  // Every payment and reservation belongs to an order of this database.
  const ids = new Set(orders.map((o) => o.id));
  expect(paymentOrders.filter((id) => !ids.has(id))).toEqual([]);
  expect([...warehouse.reservations.keys()].filter((id) => !ids.has(id))).toEqual([]);
  expect(participants.unexpected).toEqual([]);
  expect(participants.refused).toEqual([]);
}

const allOrders = (): Promise<OrderRow[]> =>
  db('orders').select('id', 'cart_id', 'checkout_key', 'saga_id', 'status', 'payment_status', 'payment_id', 'total_minor').orderBy('created_at') as Promise<OrderRow[]>;

describe('the order process killed with SIGKILL during checkouts', () => {
  it('restarted on the same database, ends every saga completed or compensated, with no double authorization', async () => {
    const first = await startOrderProcess();
    const carts = await Promise.all(Array.from({ length: CARTS }, (_, i) => prepareCart(first.client, i)));

    // A slow payment (200-500 ms per authorization) keeps sagas in flight; the hold is made on receipt.
    participants.payment.delayMs = (call) => 200 + ((call * 67) % 301);
    // ... and a slow release, so a failing checkout is caught mid-compensation.
    participants.warehouse.releaseDelayMs = 400;
    const firstRound = carts.map((c) => checkout(first.client, c).then(
      (order) => ({ ok: true as const, order }),
      (err: unknown) => ({ ok: false as const, err: err as AppError }),
    ));
    await until(
      'authorizations and a release in flight at the participants',
      () => participants.payment.authorizeInFlight >= KILL_WITH_AUTHORIZATIONS_IN_FLIGHT && participants.warehouse.releaseInFlight >= 1,
      30_000,
    );
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    first.client.close();
    const answered = await Promise.all(firstRound);

    // The kill left sagas mid-way: those whose authorization the payment is still holding, and one compensating.
    const unfinishedAtKill = await count(db('saga_instances').whereIn('status', ['running', 'compensating']));
    expect(unfinishedAtKill).toBeGreaterThanOrEqual(KILL_WITH_AUTHORIZATIONS_IN_FLIGHT + 1);
    expect(await count(db('saga_instances').where({ status: 'compensating' }))).toBeGreaterThanOrEqual(1);
    const ordersAtKill = await allOrders();
    expect(ordersAtKill.some((o) => o.status === 'pending')).toBe(true);

    // The killed process's owner session ends with its connection; a new instance then claims its sagas.
    await until('the killed process has no saga owner session left', async () => (await liveSagaOwners()) === 0, 30_000);
    const second = await startOrderProcess();
    await until(
      'every saga finished and every order final after the restart',
      async () =>
        (await count(db('saga_instances').whereIn('status', ['running', 'compensating']))) === 0 && (await count(db('orders').where({ status: 'pending' }))) === 0,
      60_000,
    );

    // Every saga completed or compensated; every order confirmed or failed.
    const sagas = (await db('saga_instances').select('saga_id', 'status')) as Array<{ saga_id: string; status: string }>;
    expect(sagas.filter((s) => s.status !== 'completed' && s.status !== 'compensated')).toEqual([]);
    const resumed = await allOrders();
    // One order per saga (a saga killed before create-order made its order on resume).
    expect(resumed.length).toBe(sagas.length);
    expect(resumed.length).toBeGreaterThanOrEqual(ordersAtKill.length);
    expect(resumed.filter((o) => o.status !== 'confirmed' && o.status !== 'failed')).toEqual([]);
    for (const o of resumed) {
      const saga = sagas.find((s) => s.saga_id === o.saga_id);
      expect(saga?.status, `saga of order ${o.id}`).toBe(o.status === 'confirmed' ? 'completed' : 'compensated');
      // A decline or a lost authorization fails its order; a good card is never failed by the crash.
      const cart = carts.find((c) => c.cartId === o.cart_id)!;
      expect(o.status, `order of cart ${cart.index}`).toBe(expectedStatus(cart.index));
    }
    checkParticipantsAgainst(resumed);
    // The crash was real: an authorization the killed process was waiting on was called again, under its key.
    const replayed = [...participants.payment.authorizeCalls.values()].filter((n) => n > 1).length;
    expect(replayed).toBeGreaterThan(0);
    // So was the release the killed process was waiting on: called again, released once.
    expect([...participants.warehouse.releaseCalls.values()].filter((n) => n > 1).length).toBeGreaterThan(0);

    // The customers retry with the same keys: each cart gets its one order (the one made before the crash, if any).
    const callsBeforeRetry = new Map(participants.payment.authorizeCalls);
    const finalOrders = await Promise.all(
      carts.map(async (c) => {
        let order: Order | undefined;
        await until(`cart ${c.index} checks out again with its key`, async () => {
          try {
            order = await checkout(second.client, c);
            return true;
          } catch (err) {
            // The killed process held the cart without having started its saga: the lease passes in seconds.
            if ((err as AppError).type === 'aborted') return false;
            throw err;
          }
        }, 30_000);
        return { cart: c, order: order! };
      }),
    );
    for (const { cart, order } of finalOrders) {
      expect(order.status, `cart ${cart.index}`).toBe(expectedStatus(cart.index));
      const before = resumed.find((o) => o.cart_id === cart.cartId);
      if (before) expect(order.id, `cart ${cart.index}`).toBe(before.id);
      const firstAnswer = answered[cart.index]!;
      if (firstAnswer.ok) expect(order.id).toBe(firstAnswer.order.id);
    }
    // The retries of orders that existed answered them without calling the payment again.
    for (const o of resumed) expect(participants.payment.authorizeCalls.get(`${o.saga_id}:authorize-payment`)).toBe(callsBeforeRetry.get(`${o.saga_id}:authorize-payment`));
    await until('every order final', async () => (await count(db('orders').whereNot('status', 'confirmed').whereNot('status', 'failed'))) === 0, 30_000);
    const orders = await allOrders();
    expect(orders.length).toBe(CARTS);
    expect(new Set(orders.map((o) => o.cart_id)).size).toBe(CARTS);
    checkParticipantsAgainst(orders);
    // Each kind of ending happened: confirmed, declined, and a held authorization voided.
    expect(orders.filter((o) => o.status === 'confirmed').length).toBe(carts.filter((c) => c.card === GOOD_CARD).length);
    expect([...participants.payment.payments.values()].filter((p) => p.status === 'canceled').length).toBe(carts.filter((c) => c.card === LOST_ANSWER_CARD).length);

    // The restarted process stops cleanly on SIGTERM.
    second.child.kill('SIGTERM');
    expect((await second.exited).code, second.output()).toBe(0);
  }, 180_000);
});
