// A fresh test database with one service's real migrations (`<repo>/migrations/<service>`) applied.
import path from 'node:path';
import { migrateUp } from '../migrate/commands.js';
import { findRepoRoot } from '../migrate/repo-root.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { postgresAdminUrl } from './vitest-context.js';

export async function createMigratedTestDatabase(service: string): Promise<TestDatabase> {
  const database = await createTestDatabase(postgresAdminUrl(), service);
  try {
    await migrateUp({ databaseUrl: database.url, service, dir: path.join(findRepoRoot(), 'migrations', service) });
  } catch (err) {
    await database.drop();
    throw err;
  }
  return database;
}
