// Shared arrangements for the migration tests: a temp migrations directory, a fresh database, the CLI
// as a real child process, and a few read-backs of what the database holds.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createTestDatabase, postgresAdminUrl, type TestDatabase } from '../../../src/testing/index.js';
import { runTypeScript } from '../../support/typescript-child.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI_SOURCE = path.resolve(here, '../../../src/migrate/cli.ts');

/** A goose migration file creating (and on Down dropping) table `name`. */
export function createTableSql(name: string): string {
  return `-- +goose Up\nCREATE TABLE ${name} (id serial PRIMARY KEY);\n\n-- +goose Down\nDROP TABLE ${name};\n`;
}

export interface Workspace {
  /** Parent directory, as the CLI's --dir. */
  root: string;
  /** `root/<service>`, as the library's `dir`. */
  dir: string;
  service: string;
  db: TestDatabase;
  write(files: Record<string, string>): Promise<void>;
  cleanup(): Promise<void>;
}

export async function createWorkspace(service = 'shop', files: Record<string, string> = {}): Promise<Workspace> {
  const root = await mkdtemp(path.join(tmpdir(), 'migrate-test-'));
  const dir = path.join(root, service);
  await mkdir(dir);
  const db = await createTestDatabase(postgresAdminUrl(), 'migrate');
  const workspace: Workspace = {
    root,
    dir,
    service,
    db,
    async write(more) {
      for (const [name, text] of Object.entries(more)) await writeFile(path.join(dir, name), text);
    },
    async cleanup() {
      await db.drop();
      await rm(root, { recursive: true, force: true });
    },
  };
  await workspace.write(files);
  return workspace;
}

export async function query<T extends pg.QueryResultRow = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Names of the tables in `schema`. */
export async function tablesIn(url: string, schema: string): Promise<string[]> {
  const rows = await query<{ tablename: string }>(url, 'SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename', [schema]);
  return rows.map((r) => r.tablename);
}

/** Rows of the goose version table, oldest first. */
export async function versionRows(url: string, schema: string, service = schema): Promise<Array<{ version_id: number; is_applied: boolean }>> {
  return query(url, `SELECT version_id::int AS version_id, is_applied FROM "${schema}"."${service}_goose_db_version" ORDER BY id`);
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the migration CLI from its TypeScript source in a real `node` child process. */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const { code, stdout, stderr } = await runTypeScript(CLI_SOURCE, args, { DATABASE_URL: '', ...env });
  return { code, stdout, stderr };
}
