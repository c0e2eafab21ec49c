// A customer's GDPR erasure reaches auth: the customer service publishes customer.customer.deleted, auth
// consumes it and deletes the account (credentials and email gone, every session with them), so the erased
// customer can no longer log in. The real auth and customer services on one in-process transport, as in `make dev`.
import { createInProcessTransport } from '@ecommerce/common/events';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { apiClient, createMigratedTestDatabase, type ApiClient } from '@ecommerce/common/testing';
import { startAuth } from '@ecommerce/auth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startCustomer } from '../src/main.js';

const PASSWORD = 'correct horse battery staple';

describe('erasure through auth', () => {
  const transport = createInProcessTransport({ partitions: 1 });
  const databases: Array<{ drop(): Promise<void> }> = [];
  let auth: RunningService;
  let customer: RunningService;
  let authApi: ApiClient;
  let customerApi: ApiClient;

  beforeAll(async () => {
    const [authDb, customerDb] = await Promise.all([createMigratedTestDatabase('auth'), createMigratedTestDatabase('customer')]);
    databases.push(authDb, customerDb);
    const common = { HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', LOG_LEVEL: 'silent', RUN_MODE: 'embedded' };
    auth = await startAuth({ ...common, DATABASE_URL: authDb.url }, { transport });
    customer = await startCustomer({ ...common, DATABASE_URL: customerDb.url, JWT_JWKS_URL: auth.urls.jwks }, { transport });
    authApi = apiClient(auth.urls.http!);
    customerApi = apiClient(customer.urls.http!);
  });

  /** Auth has handled the erasure once the erased customer's access token is inactive (same transaction). */
  async function accountDisabled(accessToken: string): Promise<void> {
    await vi.waitFor(async () => expect((await authApi.post('/auth/introspect', { token: accessToken })).body.data).toEqual({ active: false }), { timeout: 10_000, interval: 100 });
  }

  afterAll(async () => {
    await customer?.stop();
    await auth?.stop();
    await transport.close();
    for (const db of databases) await db.drop();
  });

  it('deletes the auth account of an erased customer: login, refresh and the access token stop working', async () => {
    const email = `erase-${Date.now()}@example.com`;
    expect((await authApi.post('/auth/register', { email, password: PASSWORD })).status).toBe(201);
    const tokens = (await authApi.post('/auth/login', { email, password: PASSWORD })).body.data;
    await vi.waitFor(async () => expect((await customerApi.get('/customers/me', tokens.accessToken)).status).toBe(200));

    expect((await customerApi.delete('/customers/me', tokens.accessToken)).status).toBe(204);

    // The event travels outbox -> relay -> transport -> auth's inbox: a moment, not at once.
    await accountDisabled(tokens.accessToken);
    expect((await authApi.post('/auth/login', { email, password: PASSWORD })).status).toBe(401);
    expect((await authApi.post('/auth/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);
    expect((await authApi.get('/auth/me', tokens.accessToken)).status).toBe(401);
  });

  it('frees the email of the erased account, so the person may register afresh', async () => {
    const email = `again-${Date.now()}@example.com`;
    await authApi.post('/auth/register', { email, password: PASSWORD });
    const first = (await authApi.post('/auth/login', { email, password: PASSWORD })).body.data;
    await vi.waitFor(async () => expect((await customerApi.get('/customers/me', first.accessToken)).status).toBe(200));
    await customerApi.delete('/customers/me', first.accessToken);
    await accountDisabled(first.accessToken);

    expect((await authApi.post('/auth/register', { email, password: PASSWORD })).status).toBe(201);
    expect((await authApi.post('/auth/login', { email, password: PASSWORD })).status).toBe(200);
  });
});
