// Starts the real customer service on port 0 against a freshly migrated database, with a test-owned in-process
// transport and a test JWT issuer, plus helpers to register customers the way auth does (an event) and to read
// what the service wrote under the API (outbox rows).
import { randomUUID } from 'node:crypto';
import { createDatabase, type Knex } from '@ecommerce/common/db';
import { createInProcessTransport, envelopeOf, toWireMessage, type EventTransport } from '@ecommerce/common/events';
import { createMigratedTestDatabase, createTestJwtIssuer, type TestJwtIssuer, apiClient, type ApiClient } from '@ecommerce/common/testing';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { AccountType } from '@ecommerce/proto/events/v1/auth';
import { afterAll, beforeAll, vi } from 'vitest';
import { startCustomer } from '../src/main.js';

export interface CustomerHarness {
  url: string;
  api: ApiClient;
  transport: EventTransport;
  issuer: TestJwtIssuer;
  /** The service's schema, for assertions that must look under the API. */
  db: Knex;
  staffToken: string;
  /** Publishes auth.account.registered and waits until the profile exists; returns the id and a customer token. */
  registerCustomer(options?: { email?: string; registeredAt?: Date }): Promise<{ id: string; email: string; token: string }>;
  /** Envelopes in the outbox of `type`, oldest first. */
  outbox(type: string): Promise<Array<{ subject: string; data: any }>>;
  stop(): Promise<void>;
}

export async function startCustomerHarness(): Promise<CustomerHarness> {
  const database = await createMigratedTestDatabase('customer');
  const transport = createInProcessTransport({ partitions: 1 });
  const issuer = await createTestJwtIssuer();
  const customer = await startCustomer(
    { HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', DATABASE_URL: database.url, LOG_LEVEL: 'silent', JWT_PUBLIC_KEY: issuer.publicKeyPem },
    { transport },
  );
  const db = createDatabase({ url: database.url, schema: 'customer', poolMax: 2 });
  const api = apiClient(customer.urls.http!);
  return {
    url: customer.urls.http!,
    api,
    transport,
    issuer,
    db,
    staffToken: await issuer.sign({ sub: randomUUID(), roles: ['staff'], type: 'staff' }),
    async registerCustomer(options = {}) {
      const id = randomUUID();
      const email = options.email ?? `customer-${id.slice(0, 8)}@example.com`;
      await publishRegistration(transport, { id, email, createTime: options.registeredAt ?? new Date() });
      const token = await issuer.sign({ sub: id, roles: ['customer'], type: 'customer' });
      await vi.waitFor(async () => expect200(await api.get('/customers/me', token)));
      return { id, email, token };
    },
    async outbox(type) {
      const rows = await db('outbox_events').where({ event_type: type }).orderBy('id').select('envelope');
      return rows.map((r: { envelope: { subject: string; data: unknown } }) => r.envelope) as Array<{ subject: string; data: any }>;
    },
    async stop() {
      await customer.stop();
      await transport.close();
      await db.destroy();
      await database.drop();
    },
  };
}

/** What auth publishes when a customer registers; `eventId` lets a test redeliver the very same event. */
export async function publishRegistration(
  transport: EventTransport,
  account: { id: string; email: string; createTime?: Date },
  eventId?: string,
): Promise<string> {
  const registered = eventCatalog['auth.account.registered'];
  const event = envelopeOf(registered, '/ecommerce/auth', {
    ...(eventId ? { id: eventId } : {}),
    subject: account.id,
    data: { accountId: account.id, email: account.email, type: AccountType.ACCOUNT_TYPE_CUSTOMER, verificationToken: '', createTime: account.createTime ?? new Date() },
  });
  await transport.publish([toWireMessage(registered.topic, account.id, event)]);
  return event.id;
}

function expect200(res: { status: number }): void {
  if (res.status !== 200) throw new Error(`profile not there yet (${res.status})`);
}

/** Registers hooks that start one customer service for the calling test file. */
export function useCustomerHarness(): CustomerHarness {
  const harness = {} as CustomerHarness;
  beforeAll(async () => {
    Object.assign(harness, await startCustomerHarness());
  });
  afterAll(async () => {
    await harness.stop?.();
  });
  return harness;
}
