// Starts the real notification service on port 0 against a freshly migrated database, with a real SMTP server on
// loopback, a test-owned in-process transport (to publish events as the other services do), a clock the test
// moves (retries are due by it), the dispatcher (to run a round at once), a test token issuer and a gRPC client.
import { randomUUID } from 'node:crypto';
import { createDatabase, type Knex } from '@ecommerce/common/db';
import type { AppError } from '@ecommerce/common/errors';
import { createInProcessTransport, envelopeOf, toWireMessage, type EventTransport, type PayloadOf } from '@ecommerce/common/events';
import { createGrpcClient, unaryCall } from '@ecommerce/common/grpc';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { coreServiceTestEnv, createMigratedTestDatabase, createTestJwtIssuer, type TestDatabase, type TestJwtIssuer } from '@ecommerce/common/testing';
import { eventCatalog, type EventCatalog } from '@ecommerce/proto/event-catalog';
import { NotificationServiceClient } from '@ecommerce/proto/notification/v1/notification';
import type { DispatcherLoop } from '../src/dispatch/dispatcher-loop.js';
import { startNotification } from '../src/main.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

/** A clock the test moves; it starts at the real time so event timestamps and due times agree. */
export class TestClock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** The first retry's delay in the tests: long enough that only moving the clock makes a retry due. */
export const RETRY_BASE_MS = 600_000;

export interface Harness {
  service: RunningService;
  client: NotificationServiceClient;
  database: TestDatabase;
  /** The service's schema, for assertions under the API (notification rows, outbox rows). */
  db: Knex;
  transport: EventTransport;
  smtp: SmtpSink;
  clock: TestClock;
  dispatcher: DispatcherLoop;
  issuer: TestJwtIssuer;
  tokens: { staff: string; customer: string };
  close(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const database = await createMigratedTestDatabase('notification');
  const issuer = await createTestJwtIssuer();
  const smtp = await startSmtpSink();
  const transport = createInProcessTransport({ partitions: 1 });
  const clock = new TestClock();
  let dispatcher: DispatcherLoop | undefined;
  const service = await startNotification(
    {
      ...coreServiceTestEnv({ databaseUrl: database.url, publicKeyPem: issuer.publicKeyPem }),
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Test Shop <shop@example.com>',
      NOTIFY_RETRY_BASE_MS: String(RETRY_BASE_MS),
      NOTIFY_MAX_ATTEMPTS: '3',
      NOTIFY_DISPATCH_INTERVAL_MS: '20',
      ...env,
    },
    { transport },
    { clock, onDispatcher: (d) => (dispatcher = d) },
  );
  const client = createGrpcClient(NotificationServiceClient, { address: service.urls.grpc!, deadlineMs: 10_000 });
  const db = createDatabase({ url: database.url, schema: 'notification', poolMax: 2 });
  return {
    service,
    client,
    database,
    db,
    transport,
    smtp,
    clock,
    dispatcher: dispatcher!,
    issuer,
    tokens: {
      staff: await issuer.sign({ sub: 'staff-1', roles: ['staff'], type: 'staff' }),
      customer: await issuer.sign({ sub: randomUUID(), roles: ['customer'], type: 'customer' }),
    },
    async close() {
      client.close();
      await service.stop();
      await transport.close();
      await db.destroy();
      await smtp.close();
      await database.drop();
    },
  };
}

/** A token for the customer. */
export function customerToken(h: Harness, customerId: string): Promise<string> {
  return h.issuer.sign({ sub: customerId, roles: ['customer'], type: 'customer' });
}

/** Publishes an event of the catalog as its owning service would; returns the event id (redeliver with it). */
export async function publish<T extends keyof EventCatalog & string>(h: Harness, type: T, subject: string, data: PayloadOf<EventCatalog[T]>, eventId?: string): Promise<string> {
  const spec = eventCatalog[type];
  const event = envelopeOf(spec, `/ecommerce/${type.split('.')[0]}`, { ...(eventId ? { id: eventId } : {}), subject, data });
  await h.transport.publish([toWireMessage(spec.topic, subject, event)]);
  return event.id;
}

/** Polls `check` until it stops throwing (events and dispatch are asynchronous), failing after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000): Promise<T> {
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

/** The notification rows of an event, oldest first. */
export function notificationsOf(h: Harness, eventId: string): Promise<Array<Record<string, unknown>>> {
  return h.db('notifications').where({ event_id: eventId }).orderBy('created_at').select('*');
}

/** The inbox row that says the consumer is done with the event. */
export async function processed(h: Harness, eventId: string): Promise<void> {
  const row = await h.db('inbox_events').where({ event_id: eventId }).first();
  if (!row) throw new Error(`event ${eventId} not processed yet`);
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

export { unaryCall };
