// Starts the real search service on port 0 against a freshly migrated database, with a test token issuer,
// and gives tests a real gRPC client.
import { createGrpcClient } from '@ecommerce/common/grpc';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { coreServiceTestEnv, createMigratedTestDatabase, createTestJwtIssuer, type TestDatabase } from '@ecommerce/common/testing';
import { SearchServiceClient } from '@ecommerce/proto/search/v1/search';
import { startSearch } from '../src/main.js';

export interface Harness {
  service: RunningService;
  client: SearchServiceClient;
  database: TestDatabase;
  tokens: { staff: string; customer: string };
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const database = await createMigratedTestDatabase('search');
  const issuer = await createTestJwtIssuer();
  const service = await startSearch(coreServiceTestEnv({ databaseUrl: database.url, publicKeyPem: issuer.publicKeyPem }));
  const client = createGrpcClient(SearchServiceClient, { address: service.urls.grpc!, deadlineMs: 10_000 });
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
