// The database the CLI works on: the one given, or else the embedded PostgreSQL `make dev` uses
// (reused when it is already running, and stopped afterwards only when this command started it).
import path from 'node:path';
import { findRepoRoot } from './repo-root.js';

export interface CliDatabase {
  url: string;
  release(): Promise<void>;
}

export async function openCliDatabase(databaseUrl: string | undefined, env: Record<string, string | undefined> = process.env): Promise<CliDatabase> {
  if (databaseUrl) return { url: databaseUrl, release: async () => {} };
  // Loaded on demand: a run against an external database should not pay for the embedded launcher.
  const { startEmbeddedPostgres } = await import('../db/embedded-postgres.js');
  const server = await startEmbeddedPostgres({
    // DEV_DATA_DIR as for the runner: a second, throwaway ecosystem (and the tests) keep theirs elsewhere.
    dataDir: path.join(env.DEV_DATA_DIR || path.join(findRepoRoot(), '.data'), 'postgres'),
    port: Number(env.EMBEDDED_PG_PORT || 54329),
    database: 'ecommerce',
    persistent: true,
  });
  return { url: server.url, release: () => (server.started ? server.stop() : Promise.resolve()) };
}
