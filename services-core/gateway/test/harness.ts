// Starts the real catalog and user services (each on port 0, against its own freshly migrated database) and
// the gateway in front of them, with tokens for each role signed by one test issuer that all three trust.
import { randomBytes } from 'node:crypto';
import { startCatalog } from '@ecommerce/catalog';
import { createMigratedTestDatabase, createTestJwtIssuer, type TestDatabase, type TestJwtIssuer } from '@ecommerce/common/testing';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { startUser } from '@ecommerce/user';
import { afterAll, beforeAll } from 'vitest';
import { startGateway, type GatewayOverrides } from '../src/main.js';

export interface Stack {
  gateway: RunningService;
  /** A test that restarts the catalog puts the new one here; stop() stops whichever is here then. */
  catalog: RunningService;
  user: RunningService;
  issuer: TestJwtIssuer;
  tokens: { admin: string; staff: string; customer: string };
  databases: { catalog: TestDatabase; user: TestDatabase };
  /** Env the catalog was started with, to start it again on the same port. */
  catalogEnv: Record<string, string>;
  /** fetch against the gateway, JSON in and out. */
  call(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<ApiResponse>;
  stop(): Promise<void>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any;
}

export async function startStack(gatewayEnv: Record<string, string> = {}, overrides: GatewayOverrides = {}): Promise<Stack> {
  const issuer = await createTestJwtIssuer();
  const databases = { catalog: await createMigratedTestDatabase('catalog'), user: await createMigratedTestDatabase('user') };
  const common = { HTTP_HOST: '127.0.0.1', JWT_PUBLIC_KEY: issuer.publicKeyPem, LOG_LEVEL: 'silent' };
  const catalogEnv = { ...common, HTTP_PORT: '0', DATABASE_URL: databases.catalog.url };
  const catalog = await startCatalog(catalogEnv);
  const user = await startUser({ ...common, HTTP_PORT: '0', GRPC_PORT: '0', GRPC_HOST: '127.0.0.1', DATABASE_URL: databases.user.url, SHUTDOWN_DRAIN_MS: '500' });
  const gateway = await startGateway(
    { ...common, HTTP_PORT: '0', CATALOG_URL: catalog.urls.http, USER_GRPC_ADDRESS: user.urls.grpc!, SHUTDOWN_DRAIN_MS: '500', ...gatewayEnv },
    {},
    overrides,
  );
  const stack: Stack = {
    gateway,
    catalog,
    user,
    issuer,
    databases,
    catalogEnv: { ...catalogEnv, HTTP_PORT: new URL(catalog.urls.http!).port },
    tokens: {
      admin: await issuer.sign({ sub: 'admin-1', roles: ['admin'], type: 'staff' }),
      staff: await issuer.sign({ sub: 'staff-1', roles: ['staff'], type: 'staff' }),
      customer: await issuer.sign({ sub: 'customer-1', roles: ['customer'], type: 'customer' }),
    },
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${gateway.urls.http}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
    },
    async stop(this: Stack) {
      await gateway.stop();
      // `this`, not the object built here: useStack copies the fields into the object tests hold (and reassign).
      await this.catalog.stop();
      await user.stop();
      await databases.catalog.drop();
      await databases.user.drop();
    },
  };
  return stack;
}

/** One stack for the calling test file; its fields fill in before the tests run. */
export function useStack(gatewayEnv: Record<string, string> = {}, overrides: GatewayOverrides = {}): Stack {
  const stack = {} as Stack;
  beforeAll(async () => {
    Object.assign(stack, await startStack(gatewayEnv, overrides));
  });
  afterAll(async () => {
    await stack.stop?.();
  });
  return stack;
}

export function uniqueTag(): string {
  return randomBytes(4).toString('hex');
}

export function aProduct(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const tag = uniqueTag();
  return { sku: `SKU-${tag}`, slug: `product-${tag}`, name: `Product ${tag}`, description: 'Through the gateway', status: 'active', ...overrides };
}
