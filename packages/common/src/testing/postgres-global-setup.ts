// vitest globalSetup: one real PostgreSQL server for the whole test run, in a temporary directory.
// Each test file then creates its own database (createTestDatabase), so files never share state.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { freePort } from '../lifecycle/ports.js';

interface ProvideContext {
  provide(key: string, value: unknown): void;
}

export default async function setup(ctx: ProvideContext): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_ADMIN_URL;
  if (external) {
    ctx.provide('postgresAdminUrl', external);
    return async () => {};
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'ecommerce-test-pg-'));
  await chmod(dir, 0o755); // as root, the server runs as the `postgres` user and must reach its data dir
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: await freePort(),
    database: 'postgres',
    persistent: false,
  });
  ctx.provide('postgresAdminUrl', server.url);
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
