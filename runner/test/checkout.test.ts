// Checkout across the real services in the embedded ecosystem: staff stock, price and ship a product through the
// gateway; a customer fills a cart and places an order through the gateway; then 500 guests check out the one
// product that has 50 units at once (straight to the order service's gRPC port, so the gateway's 10 s upstream
// timeout and circuit breaker, which a 2-CPU machine running every service trips, are not what is measured):
// exactly 50 orders are confirmed, the 450 others fail cleanly (stock), the warehouse holds 50 reserved, and none
// of the 450 leaves an authorization behind.
import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGrpcClient, unaryCall } from '@ecommerce/common/grpc';
import { freePort } from '@ecommerce/common/testing';
import { OrderServiceClient } from '@ecommerce/proto/order/v1/order';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEcosystem, type RunningEcosystem } from '../src/ecosystem.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let dir: string;
let ecosystem: RunningEcosystem;
let gateway: string;

beforeAll(async () => {
  // 500 guests from one address are one client to the gateway's per-client rate limit; this test measures the
  // checkout, not the limiter (the runner passes GATEWAY_* variables to the gateway).
  process.env.GATEWAY_RATE_LIMIT_PER_MINUTE = '1000000';
  dir = await mkdtemp(path.join(tmpdir(), 'ecommerce-runner-checkout-'));
  await chmod(dir, 0o755);
  ecosystem = await startEcosystem({ repoRoot, dataDir: path.join(dir, 'data'), postgresPort: await freePort(), ports: 'ephemeral', logLevel: 'silent', log: () => {} });
  gateway = ecosystem.services.find((s) => s.name === 'gateway')!.urls.http!;
}, 240_000);

afterAll(async () => {
  delete process.env.GATEWAY_RATE_LIMIT_PER_MINUTE;
  await ecosystem?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: { data?: Record<string, unknown>; error?: unknown } & Record<string, unknown>;
}

async function call(method: string, route: string, body?: unknown, token?: string): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${gateway}${route}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

async function ok(method: string, route: string, body?: unknown, token?: string): Promise<Record<string, unknown>> {
  const answer = await call(method, route, body, token);
  if (answer.status >= 300) throw new Error(`${method} ${route} -> ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.data as Record<string, unknown>;
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!);
      }
    }),
  );
  return results;
}

const PARIS = { country: 'FR', province: '', postcode: '75001', city: 'Paris', line1: '1 rue de Rivoli', name: 'Ann Smith' };
const GOOD_CARD = '4242424242424242';

async function stockAndPrice(staff: string, locationId: string, sku: string, units: number, priceMinor: number): Promise<void> {
  await ok('PUT', `/api/v1/warehouse/stock-items/${sku}`, { tracked: true, backorderAllowed: false, lowStockThreshold: 0 }, staff);
  await ok('POST', '/api/v1/warehouse/receipts', { locationId, lines: [{ sku, quantity: units }], reference: `PO-${sku}` }, staff);
  await ok('PUT', `/api/v1/pricing/prices/${sku}/EUR`, { tiers: [{ minQuantity: 1, amountMinor: priceMinor }] }, staff);
}

/** The cart in an answer (the gateway answers a one-field response message as that field). */
const cartOf = (data: Record<string, unknown>): Record<string, unknown> => (data.cart as Record<string, unknown> | undefined) ?? data;
const orderOf = (data: Record<string, unknown>): Record<string, unknown> => (data.order as Record<string, unknown> | undefined) ?? data;

interface Cart {
  id: string;
  token: string;
}

/**
 * Asks again after a 503/504 (a participant slow under this load): PUTs are idempotent, and an added line is
 * looked for before it is added again (a failed change is rolled back, so usually it is not there).
 */
async function retrying<T>(attempt: () => Promise<Answer>, done?: () => Promise<boolean>): Promise<Record<string, unknown>> {
  for (let i = 1; ; i++) {
    const answer = await attempt();
    if (answer.status < 300) return answer.body.data as Record<string, unknown>;
    if (![503, 504].includes(answer.status) || i >= 10) throw new Error(`${answer.status} ${JSON.stringify(answer.body)}`);
    if (done && (await done())) return {};
    await new Promise((resolve) => setTimeout(resolve, 100 * i));
  }
}

/** A guest cart with `sku` in it, an address and the first shipping option. */
async function guestCart(sku: string, quantity: number, bearer?: string): Promise<Cart> {
  const created = await retrying(() => call('POST', '/api/v1/carts', { country: 'FR', currency: 'EUR' }, bearer));
  const cart = { id: (created.cart as { id: string }).id, token: created.cartToken as string };
  const read = async () => cartOf(await ok('GET', `/api/v1/carts/${cart.id}?cartToken=${cart.token}`, undefined, bearer));
  await retrying(
    () => call('POST', `/api/v1/carts/${cart.id}/lines`, { cartToken: cart.token, sku, quantity }, bearer),
    async () => ((await read()).lines as unknown[]).length > 0,
  );
  const quoted = cartOf(await retrying(() => call('PUT', `/api/v1/carts/${cart.id}/shipping-address`, { cartToken: cart.token, address: PARIS }, bearer)));
  const options = quoted.shippingOptions as Array<{ optionId: string }>;
  if (!options?.[0]) throw new Error(`no shipping option quoted: ${JSON.stringify(quoted)}`);
  await retrying(() => call('PUT', `/api/v1/carts/${cart.id}/shipping-option`, { cartToken: cart.token, optionId: options[0]!.optionId }, bearer));
  return cart;
}

/**
 * Checks out, asking again with the same idempotency key while the answer is "in progress" (409), or the gateway
 * gave up waiting (504) or shed load (503): the key makes the retry return the one order, never place another.
 */
async function checkout(cart: Cart, bearer?: string): Promise<Record<string, unknown>> {
  const key = randomUUID();
  for (let attempt = 1; ; attempt++) {
    const answer = await call('POST', `/api/v1/carts/${cart.id}/checkout`, { cartToken: cart.token, idempotencyKey: key, paymentMethod: GOOD_CARD }, bearer);
    if (answer.status === 200) return orderOf(answer.body.data as Record<string, unknown>);
    if (![409, 503, 504].includes(answer.status) || attempt > 60) throw new Error(`checkout -> ${answer.status} ${JSON.stringify(answer.body)}`);
    await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, 50 * attempt)));
  }
}

describe('checkout through the gateway', () => {
  let staff: string;
  let locationId: string;

  beforeAll(async () => {
    staff = ecosystem.devStaffToken;
    const location = await ok('POST', '/api/v1/warehouse/locations', { code: 'PAR-1', name: 'Paris', address: '1 quai', country: 'FR', priority: 1, active: true }, staff);
    locationId = ((location.location as { id: string } | undefined) ?? (location as { id: string })).id;
    const zone = await ok('POST', '/api/v1/shipping/zones', { name: 'France', countries: ['FR'], provinces: [], postcodePatterns: [] }, staff);
    const zoneId = ((zone.zone as { id: string } | undefined) ?? (zone as { id: string })).id;
    await ok('POST', `/api/v1/shipping/zones/${zoneId}/options`, { name: 'Colissimo', kind: 'flat', currency: 'EUR', amountMinor: 500, minDays: 2, maxDays: 3 }, staff);
  }, 60_000);

  it('walks a customer from an empty cart to a confirmed order, then a shipped one whose payment is captured', async () => {
    await stockAndPrice(staff, locationId, 'MUG-1', 10, 1_299);
    const credentials = { email: 'ann.checkout@example.com', password: 'correct horse battery' };
    expect((await call('POST', '/api/v1/auth/register', credentials)).status).toBe(201);
    const customer = (await ok('POST', '/api/v1/auth/login', credentials)).accessToken as string;

    const cart = await guestCart('MUG-1', 2, customer);
    const before = cartOf(await ok('GET', `/api/v1/carts/${cart.id}`, undefined, customer));
    expect(before).toMatchObject({ status: 'active', subtotalMinor: '2598', shippingMinor: '500' });
    const order = await checkout(cart, customer);
    expect(order).toMatchObject({ status: 'confirmed', paymentStatus: 'authorized', fulfillmentStatus: 'unfulfilled', currency: 'EUR' });
    expect(order.totalMinor).toBe(before.totalMinor);

    const mine = orderOf(await ok('GET', `/api/v1/orders/${order.id as string}`, undefined, customer));
    expect(mine.id).toBe(order.id);
    const reservation = await ok('GET', `/api/v1/warehouse/reservations/${order.id as string}`, undefined, staff);
    expect(reservation).toMatchObject({ status: 'active' });
    const payments = await ok('GET', `/api/v1/payments?orderId=${order.id as string}`, undefined, staff);
    expect(payments.payments).toEqual([expect.objectContaining({ status: 'authorized', amountMinor: order.totalMinor })]);

    // Staff ship it: shipping.shipment.shipped reaches the order service, which captures the payment and commits
    // the stock reservation.
    const lines = (mine.lines as Array<{ id: string; sku: string; quantity: number }>).map((l) => ({ orderLineId: l.id, sku: l.sku, quantity: l.quantity }));
    const created = await ok('POST', '/api/v1/shipping/shipments', { orderId: order.id, lines, ordered: lines, destination: PARIS }, staff);
    const shipmentId = ((created.shipment as { id: string } | undefined) ?? (created as { id: string })).id;
    await ok('POST', `/api/v1/shipping/shipments/${shipmentId}/label`, {}, staff);
    await ok('POST', `/api/v1/shipping/shipments/${shipmentId}/ship`, {}, staff);
    await vi.waitFor(
      async () => {
        const shipped = orderOf(await ok('GET', `/api/v1/orders/${order.id as string}`, undefined, customer));
        expect(shipped).toMatchObject({ paymentStatus: 'captured', fulfillmentStatus: 'shipped' });
      },
      { timeout: 20_000, interval: 100 },
    );
    const captured = await ok('GET', `/api/v1/payments?orderId=${order.id as string}`, undefined, staff);
    expect(captured.payments).toEqual([expect.objectContaining({ status: 'captured', capturedMinor: order.totalMinor })]);
    expect(await ok('GET', `/api/v1/warehouse/reservations/${order.id as string}`, undefined, staff)).toMatchObject({ status: 'committed' });
  }, 90_000);

  it('confirms exactly 50 of 500 concurrent checkouts of 50 units; the 450 fail cleanly and hold no authorization', async () => {
    await stockAndPrice(staff, locationId, 'HOT-1', 50, 999);
    const order = createGrpcClient(OrderServiceClient, { address: ecosystem.services.find((s) => s.name === 'order')!.urls.grpc!, deadlineMs: 300_000 });
    try {
      // A cart change that a slow participant timed out was rolled back whole, so it is simply asked again.
      const again = async <T>(change: () => Promise<T>): Promise<T> => {
        for (let attempt = 1; ; attempt++) {
          try {
            return await change();
          } catch (err) {
            if (attempt >= 5 || !['deadline_exceeded', 'unavailable'].includes((err as { type?: string }).type ?? '')) throw err;
          }
        }
      };
      const carts = await pool(Array.from({ length: 500 }, (_, i) => i), 8, async () => {
        const { cart, cartToken } = await again(() => unaryCall(order.createCart.bind(order), { country: 'FR', currency: 'EUR' }));
        const key = { cartId: cart!.id, cartToken };
        await again(() => unaryCall(order.addCartLine.bind(order), { ...key, sku: 'HOT-1', quantity: 1 }));
        const quoted = await again(() => unaryCall(order.setShippingAddress.bind(order), { ...key, address: PARIS }));
        await again(() => unaryCall(order.selectShippingOption.bind(order), { ...key, optionId: quoted.cart!.shippingOptions[0]!.optionId }));
        return key;
      });
      const placed = await Promise.all(carts.map((key) => unaryCall(order.checkout.bind(order), { ...key, idempotencyKey: randomUUID(), paymentMethod: GOOD_CARD })));
      const orders = placed.map((p) => ({ id: p.order!.id, status: p.order!.status, statusReason: p.order!.statusReason }));

      const confirmed = orders.filter((o) => o.status === 'confirmed');
      const failed = orders.filter((o) => o.status === 'failed');
      expect(confirmed).toHaveLength(50);
      expect(failed).toHaveLength(450);
      for (const o of failed) expect(o.statusReason).toContain('HOT-1');

      const availability = await ok('POST', '/api/v1/warehouse/availability', { skus: ['HOT-1'] });
      expect(availability.items).toEqual([expect.objectContaining({ sku: 'HOT-1', available: '0' })]);
      const reserved = await pool(confirmed, 16, async (o) => (await ok('GET', `/api/v1/warehouse/reservations/${o.id as string}`, undefined, staff)).status);
      expect(reserved.every((status) => status === 'active')).toBe(true);
      const leftovers = await pool(failed, 16, async (o) => {
        const answer = await ok('GET', `/api/v1/payments?orderId=${o.id as string}`, undefined, staff);
        return (answer.payments as Array<{ status: string }>).filter((p) => p.status === 'authorized').length;
      });
      expect(leftovers.reduce((a, b) => a + b, 0)).toBe(0);
    } finally {
      order.close();
    }
  }, 600_000);
});
