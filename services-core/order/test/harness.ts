// Starts the real order service on port 0 against a freshly migrated database, with a test token issuer, an
// in-process event transport (tests play the shipping service on it) and in-memory fakes of the five services it
// calls; gives tests a real gRPC client and a database handle for invariants.
import { createDatabase, type Knex } from '@ecommerce/common/db';
import { createInProcessTransport, envelopeOf, toWireMessage, type EventTransport, type NewEvent, type PayloadOf } from '@ecommerce/common/events';
import { createGrpcClient } from '@ecommerce/common/grpc';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { coreServiceTestEnv, createMigratedTestDatabase, createTestJwtIssuer, type TestDatabase } from '@ecommerce/common/testing';
import { eventCatalog, type EventCatalog } from '@ecommerce/proto/event-catalog';
import { OrderServiceClient } from '@ecommerce/proto/order/v1/order';
import { startOrder } from '../src/main.js';
import { createFakes, type Fakes } from './fakes.js';

export interface Harness {
  service: RunningService;
  client: OrderServiceClient;
  database: TestDatabase;
  db: Knex;
  fakes: Fakes;
  transport: EventTransport;
  /** The env the service was started with: a second instance on the same database starts from it. */
  env: Record<string, string | undefined>;
  tokens: { staff: string; customer: string; otherCustomer: string };
  customerToken(sub: string): Promise<string>;
  /** Publishes an event as the shipping service would. */
  publishShipping<T extends keyof EventCatalog & `shipping.${string}`>(type: T, event: NewEvent<PayloadOf<EventCatalog[T]>>): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const database = await createMigratedTestDatabase('order');
  const issuer = await createTestJwtIssuer();
  const fakes = createFakes();
  const transport = createInProcessTransport({ partitions: 1 });
  const serviceEnv = { ...coreServiceTestEnv({ databaseUrl: database.url, publicKeyPem: issuer.publicKeyPem }), ...env };
  const service = await startOrder(serviceEnv, { transport }, { remotes: fakes });
  const client = createGrpcClient(OrderServiceClient, { address: service.urls.grpc!, deadlineMs: 30_000 });
  const db = createDatabase({ url: database.url, schema: 'orders', poolMax: 2 });
  const customerToken = (sub: string) => issuer.sign({ sub, roles: ['customer'], type: 'customer' });
  return {
    service,
    client,
    database,
    db,
    fakes,
    transport,
    env: serviceEnv,
    tokens: {
      staff: await issuer.sign({ sub: 'staff-1', roles: ['staff'], type: 'staff' }),
      customer: await customerToken('customer-1'),
      otherCustomer: await customerToken('customer-2'),
    },
    customerToken,
    async publishShipping(type, event) {
      const envelope = envelopeOf(eventCatalog[type], '/ecommerce/shipping', event);
      await transport.publish([toWireMessage(eventCatalog[type].topic, event.subject, envelope)]);
    },
    async close() {
      client.close();
      await db.destroy();
      await service.stop();
      await transport.close();
      await database.drop();
    },
  };
}

export async function rejectionOf(promise: Promise<unknown>): Promise<import('@ecommerce/common/errors').AppError> {
  try {
    await promise;
  } catch (err) {
    return err as import('@ecommerce/common/errors').AppError;
  }
  throw new Error('expected the call to fail');
}

/** Polls `check` until it returns true or the deadline passes (no fixed sleeps). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error('condition not met before the deadline');
    await new Promise((r) => setTimeout(r, 25));
  }
}
