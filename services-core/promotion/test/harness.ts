// Starts the real promotion service on port 0 against a freshly migrated database, with a test token issuer,
// and gives tests a real gRPC client plus a direct database handle for checking invariants.
import { createDatabase, type Knex } from '@ecommerce/common/db';
import { createGrpcClient } from '@ecommerce/common/grpc';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { coreServiceTestEnv, createMigratedTestDatabase, createTestJwtIssuer, type TestDatabase } from '@ecommerce/common/testing';
import { PromotionServiceClient } from '@ecommerce/proto/promotion/v1/promotion';
import { startPromotion } from '../src/main.js';

export interface Harness {
  service: RunningService;
  client: PromotionServiceClient;
  database: TestDatabase;
  db: Knex;
  tokens: { staff: string; customer: string };
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const database = await createMigratedTestDatabase('promotion');
  const issuer = await createTestJwtIssuer();
  const service = await startPromotion(coreServiceTestEnv({ databaseUrl: database.url, publicKeyPem: issuer.publicKeyPem }));
  const client = createGrpcClient(PromotionServiceClient, { address: service.urls.grpc!, deadlineMs: 10_000 });
  const db = createDatabase({ url: database.url, schema: 'promotion', poolMax: 2 });
  return {
    service,
    client,
    database,
    db,
    tokens: {
      staff: await issuer.sign({ sub: 'staff-1', roles: ['staff'], type: 'staff' }),
      customer: await issuer.sign({ sub: 'customer-1', roles: ['customer'], type: 'customer' }),
    },
    async close() {
      client.close();
      await db.destroy();
      await service.stop();
      await database.drop();
    },
  };
}

/** Automatic promotions apply to every cart: each test switches off what it switched on. */
export async function deactivateAll(h: Harness): Promise<void> {
  await h.db('promotions').update({ status: 'inactive' });
}
