// Starts the real user service on port 0 against a freshly migrated database, with a test token issuer, and
// gives tests a real gRPC client.
import { createGrpcClient, unaryCall } from '@ecommerce/common/grpc';
import type { AppError } from '@ecommerce/common/errors';
import { coreServiceTestEnv, createMigratedTestDatabase, createTestJwtIssuer, type TestDatabase, type TestJwtIssuer } from '@ecommerce/common/testing';
import { UserServiceClient } from '@ecommerce/proto/user/v1/user';
import type { ServiceError } from '@grpc/grpc-js';
import { status } from '@grpc/grpc-js';
import type { RunningService, SharedResources } from '@ecommerce/common/lifecycle';
import { startUser } from '../src/main.js';

export interface Harness {
  service: RunningService;
  client: UserServiceClient;
  issuer: TestJwtIssuer;
  tokens: { admin: string; staff: string; customer: string };
  database: TestDatabase;
  close(): Promise<void>;
}

/** `deps.transport`: where the service's events go, for tests that observe them. */
export async function startHarness(env: Record<string, string> = {}, deps: SharedResources = {}): Promise<Harness> {
  const database = await createMigratedTestDatabase('user');
  const issuer = await createTestJwtIssuer();
  const service = await startUser({ ...coreServiceTestEnv({ databaseUrl: database.url, publicKeyPem: issuer.publicKeyPem }), ...env }, deps);
  const client = createGrpcClient(UserServiceClient, { address: service.urls.grpc!, deadlineMs: 10_000 });
  const tokens = {
    admin: await issuer.sign({ sub: 'admin-1', roles: ['admin'], type: 'staff' }),
    staff: await issuer.sign({ sub: 'staff-1', roles: ['staff'], type: 'staff' }),
    customer: await issuer.sign({ sub: 'customer-1', roles: ['customer'], type: 'customer' }),
  };
  return {
    service,
    client,
    issuer,
    tokens,
    database,
    async close() {
      client.close();
      await service.stop();
      await database.drop();
    },
  };
}

/** The gRPC status name a rejected unaryCall carried, e.g. `NOT_FOUND`. */
export function grpcCode(err: unknown): string {
  const cause = (err as AppError).cause as ServiceError | undefined;
  if (!cause || typeof cause.code !== 'number') throw err;
  return status[cause.code];
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
