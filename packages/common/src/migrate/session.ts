// One database connection per command, bound to the service schema, holding the service's advisory lock
// while a state-changing verb runs so concurrent runs apply each migration exactly once.
import pg from 'pg';
import { isLegacyLayout, moveLegacySchema, type SchemaLayout } from './legacy-schema.js';
import { escapeIdentifier } from './sql.js';
import { VersionStore } from './version-store.js';

// First key of pg_advisory_lock(int4, int4): marks the lock as ours; the second key is the schema's hash.
const LOCK_CLASS = 0x600de;

export interface SessionOptions extends SchemaLayout {
  databaseUrl: string;
  /** Take the advisory lock (and create the version table) for the duration of `fn`. */
  exclusive: boolean;
  out: (line: string) => void;
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
    if (!options.exclusive) {
      // Read-only verbs change nothing: an older release's layout is read where it is, and the next `up` moves it.
      const legacy = await isLegacyLayout(client, options);
      if (legacy) options.out(`goose: schema ${escapeIdentifier(options.legacySchema!)} is an older release's; the next up renames it to ${options.schema}`);
      return await fn({ client, store: await bind(client, legacy ? options.legacySchema! : options.schema, options.table) });
    }
    const lockKey = `goose:${options.schema}`;
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [LOCK_CLASS, lockKey]);
    try {
      if (await isLegacyLayout(client, options)) await moveLegacySchema(client, options, options.out);
      const store = await bind(client, options.schema, options.table);
      await store.ensure();
      return await fn({ client, store });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_CLASS, lockKey]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}

async function bind(client: pg.Client, schema: string, table: string): Promise<VersionStore> {
  // Migration SQL never names the schema: it lands in the service's schema through the search path.
  await client.query(`SET search_path TO ${escapeIdentifier(schema)}, public`);
  return new VersionStore(client, schema, table);
}
