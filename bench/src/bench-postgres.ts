// A throwaway embedded PostgreSQL for one benchmark (or DATABASE_URL's server when given), dropped afterwards.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@ecommerce/common/db';
import { createTestDatabase, freePort } from '@ecommerce/common/testing';

export async function withBenchPostgres(label: string, fn: (databaseUrl: string) => Promise<void>): Promise<void> {
  const external = process.env.BENCH_DATABASE_ADMIN_URL;
  const dir = external ? undefined : await mkdtemp(path.join(tmpdir(), 'ecommerce-bench-pg-'));
  if (dir) await chmod(dir, 0o755);
  const server = dir
    ? await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: await freePort(), database: 'postgres', persistent: false })
    : undefined;
  const adminUrl = external ?? server!.url;
  const db = await createTestDatabase(adminUrl, label);
  try {
    await fn(db.url);
  } finally {
    await db.drop();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}
