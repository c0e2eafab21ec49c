// A fresh database whose service schema holds the migration templates of migrations/README.md (outbox/inbox,
// saga, idempotency), applied by the project's goose-compatible runner exactly as a service's own files are.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDatabase, type Knex } from '../../src/db/index.js';
import { runMigrationCommand, type MigrationVerb } from '../../src/migrate/index.js';
import { createTestDatabase } from '../../src/testing/test-database.js';
import { postgresAdminUrl } from '../../src/testing/vitest-context.js';

const README = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../migrations/README.md');

/** The marker names of the template blocks in migrations/README.md. */
export type TemplateName = 'outbox-inbox' | 'saga' | 'idempotency';

/** The template block between `<!-- <name>-template:start -->` and its end marker, verbatim: a goose file. */
export async function readTemplate(name: TemplateName): Promise<string> {
  const text = await readFile(README, 'utf8');
  const block = new RegExp(`<!-- ${name}-template:start -->\\s*\`\`\`sql\\n([\\s\\S]*?)\`\`\``).exec(text)?.[1];
  if (!block) throw new Error(`${name} template block not found in migrations/README.md`);
  return block;
}

/** Runs `verb` for `schema` over a migrations directory holding the templates as 00001, 00002, ... */
export async function migrateTemplates(databaseUrl: string, schema: string, templates: TemplateName[], verb: MigrationVerb): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'templates-'));
  try {
    for (const [i, name] of templates.entries()) {
      await writeFile(path.join(dir, `${String(i + 1).padStart(5, '0')}_create_${name.replace('-', '_')}.sql`), await readTemplate(name));
    }
    await runMigrationCommand({ databaseUrl, service: schema, dir, command: verb });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface TemplateDatabase {
  url: string;
  schema: string;
  db: Knex;
  /** Runs SQL as the admin on this database (ageing rows, terminating sessions). */
  admin<R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export async function createTemplateDatabase(schema: string, templates: TemplateName[]): Promise<TemplateDatabase> {
  const test = await createTestDatabase(postgresAdminUrl(), `tpl_${schema}`);
  const client = new pg.Client(test.url);
  await client.connect();
  await migrateTemplates(test.url, schema, templates, 'up');
  const db = createDatabase({ url: test.url, schema, poolMax: 8 });
  return {
    url: test.url,
    schema,
    db,
    admin: async (sql, params) => (await client.query(sql, params)).rows,
    async close() {
      await db.destroy();
      await client.end();
      await test.drop();
    },
  };
}

/** Names of the tables in `schema`, sorted. */
export async function tablesOf(database: TemplateDatabase, schema: string): Promise<string[]> {
  const rows = await database.admin<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1`, [schema]);
  return rows.map((r) => r.t);
}
