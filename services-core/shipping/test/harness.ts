// Starts the real shipping service on port 0 against a freshly migrated database, with a test token issuer and
// a hand-driven clock, and gives tests a real gRPC client, tokens and a direct look at the database.
import { createDatabase, type Knex } from '@ecommerce/common/db';
import type { AppError } from '@ecommerce/common/errors';
import { createGrpcClient } from '@ecommerce/common/grpc';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { coreServiceTestEnv, createMigratedTestDatabase, createTestJwtIssuer, type TestDatabase } from '@ecommerce/common/testing';
import { ShippingServiceClient } from '@ecommerce/proto/shipping/v1/shipping';
import { startShipping } from '../src/main.js';
import { ManualClock } from './manual-clock.js';

export interface Harness {
  service: RunningService;
  client: ShippingServiceClient;
  database: TestDatabase;
  /** The service's schema, for asserting stored rows and outbox events. */
  db: Knex;
  clock: ManualClock;
  tokens: { staff: string; customer: string };
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const database = await createMigratedTestDatabase('shipping');
  const issuer = await createTestJwtIssuer();
  const clock = new ManualClock();
  const service = await startShipping(coreServiceTestEnv({ databaseUrl: database.url, publicKeyPem: issuer.publicKeyPem }), {}, { clock });
  const client = createGrpcClient(ShippingServiceClient, { address: service.urls.grpc!, deadlineMs: 10_000 });
  const db = createDatabase({ url: database.url, schema: 'shipping', poolMax: 2 });
  return {
    service,
    client,
    database,
    db,
    clock,
    tokens: {
      staff: await issuer.sign({ sub: 'staff-1', roles: ['staff'], type: 'staff' }),
      customer: await issuer.sign({ sub: 'customer-1', roles: ['customer'], type: 'customer' }),
    },
    async close() {
      client.close();
      await db.destroy();
      await service.stop();
      await database.drop();
    },
  };
}

export async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected the call to fail');
}

/** Event types recorded in the outbox for a subject, oldest first. */
export async function outboxTypes(db: Knex, subject: string): Promise<string[]> {
  const rows = await db('outbox_events').where({ event_key: subject }).orderBy('id').select<{ event_type: string }[]>('event_type');
  return rows.map((r) => r.event_type);
}
