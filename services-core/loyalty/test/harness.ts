// Starts the real loyalty service on port 0 against a freshly migrated database, with a test token issuer,
// and gives tests a real gRPC client.
import { createGrpcClient } from '@ecommerce/common/grpc';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { coreServiceTestEnv, createMigratedTestDatabase, createTestJwtIssuer, type TestDatabase } from '@ecommerce/common/testing';
import { LoyaltyServiceClient } from '@ecommerce/proto/loyalty/v1/loyalty';
import { startLoyalty } from '../src/main.js';

export interface Harness {
  service: RunningService;
  client: LoyaltyServiceClient;
  database: TestDatabase;
  tokens: { staff: string; customer: string };
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const database = await createMigratedTestDatabase('loyalty');
  const issuer = await createTestJwtIssuer();
  const service = await startLoyalty(coreServiceTestEnv({ databaseUrl: database.url, publicKeyPem: issuer.publicKeyPem }));
  const client = createGrpcClient(LoyaltyServiceClient, { address: service.urls.grpc!, deadlineMs: 10_000 });
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
