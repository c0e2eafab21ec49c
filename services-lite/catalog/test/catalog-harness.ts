// Starts the real catalog service on port 0 against a freshly migrated database, with tokens for each role.
import type { SharedResources } from '@ecommerce/common/lifecycle';
import { createMigratedTestDatabase, createTestJwtIssuer, apiClient, type ApiClient } from '@ecommerce/common/testing';
import { afterAll, beforeAll } from 'vitest';
import { startCatalog } from '../src/main.js';

export interface CatalogHarness {
  url: string;
  /** URL of the test database, for assertions that must look under the API. */
  databaseUrl: string;
  api: ApiClient;
  staffToken: string;
  adminToken: string;
  customerToken: string;
  stop(): Promise<void>;
}

/**
 * `shared.transport`: where the catalog's events go (tests that observe them); by default its own in-process one.
 * `env`: further variables (e.g. PRODUCT_CACHE_ENABLED).
 */
export async function startCatalogHarness(shared: SharedResources = {}, env: Record<string, string> = {}): Promise<CatalogHarness> {
  const db = await createMigratedTestDatabase('catalog');
  const issuer = await createTestJwtIssuer();
  const catalog = await startCatalog({
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
    DATABASE_URL: db.url,
    JWT_PUBLIC_KEY: issuer.publicKeyPem,
    LOG_LEVEL: 'silent',
    ...env,
  }, shared);
  const url = catalog.urls.http!;
  return {
    url,
    databaseUrl: db.url,
    api: apiClient(url),
    staffToken: await issuer.sign({ sub: 'staff-1', roles: ['staff'], type: 'staff' }),
    adminToken: await issuer.sign({ sub: 'admin-1', roles: ['admin'], type: 'staff' }),
    customerToken: await issuer.sign({ sub: 'customer-1', roles: ['customer'], type: 'customer' }),
    async stop() {
      await catalog.stop();
      await db.drop();
    },
  };
}

/** Registers hooks that start one catalog for the calling test file and stop it afterwards; fields fill in before the tests run. */
export function useCatalogHarness(env: Record<string, string> = {}): CatalogHarness {
  const harness = {} as CatalogHarness;
  beforeAll(async () => {
    Object.assign(harness, await startCatalogHarness({}, env));
  });
  afterAll(async () => {
    await harness.stop?.();
  });
  return harness;
}
