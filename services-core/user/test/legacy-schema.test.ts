// An installation from before the schema rename (data in schema "user"): after the migration CLI's `up`, the
// real service serves the users, roles and assignments written under the old layout.
import path from 'node:path';
import { createDatabase } from '@ecommerce/common/db';
import { createGrpcClient } from '@ecommerce/common/grpc';
import { findRepoRoot, migrateUp, runMigrationCommand } from '@ecommerce/common/migrate';
import { coreServiceTestEnv, createTestDatabase, createTestJwtIssuer, postgresAdminUrl } from '@ecommerce/common/testing';
import { UserServiceClient } from '@ecommerce/proto/user/v1/user';
import { expect, it } from 'vitest';
import { startUser } from '../src/main.js';
import { unaryCall } from './harness.js';

const ANN = '00000000-0000-4000-8000-0000000000a1';

it('serves a user written under the legacy schema "user" once up has moved it', async () => {
  const database = await createTestDatabase(postgresAdminUrl(), 'user_legacy');
  const dir = path.join(findRepoRoot(), 'migrations', 'user');
  try {
    await runMigrationCommand({ databaseUrl: database.url, service: 'user', dir, schema: 'user', command: 'up' });
    const legacy = createDatabase({ url: database.url, schema: 'user' });
    await legacy.raw(`INSERT INTO "user".users (id, email, name) VALUES (?, 'ann@shop.test', 'Ann')`, [ANN]);
    await legacy.raw(`INSERT INTO "user".user_roles (user_id, role_id) SELECT ?, id FROM "user".roles WHERE name = 'staff'`, [ANN]);
    await legacy.destroy();

    await migrateUp({ databaseUrl: database.url, service: 'user', dir });
    const issuer = await createTestJwtIssuer();
    const service = await startUser(coreServiceTestEnv({ databaseUrl: database.url, publicKeyPem: issuer.publicKeyPem }));
    const client = createGrpcClient(UserServiceClient, { address: service.urls.grpc!, deadlineMs: 10_000 });
    try {
      const token = await issuer.sign({ sub: 'admin-1', roles: ['admin'], type: 'staff' });
      const { user } = await unaryCall(client.getUser.bind(client), { id: ANN }, { token });
      expect(user).toMatchObject({ id: ANN, email: 'ann@shop.test', name: 'Ann', roles: ['staff'] });
    } finally {
      client.close();
      await service.stop();
    }
  } finally {
    await database.drop();
  }
});
