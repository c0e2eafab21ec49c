// A fresh database whose service schema has the outbox/inbox tables from the template in migrations/README.md.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDatabase, type Knex } from '../../../src/db/index.js';
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

/** The template's `-- +goose Up` section, as a service's migration would apply it. */
export async function outboxTemplate(): Promise<{ up: string; down: string }> {
  const text = await readFile(README, 'utf8');
  const block = /<!-- outbox-inbox-template:start -->\s*```sql\n([\s\S]*?)```/.exec(text)?.[1];
  if (!block) throw new Error('outbox template block not found in migrations/README.md');
  const [, up = '', down = ''] = block.split(/^-- \+goose (?:Up|Down)$/m);
  const strip = (sql: string) => sql.replace(/^-- \+goose Statement(Begin|End)$/gm, '');
  return { up: strip(up), down: strip(down) };
}

export async function createEventsDatabase(schema = 'svc'): Promise<EventsDatabase> {
  const test = await createTestDatabase(postgresAdminUrl(), `events_${schema}`);
  const client = new pg.Client(test.url);
  await client.connect();
  const { up } = await outboxTemplate();
  await client.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}; SET search_path TO ${pg.escapeIdentifier(schema)}, public;`);
  await client.query(up);
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
