// Starts the real notification service on port 0 against a freshly migrated database, with a test token issuer,
// and gives tests a real gRPC client.
import { createGrpcClient } from '@ecommerce/common/grpc';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { coreServiceTestEnv, createMigratedTestDatabase, createTestJwtIssuer, type TestDatabase } from '@ecommerce/common/testing';
import { NotificationServiceClient } from '@ecommerce/proto/notification/v1/notification';
import { startNotification } from '../src/main.js';

export interface Harness {
  service: RunningService;
  client: NotificationServiceClient;
  database: TestDatabase;
  tokens: { staff: string; customer: string };
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const database = await createMigratedTestDatabase('notification');
  const issuer = await createTestJwtIssuer();
  const service = await startNotification(coreServiceTestEnv({ databaseUrl: database.url, publicKeyPem: issuer.publicKeyPem }));
  const client = createGrpcClient(NotificationServiceClient, { address: service.urls.grpc!, deadlineMs: 10_000 });
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
