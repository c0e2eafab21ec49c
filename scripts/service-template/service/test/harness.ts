// Starts the real __name__ service on port 0 against a freshly migrated database, with a test token issuer,
// and gives tests a real gRPC client.
import { createGrpcClient } from '@ecommerce/common/grpc';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { coreServiceTestEnv, createMigratedTestDatabase, createTestJwtIssuer, type TestDatabase } from '@ecommerce/common/testing';
import { __Name__ServiceClient } from '@ecommerce/proto/__name__/v1/__name__';
import { start__Name__ } from '../src/main.js';

export interface Harness {
  service: RunningService;
  client: __Name__ServiceClient;
  database: TestDatabase;
  tokens: { staff: string; customer: string };
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const database = await createMigratedTestDatabase('__name__');
  const issuer = await createTestJwtIssuer();
  const service = await start__Name__(coreServiceTestEnv({ databaseUrl: database.url, publicKeyPem: issuer.publicKeyPem }));
  const client = createGrpcClient(__Name__ServiceClient, { address: service.urls.grpc!, deadlineMs: 10_000 });
  return {
    service,
    client,
    database,
    tokens: {
      staff: await issuer.sign({ sub: 'staff-1', roles: ['staff'], type: 'staff' }),
      customer: await issuer.sign({ sub: 'customer-1', roles: ['customer'], type: 'customer' }),
    },
    async close() {
      client.close();
      await service.stop();
      await database.drop();
    },
  };
}
