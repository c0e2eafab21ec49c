// A fresh database whose service schema has the outbox/inbox tables from the template in migrations/README.md,
// applied by the project's goose-compatible runner exactly as a service's own migration file would be.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDatabase, type Knex } from '../../../src/db/index.js';
import { runMigrationCommand, type MigrationVerb } from '../../../src/migrate/index.js';
import { createTestDatabase } from '../../../src/testing/test-database.js';
import { postgresAdminUrl } from '../../../src/testing/vitest-context.js';

const README = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../migrations/README.md');

export interface EventsDatabase {
  url: string;
  schema: string;
  db: Knex;
  /** Runs SQL as the admin on this database (fault injection: terminating the relay's session). */
  admin(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
  close(): Promise<void>;
}

/** The template block, verbatim: a goose migration file. */
export async function outboxTemplate(): Promise<string> {
  const text = await readFile(README, 'utf8');
  const block = /<!-- outbox-inbox-template:start -->\s*```sql\n([\s\S]*?)```/.exec(text)?.[1];
  if (!block) throw new Error('outbox template block not found in migrations/README.md');
  return block;
}

/** Runs `verb` for `schema` over a migrations directory holding only the template as 00001. */
export async function migrateTemplate(databaseUrl: string, schema: string, verb: MigrationVerb): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'outbox-template-'));
  try {
    await writeFile(path.join(dir, '00001_create_event_outbox_inbox.sql'), await outboxTemplate());
    await runMigrationCommand({ databaseUrl, service: schema, dir, command: verb });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function createEventsDatabase(schema = 'svc'): Promise<EventsDatabase> {
  const test = await createTestDatabase(postgresAdminUrl(), `events_${schema}`);
  const client = new pg.Client(test.url);
  await client.connect();
  await migrateTemplate(test.url, schema, 'up');
  const db = createDatabase({ url: test.url, schema, poolMax: 8 });
  return {
    url: test.url,
    schema,
    db,
    admin: (sql, params) => client.query(sql, params),
    async close() {
      await db.destroy();
      await client.end();
      await test.drop();
    },
  };
}
