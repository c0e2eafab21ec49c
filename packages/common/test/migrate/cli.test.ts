// The CLI as `make migrate-*` runs it: real `node` processes against a real database.
import { readdir } from 'node:fs/promises';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTableSql, createWorkspace, query, runCli, tablesIn, versionRows, type Workspace } from './support/migrate-fixtures.js';

let ws: Workspace;
afterEach(() => ws?.cleanup());

const cli = (...args: string[]) => runCli(['--dir', ws.root, '--database-url', ws.db.url, ...args]);

describe('migration CLI', () => {
  it('three concurrent up processes apply each migration exactly once', async () => {
    ws = await createWorkspace('shop', {
      // The sleep keeps the first migration (and so the lock) busy while the other processes arrive.
      '00001_create_runs.sql': '-- +goose Up\nCREATE TABLE runs (migration int NOT NULL);\nSELECT pg_sleep(0.3);\n-- +goose Down\nDROP TABLE runs;\n',
      '00002_log_two.sql': '-- +goose Up\nINSERT INTO runs VALUES (2);\n-- +goose Down\nDELETE FROM runs WHERE migration = 2;\n',
      '00003_log_three.sql': '-- +goose Up\nINSERT INTO runs VALUES (3);\n-- +goose Down\nDELETE FROM runs WHERE migration = 3;\n',
    });
    const runs = await Promise.all([1, 2, 3].map(() => cli('--service', 'shop', 'up')));

    for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });
    const okLines = runs.flatMap((r) => r.stdout.split('\n').filter((l) => l.startsWith('OK   ')));
    expect(okLines).toHaveLength(3);
    expect(await query(ws.db.url, 'SELECT migration FROM shop.runs ORDER BY migration')).toEqual([{ migration: 2 }, { migration: 3 }]);
    expect((await versionRows(ws.db.url, 'shop')).map((r) => r.version_id)).toEqual([0, 1, 2, 3]);
  });

  it('exits non-zero naming the failing file and the Postgres error, leaving the last good version', async () => {
    ws = await createWorkspace('shop', {
      '00001_create_categories.sql': createTableSql('categories'),
      '00002_bad.sql': '-- +goose Up\nCREATE TABLE brands (id int);\nALTER TABLE missing ADD COLUMN x int;\n-- +goose Down\nDROP TABLE brands;\n',
    });
    const run = await cli('--service', 'shop', 'up');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^OK {3}00001_create_categories\.sql/);
    expect(run.stderr).toMatch(/^goose run: ERROR 00002_bad\.sql: failed to run SQL migration: .*relation "missing" does not exist \(SQLSTATE 42P01\)/);
    expect((await cli('--service', 'shop', 'version')).stdout).toBe('goose: version 1\n');
    expect(await tablesIn(ws.db.url, 'shop')).toEqual(['categories', 'shop_goose_db_version']);
  });

  it('--all migrates every service directory under --dir, each under its own header', async () => {
    ws = await createWorkspace('catalog', { '00001_create_products.sql': createTableSql('products') });
    await mkdir(path.join(ws.root, 'customer'));
    await writeFile(path.join(ws.root, 'customer', '00001_create_customers.sql'), createTableSql('customers'));
    const run = await cli('--all', 'up');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^== catalog ==\nOK {3}00001_create_products\.sql .*\ngoose: successfully migrated database to version: 1\n== customer ==\nOK {3}00001_create_customers\.sql/);
    expect(await tablesIn(ws.db.url, 'customer')).toEqual(['customer_goose_db_version', 'customers']);
  });

  it('status prints the goose table', async () => {
    ws = await createWorkspace('shop', { '00001_a.sql': createTableSql('a'), '00002_b.sql': createTableSql('b') });
    await cli('--service', 'shop', 'up-by-one');
    const run = await cli('--service', 'shop', 'status');
    expect(run.stdout).toMatch(/^ {4}Applied At {18}Migration\n {4}=+\n {4}\w{3} \w{3} [ \d]\d [\d:]{8} \d{4} -- 00001_a\.sql\n {4}Pending {18}-- 00002_b\.sql\n$/);
  });

  it('create writes a file that up then applies', async () => {
    ws = await createWorkspace('shop', { '00001_a.sql': createTableSql('a') });
    const created = await cli('--service', 'shop', 'create', 'add_b');
    expect(created.stdout).toMatch(/^Created new file: .*00002_add_b\.sql\n$/);
    expect(await readdir(ws.dir)).toEqual(['00001_a.sql', '00002_add_b.sql']);
    expect((await cli('--service', 'shop', 'validate')).code).toBe(0);
    const up = await cli('--service', 'shop', 'up');
    expect(up.stdout).toContain('goose: successfully migrated database to version: 2');
  });

  it('--allow-missing applies a migration added below the current version', async () => {
    ws = await createWorkspace('shop', { '00002_b.sql': createTableSql('b') });
    await cli('--service', 'shop', 'up');
    await ws.write({ '00001_a.sql': createTableSql('a') });
    const refused = await cli('--service', 'shop', 'up');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('version 1: 00001_a.sql');
    const accepted = await cli('--service', 'shop', '--allow-missing', 'up');
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(await tablesIn(ws.db.url, 'shop')).toContain('a');
  });

  it('rejects bad usage with exit code 2 and the usage text', async () => {
    ws = await createWorkspace('shop');
    const run = await cli('up');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/pass exactly one of --service NAME or --all\nusage: migrate/);
  });

  it('says so when --dir holds no service directories', async () => {
    ws = await createWorkspace('shop');
    const empty = path.join(ws.root, 'shop');
    const run = await runCli(['--dir', empty, '--all', '--database-url', ws.db.url, 'status']);
    expect(run).toMatchObject({ code: 0, stdout: `goose: no service migration directories in ${empty}\n` });
  });
});
