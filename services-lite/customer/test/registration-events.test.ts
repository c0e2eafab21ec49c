// The real auth service and the customer service on one in-process transport, as in `make dev`: a registration
// at auth becomes a profile here, readable with the access token auth issued (verified through auth's JWKS).
import { createInProcessTransport } from '@ecommerce/common/events';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { createMigratedTestDatabase, apiClient } from '@ecommerce/common/testing';
import { startAuth } from '@ecommerce/auth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startCustomer } from '../src/main.js';

describe('registration through auth', () => {
  const transport = createInProcessTransport({ partitions: 1 });
  const databases: Array<{ drop(): Promise<void> }> = [];
  let auth: RunningService;
  let customer: RunningService;

  beforeAll(async () => {
    const [authDb, customerDb] = await Promise.all([createMigratedTestDatabase('auth'), createMigratedTestDatabase('customer')]);
    databases.push(authDb, customerDb);
    const common = { HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', LOG_LEVEL: 'silent', RUN_MODE: 'embedded' };
    auth = await startAuth({ ...common, DATABASE_URL: authDb.url }, { transport });
    customer = await startCustomer({ ...common, DATABASE_URL: customerDb.url, JWT_JWKS_URL: auth.urls.jwks }, { transport });
  });

  afterAll(async () => {
    await customer?.stop();
    await auth?.stop();
    await transport.close();
    for (const db of databases) await db.drop();
  });

  it('creates the profile from auth.account.registered, readable with the token auth issues', async () => {
    const authApi = apiClient(auth.urls.http!);
    const email = `walk-${Date.now()}@example.com`;
    const registered = await authApi.post('/auth/register', { email, password: 'correct horse battery' });
    expect(registered.status).toBe(201);
    const login = await authApi.post('/auth/login', { email, password: 'correct horse battery' });
    const token = login.body.data.accessToken as string;

    const customerApi = apiClient(customer.urls.http!);
    await vi.waitFor(async () => expect((await customerApi.get('/customers/me', token)).status).toBe(200));
    expect((await customerApi.get('/customers/me', token)).body.data).toMatchObject({ id: registered.body.data.id, email, status: 'active' });
  });
});
