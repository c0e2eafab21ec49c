// The real goose binary reads every service's version table, named as a goose user writes it (unquoted
// `-table <schema>.<service>_goose_db_version`), and runs the migration files unchanged. CI installs goose
// (scripts/install-goose.sh); where it is missing the test says so in its name and output.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceSchema } from '../../src/db/service-schemas.js';
import { findRepoRoot, runMigrationCommand } from '../../src/migrate/index.js';
import { createMigratedTestDatabase, createTestDatabase, postgresAdminUrl, type TestDatabase } from '../../src/testing/index.js';
import { query } from './support/migrate-fixtures.js';

const repoRoot = findRepoRoot();
const goose = [path.join(repoRoot, '.cache/bin/goose'), ...(process.env.PATH ?? '').split(':').map((d) => path.join(d, 'goose'))].find((candidate) =>
  existsSync(candidate),
);
const skipped = goose ? '' : ' (skipped: goose not installed; run scripts/install-goose.sh)';
if (!goose) process.stderr.write('real goose tests NOT RUN: goose not installed (scripts/install-goose.sh)\n');

const migrationsDir = path.join(repoRoot, 'migrations');
const services = readdirSync(migrationsDir).filter((name) => statSync(path.join(migrationsDir, name)).isDirectory()).sort();
const sqlFiles = (service: string) => readdirSync(path.join(migrationsDir, service)).filter((f) => f.endsWith('.sql')).sort();

function runGoose(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(goose!, args, { timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

/**
 * The URL as the README writes it for goose: pgx sends `search_path` as a run-time parameter, so the unqualified
 * SQL lands in the service's schema, with `public` behind it as under our CLI (extensions live there).
 */
function gooseUrl(url: string, schema: string): string {
  return `${url}?search_path=${schema},public`;
}

describe.skipIf(!goose)(`the real goose binary${skipped}`, () => {
  describe.each(services)('on the %s migrations applied by our CLI', (service) => {
    let db: TestDatabase;
    let schema: string;
    beforeAll(async () => {
      db = await createMigratedTestDatabase(service);
      // Wherever our CLI put the version table is what an operator points goose at.
      const rows = await query<{ schemaname: string }>(db.url, 'SELECT schemaname FROM pg_tables WHERE tablename = $1', [`${service}_goose_db_version`]);
      schema = rows[0]!.schemaname;
    });
    afterAll(() => db?.drop());

    it('reports every migration as applied with -table <schema>.<service>_goose_db_version, unquoted', async () => {
      const table = `${schema}.${service}_goose_db_version`;
      const { code, output } = await runGoose(['-dir', path.join(migrationsDir, service), '-table', table, 'postgres', gooseUrl(db.url, schema), 'status']);
      expect(output).not.toMatch(/error/i);
      expect(code).toBe(0);
      for (const file of sqlFiles(service)) expect(output).toMatch(new RegExp(`\\d{2}:\\d{2}:\\d{2} \\d{4} -- ${file}`));
      expect(output).not.toMatch(/Pending/);
    });
  });

  it("applies every service's files unchanged, and our CLI then reads goose's version tables as up to date", async () => {
    const db = await createTestDatabase(postgresAdminUrl(), 'goose_up');
    try {
      for (const service of services) {
        const schema = serviceSchema(service);
        await query(db.url, `CREATE SCHEMA ${schema}`); // goose creates tables, never schemas
        const up = await runGoose(['-dir', path.join(migrationsDir, service), '-table', `${schema}.${service}_goose_db_version`, 'postgres', gooseUrl(db.url, schema), 'up']);
        expect(up.output).toContain('successfully migrated database');
        expect(up.code).toBe(0);
        const lines: string[] = [];
        const result = await runMigrationCommand({ databaseUrl: db.url, service, dir: path.join(migrationsDir, service), command: 'up', out: (l) => lines.push(l) });
        expect(result.applied).toEqual([]);
        expect(lines.at(-1)).toMatch(/no migrations to run/);
      }
    } finally {
      await db.drop();
    }
  });
});
