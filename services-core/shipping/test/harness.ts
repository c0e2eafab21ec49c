// Starts the real shipping service on port 0 against a freshly migrated database, with a test token issuer,
// and gives tests a real gRPC client.
import { createGrpcClient } from '@ecommerce/common/grpc';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { coreServiceTestEnv, createMigratedTestDatabase, createTestJwtIssuer, type TestDatabase } from '@ecommerce/common/testing';
import { ShippingServiceClient } from '@ecommerce/proto/shipping/v1/shipping';
import { startShipping } from '../src/main.js';

export interface Harness {
  service: RunningService;
  client: ShippingServiceClient;
  database: TestDatabase;
  tokens: { staff: string; customer: string };
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const database = await createMigratedTestDatabase('shipping');
  const issuer = await createTestJwtIssuer();
  const service = await startShipping(coreServiceTestEnv({ databaseUrl: database.url, publicKeyPem: issuer.publicKeyPem }));
  const client = createGrpcClient(ShippingServiceClient, { address: service.urls.grpc!, deadlineMs: 10_000 });
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
