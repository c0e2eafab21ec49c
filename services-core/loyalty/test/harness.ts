// Starts the real loyalty service on port 0 against a freshly migrated database, with a test-owned in-process
// transport (to feed it registration and order events as the other services publish them), a clock the test
// moves, the service's housekeeping scheduler (to run an expiry round), a test token issuer and a real gRPC client.
import { randomUUID } from 'node:crypto';
import { createDatabase, type Knex } from '@ecommerce/common/db';
import type { AppError } from '@ecommerce/common/errors';
import { createInProcessTransport, envelopeOf, toWireMessage, type EventTransport } from '@ecommerce/common/events';
import { createGrpcClient, unaryCall } from '@ecommerce/common/grpc';
import type { Housekeeping } from '@ecommerce/common/housekeeping';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { coreServiceTestEnv, createMigratedTestDatabase, createTestJwtIssuer, type TestDatabase, type TestJwtIssuer } from '@ecommerce/common/testing';
import { eventCatalog, type EventCatalog } from '@ecommerce/proto/event-catalog';
import { LoyaltyServiceClient } from '@ecommerce/proto/loyalty/v1/loyalty';
import type { PayloadOf } from '@ecommerce/common/events';
import { startLoyalty } from '../src/main.js';

/** A clock the test sets; starts at a fixed instant so expiry dates are predictable. */
export class TestClock {
  private current = new Date('2026-01-01T00:00:00Z');
  now(): Date {
    return new Date(this.current);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

export interface Harness {
  service: RunningService;
  client: LoyaltyServiceClient;
  database: TestDatabase;
  /** The service's schema, for assertions under the API (ledger sums, outbox rows). */
  db: Knex;
  transport: EventTransport;
  clock: TestClock;
  housekeeping: Housekeeping;
  issuer: TestJwtIssuer;
  tokens: { staff: string; customer: string };
  close(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const database = await createMigratedTestDatabase('loyalty');
  const issuer = await createTestJwtIssuer();
  const transport = createInProcessTransport({ partitions: 1 });
  const clock = new TestClock();
  let housekeeping: Housekeeping | undefined;
  const service = await startLoyalty(
    { ...coreServiceTestEnv({ databaseUrl: database.url, publicKeyPem: issuer.publicKeyPem }), ...env },
    { transport },
    { clock, onHousekeeping: (h) => (housekeeping = h) },
  );
  const client = createGrpcClient(LoyaltyServiceClient, { address: service.urls.grpc!, deadlineMs: 10_000 });
  const db = createDatabase({ url: database.url, schema: 'loyalty', poolMax: 2 });
  return {
    service,
    client,
    database,
    db,
    transport,
    clock,
    housekeeping: housekeeping!,
    issuer,
    tokens: {
      staff: await issuer.sign({ sub: 'staff-1', roles: ['staff'], type: 'staff' }),
      customer: await issuer.sign({ sub: 'customer-1', roles: ['customer'], type: 'customer' }),
    },
    async close() {
      client.close();
      await service.stop();
      await transport.close();
      await db.destroy();
      await database.drop();
    },
  };
}

/** A new customer id and a token for it. */
export async function aCustomer(h: Harness): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  return { id, token: await h.issuer.sign({ sub: id, roles: ['customer'], type: 'customer' }) };
}

/** Publishes an event of the catalog as its owning service would; returns the event id (redeliver with it). */
export async function publish<T extends keyof EventCatalog & string>(
  h: Harness,
  type: T,
  subject: string,
  data: PayloadOf<EventCatalog[T]>,
  eventId?: string,
): Promise<string> {
  const spec = eventCatalog[type];
  const event = envelopeOf(spec, `/ecommerce/${type.split('.')[0]}`, { ...(eventId ? { id: eventId } : {}), subject, data });
  await h.transport.publish([toWireMessage(spec.topic, subject, event)]);
  return event.id;
}

/** Polls `check` until it stops throwing (events are handled asynchronously), failing after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** The gRPC status name a rejected unaryCall carried, e.g. `NOT_FOUND` (the kit's client maps it to an AppError). */
export function grpcCode(err: unknown): string {
  if (typeof (err as AppError).type !== 'string') throw err;
  return (err as AppError).type.toUpperCase();
}

/** Resolves to the rejection of `promise`, failing the test if it resolved. */
export async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected the call to fail');
}

/** The ledger invariant: every account's cached balance = the sum of its entries = what its lots still hold. */
export async function ledgerInvariantViolations(db: Knex): Promise<unknown[]> {
  const { rows } = await db.raw(`
    SELECT a.customer_id, a.balance,
           COALESCE((SELECT SUM(points) FROM ledger_entries e WHERE e.customer_id = a.customer_id), 0)::bigint AS ledger,
           COALESCE((SELECT SUM(remaining) FROM point_lots l WHERE l.customer_id = a.customer_id), 0)::bigint AS lots
    FROM accounts a`);
  return (rows as Array<{ balance: number; ledger: number; lots: number }>).filter((r) => r.balance !== r.ledger || r.balance !== r.lots || r.balance < 0);
}

export { unaryCall };
