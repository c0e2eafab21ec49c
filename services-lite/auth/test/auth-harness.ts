// Starts the real auth service on port 0 against a freshly migrated database, with a test-owned in-process
// event transport, and helpers to read what it wrote (outbox rows) under the API.
import { randomUUID } from 'node:crypto';
import { createDatabase, type Knex } from '@ecommerce/common/db';
import { createInProcessTransport, envelopeOf, type CloudEvent, type EventTransport, type NewEvent, type PayloadOf } from '@ecommerce/common/events';
import { createMigratedTestDatabase, apiClient, type ApiClient } from '@ecommerce/common/testing';
import { eventCatalog, type EventCatalog } from '@ecommerce/proto/event-catalog';
import { afterAll, beforeAll } from 'vitest';
import { startAuth } from '../src/main.js';

export interface AuthHarness {
  url: string;
  api: ApiClient;
  transport: EventTransport;
  /** The service's schema, for assertions that must look under the API. */
  db: Knex;
  databaseUrl: string;
  /** Envelopes in the outbox of `type`, oldest first. */
  outbox(type: string): Promise<Array<{ subject: string; data: any }>>;
  stop(): Promise<void>;
}

export async function startAuthHarness(env: Record<string, string> = {}): Promise<AuthHarness> {
  const database = await createMigratedTestDatabase('auth');
  const transport = createInProcessTransport({ partitions: 1 });
  const auth = await startAuth(
    {
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      LOG_LEVEL: 'silent',
      RUN_MODE: 'embedded',
      // Generous by default: every test logs in from 127.0.0.1; the rate-limit tests lower these.
      LOGIN_RATE_LIMIT_PER_IP: '10000',
      LOGIN_RATE_LIMIT_PER_ACCOUNT: '10000',
      RESET_RATE_LIMIT_PER_IP: '10000',
      RESET_RATE_LIMIT_PER_ACCOUNT: '10000',
      ...env,
    },
    { transport },
  );
  const db = createDatabase({ url: database.url, schema: 'auth', poolMax: 2 });
  return {
    url: auth.urls.http!,
    api: apiClient(auth.urls.http!),
    transport,
    db,
    databaseUrl: database.url,
    async outbox(type) {
      const rows = await db('outbox_events').where({ event_type: type }).orderBy('id').select('envelope');
      return rows.map((r: { envelope: { subject: string; data: unknown } }) => r.envelope) as Array<{ subject: string; data: any }>;
    },
    async stop() {
      await auth.stop();
      await transport.close();
      await db.destroy();
      await database.drop();
    },
  };
}

/** Registers hooks that start one auth service for the calling test file; fields fill in before the tests run. */
export function useAuthHarness(env: Record<string, string> = {}): AuthHarness {
  const harness = {} as AuthHarness;
  beforeAll(async () => {
    Object.assign(harness, await startAuthHarness(env));
  });
  afterAll(async () => {
    await harness.stop?.();
  });
  return harness;
}

export const PASSWORD = 'correct horse battery';

export function anEmail(): string {
  return `user-${randomUUID().slice(0, 8)}@Example.com`;
}

/** Registers a customer and logs in; returns the email and the first token pair. */
export async function registeredCustomer(h: AuthHarness, password = PASSWORD) {
  const email = anEmail();
  const reg = await h.api.post('/auth/register', { email, password });
  if (reg.status !== 201) throw new Error(`register failed: ${JSON.stringify(reg.body)}`);
  const login = await h.api.post('/auth/login', { email, password });
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  return { email, id: reg.body.data.id as string, tokens: login.body.data as { accessToken: string; refreshToken: string } };
}

/** An envelope of `type` as the user service publishes it, for tests that play the user service. */
export function fromUserService<T extends keyof EventCatalog & `user.${string}`>(type: T, event: NewEvent<PayloadOf<EventCatalog[T]>>): CloudEvent {
  return envelopeOf(eventCatalog[type], '/ecommerce/user', event);
}
