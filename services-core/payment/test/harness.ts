// Starts the real payment service on port 0 against a freshly migrated database, with a test token issuer and a
// test provider the tests control (webhook delivery, 3-D Secure completion), and gives tests a real gRPC client,
// the webhook URL on the real HTTP port, and a database handle for invariants.
import type { AppError } from '@ecommerce/common/errors';
import { createDatabase, type Knex } from '@ecommerce/common/db';
import { createGrpcClient, unaryCall } from '@ecommerce/common/grpc';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { coreServiceTestEnv, createMigratedTestDatabase, createTestJwtIssuer, type TestDatabase } from '@ecommerce/common/testing';
import { PaymentServiceClient, type AuthorizePaymentRequest, type Payment } from '@ecommerce/proto/payment/v1/payment';
import { randomUUID } from 'node:crypto';
import { startPayment } from '../src/main.js';
import { TestPaymentProvider } from '../src/providers/test-provider/test-payment-provider.js';
import type { WebhookMode } from '../src/providers/test-provider/test-webhook-sender.js';

export const WEBHOOK_SECRET = 'tp_whsec_payment_tests';
export const PROVIDER_TIMEOUT_MS = 400;

export interface Harness {
  service: RunningService;
  client: PaymentServiceClient;
  provider: TestPaymentProvider;
  database: TestDatabase;
  /** The payment schema, for asserting what was (not) written. */
  db: Knex;
  webhookUrl: string;
  tokens: { staff: string; customer: string };
  authorize(overrides?: Partial<AuthorizePaymentRequest>): Promise<Payment>;
  capture(paymentId: string, amountMinor: number, idempotencyKey?: string): Promise<Payment>;
  voidPayment(paymentId: string, idempotencyKey?: string): Promise<Payment>;
  refund(paymentId: string, amountMinor: number, idempotencyKey?: string): Promise<Payment>;
  get(id: string): Promise<Payment>;
  close(): Promise<void>;
}

/** `env`: more variables for the service (e.g. the Stripe adapter's). */
export async function startHarness(settings: { webhookMode?: WebhookMode; env?: Record<string, string>; provider?: TestPaymentProvider } = {}): Promise<Harness> {
  const database = await createMigratedTestDatabase('payment');
  const issuer = await createTestJwtIssuer();
  const provider = settings.provider ?? new TestPaymentProvider(testProviderSettings(settings.webhookMode));
  const env = { ...coreServiceTestEnv({ databaseUrl: database.url, publicKeyPem: issuer.publicKeyPem }), PAYMENT_PROVIDER_TIMEOUT_MS: String(PROVIDER_TIMEOUT_MS), ...settings.env };
  const service = await startPayment(env, {}, { testProvider: provider });
  const client = createGrpcClient(PaymentServiceClient, { address: service.urls.grpc!, deadlineMs: 20_000 });
  const db = createDatabase({ url: database.url, schema: 'payment', poolMax: 2 });
  const staff = await issuer.sign({ sub: 'staff-1', roles: ['staff'], type: 'staff' });
  const options = { token: staff };
  return {
    service,
    client,
    provider,
    database,
    db,
    webhookUrl: `${service.urls.http}/api/v1/payments/webhooks/test`,
    tokens: { staff, customer: await issuer.sign({ sub: 'customer-1', roles: ['customer'], type: 'customer' }) },
    authorize: (overrides = {}) => unaryCall(client.authorizePayment.bind(client), authorizeRequest(overrides), options),
    capture: (paymentId, amountMinor, idempotencyKey = randomUUID()) => unaryCall(client.capturePayment.bind(client), { paymentId, amountMinor, idempotencyKey }, options),
    voidPayment: (paymentId, idempotencyKey = randomUUID()) => unaryCall(client.voidPayment.bind(client), { paymentId, idempotencyKey }, options),
    refund: (paymentId, amountMinor, idempotencyKey = randomUUID()) =>
      unaryCall(client.refundPayment.bind(client), { paymentId, amountMinor, idempotencyKey, reason: 'customer returned the goods' }, options),
    get: (id) => unaryCall(client.getPayment.bind(client), { id }, options),
    async close() {
      client.close();
      await service.stop();
      await db.destroy();
      await database.drop();
    },
  };
}

export function testProviderSettings(webhookMode: WebhookMode = 'manual') {
  return { webhookSecret: WEBHOOK_SECRET, webhookMode, toleranceSeconds: 300 };
}

/** A valid request for the test provider's always-authorized card, with a fresh order and key. */
export function authorizeRequest(overrides: Partial<AuthorizePaymentRequest> = {}): AuthorizePaymentRequest {
  return {
    orderId: `order-${randomUUID()}`,
    customerId: 'customer-1',
    amountMinor: 10_000,
    currency: 'EUR',
    paymentMethod: TEST_CARD.succeeds,
    idempotencyKey: randomUUID(),
    provider: '',
    ...overrides,
  };
}

export const TEST_CARD = {
  succeeds: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  threeDSecure: '4000000000003220',
  timesOut: '4000000000000119',
} as const;

/** Resolves to the rejection of `promise`, failing the test if it resolved. */
export async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected the call to fail');
}

/** Event types in the outbox for a payment, oldest first. */
export async function outboxTypes(db: Knex, paymentId: string): Promise<string[]> {
  const rows = await db('outbox_events').where({ event_key: paymentId }).orderBy('id').select<{ event_type: string }[]>('event_type');
  return rows.map((r) => r.event_type);
}

/** Polls `check` until it holds (no fixed sleeps); fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function countRows(db: Knex, table: string, where: Record<string, unknown>): Promise<number> {
  const [row] = await db(table).where(where).count<{ count: string | number }[]>('* as count');
  return Number(row!.count);
}
