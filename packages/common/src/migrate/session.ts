// One database connection per command, bound to the service schema, holding the service's advisory lock
// while a state-changing verb runs so concurrent runs apply each migration exactly once.
import pg from 'pg';
import { escapeIdentifier } from './sql.js';
import { VersionStore } from './version-store.js';

// First key of pg_advisory_lock(int4, int4): marks the lock as ours; the second key is the schema's hash.
const LOCK_CLASS = 0x600de;

export interface SessionOptions {
  databaseUrl: string;
  schema: string;
  table: string;
  /** Take the advisory lock (and create the version table) for the duration of `fn`. */
  exclusive: boolean;
}

export interface MigrationSession {
  client: pg.Client;
  store: VersionStore;
}

export async function withMigrationSession<T>(options: SessionOptions, fn: (session: MigrationSession) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: `migrate:${options.schema}` });
  // Without a listener a dropped connection would crash the process instead of failing the query.
  client.on('error', () => {});
  await client.connect();
  try {
    // Migration SQL never names the schema: it lands in the service's schema through the search path.
    await client.query(`SET search_path TO ${escapeIdentifier(options.schema)}, public`);
    const store = new VersionStore(client, options.schema, options.table);
    if (!options.exclusive) return await fn({ client, store });
    const lockKey = `goose:${options.schema}`;
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [LOCK_CLASS, lockKey]);
    try {
      await store.ensure();
      return await fn({ client, store });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_CLASS, lockKey]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}
