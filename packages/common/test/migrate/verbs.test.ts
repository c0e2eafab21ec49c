// Every verb through the library entry point, against a real database of its own per test.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateUp, runMigrationCommand, type MigrationCommandOptions } from '../../src/migrate/index.js';
import { createTableSql, createWorkspace, query, tablesIn, versionRows, type Workspace } from './support/migrate-fixtures.js';

const THREE = {
  '00001_create_categories.sql': createTableSql('categories'),
  '00002_create_brands.sql': createTableSql('brands'),
  '00003_create_products.sql': createTableSql('products'),
};

let ws: Workspace;
afterEach(() => ws?.cleanup());

async function run(command: MigrationCommandOptions['command'], extra: Partial<MigrationCommandOptions> = {}) {
  const lines: string[] = [];
  const result = await runMigrationCommand({ databaseUrl: ws.db.url, service: ws.service, dir: ws.dir, command, out: (l) => lines.push(l), ...extra });
  return { ...result, lines };
}

describe('up', () => {
  it('applies every pending migration into the service schema and records goose version rows', async () => {
    ws = await createWorkspace('shop', THREE);
    const { lines, version } = await run('up');
    expect(version).toBe(3);
    expect(lines.slice(0, 3)).toEqual([
      expect.stringMatching(/^OK {3}00001_create_categories\.sql \([\d.]+(ms|µs|s)\)$/),
      expect.stringMatching(/^OK {3}00002_create_brands\.sql/),
      expect.stringMatching(/^OK {3}00003_create_products\.sql/),
    ]);
    expect(lines[3]).toBe('goose: successfully migrated database to version: 3');
    expect(await tablesIn(ws.db.url, 'shop')).toEqual(['brands', 'categories', 'products', 'shop_goose_db_version']);
    expect(await tablesIn(ws.db.url, 'public')).toEqual([]);
    expect(await versionRows(ws.db.url, 'shop')).toEqual([0, 1, 2, 3].map((v) => ({ version_id: v, is_applied: true })));
  });

  it("creates goose's version table columns", async () => {
    ws = await createWorkspace('shop', THREE);
    await run('up');
    const columns = await query<{ column_name: string; data_type: string }>(
      ws.db.url,
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'shop' AND table_name = 'shop_goose_db_version' ORDER BY ordinal_position",
    );
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'integer' },
      { column_name: 'version_id', data_type: 'bigint' },
      { column_name: 'is_applied', data_type: 'boolean' },
      { column_name: 'tstamp', data_type: 'timestamp without time zone' },
    ]);
  });

  it('says there is nothing to run when the database is current', async () => {
    ws = await createWorkspace('shop', THREE);
    await run('up');
    const { lines, applied } = await run('up');
    expect(applied).toEqual([]);
    expect(lines).toEqual(['goose: no migrations to run. current version: 3']);
  });

  it('puts the tables in the schema given instead of the service name', async () => {
    ws = await createWorkspace('shop', THREE);
    await run('up', { schema: 'shop_eu' });
    expect(await tablesIn(ws.db.url, 'shop_eu')).toContain('products');
    expect(await versionRows(ws.db.url, 'shop_eu', 'shop')).toHaveLength(4);
  });

  it('keeps two services apart in one database', async () => {
    ws = await createWorkspace('shop', THREE);
    await migrateUp({ databaseUrl: ws.db.url, service: 'shop', dir: ws.dir });
    const other = await migrateUp({ databaseUrl: ws.db.url, service: 'billing', dir: ws.dir });
    expect(other.version).toBe(3);
    expect(await tablesIn(ws.db.url, 'billing')).toEqual(['billing_goose_db_version', 'brands', 'categories', 'products']);
  });

  it('runs a NO TRANSACTION migration outside a transaction', async () => {
    ws = await createWorkspace('shop', {
      '00001_create_items.sql': createTableSql('items'),
      '00002_index_items.sql': '-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY items_id ON items (id);\n-- +goose Down\nDROP INDEX CONCURRENTLY items_id;\n',
    });
    expect((await run('up')).version).toBe(2);
    expect((await run('down')).version).toBe(1);
  });

  it('keeps a trigger function written between StatementBegin and StatementEnd working', async () => {
    ws = await createWorkspace('shop', {
      '00001_items_touch.sql': `-- +goose Up
CREATE TABLE items (id int PRIMARY KEY, note text, touched boolean NOT NULL DEFAULT false);
-- +goose StatementBegin
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.touched := true;
  RETURN NEW;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER items_touch BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch();

-- +goose Down
DROP TABLE items;
DROP FUNCTION touch();
`,
    });
    await run('up');
    await query(ws.db.url, 'INSERT INTO shop.items (id) VALUES (1)');
    const rows = await query(ws.db.url, "UPDATE shop.items SET note = 'x' RETURNING touched");
    expect(rows).toEqual([{ touched: true }]);
  });
});

describe('a failing migration', () => {
  it('rolls back, leaves the previous version and no partial table, and names the file and the Postgres error', async () => {
    ws = await createWorkspace('shop', {
      ...THREE,
      '00002_create_brands.sql': '-- +goose Up\nCREATE TABLE brands (id int);\nINSERT INTO nowhere VALUES (1);\n-- +goose Down\nDROP TABLE brands;\n',
    });
    await expect(run('up')).rejects.toThrow(/ERROR 00002_create_brands\.sql: .*INSERT INTO nowhere.*relation "nowhere" does not exist \(SQLSTATE 42P01\)/);
    expect((await run('version')).version).toBe(1);
    expect(await tablesIn(ws.db.url, 'shop')).toEqual(['categories', 'shop_goose_db_version']);
  });
});

describe('up-by-one and up-to', () => {
  it('applies one migration at a time, or up to the version asked', async () => {
    ws = await createWorkspace('shop', THREE);
    expect((await run('up-by-one')).applied).toEqual(['00001_create_categories.sql']);
    expect((await run('up-to', { args: ['2'] })).applied).toEqual(['00002_create_brands.sql']);
    expect((await run('version')).lines).toEqual(['goose: version 2']);
  });

  it('rejects a version that is not a number', async () => {
    ws = await createWorkspace('shop', THREE);
    await expect(run('up-to', { args: ['two'] })).rejects.toThrow(/up-to: VERSION must be a non-negative integer/);
  });
});

describe('down, down-to, redo and reset', () => {
  it('down rolls back only the latest migration and deletes its version row', async () => {
    ws = await createWorkspace('shop', THREE);
    await run('up');
    const { lines, version } = await run('down');
    expect(lines[0]).toMatch(/^OK {3}00003_create_products\.sql/);
    expect(version).toBe(2);
    expect(await tablesIn(ws.db.url, 'shop')).not.toContain('products');
    expect((await versionRows(ws.db.url, 'shop')).map((r) => r.version_id)).toEqual([0, 1, 2]);
  });

  it('down-to rolls back every migration above the version, newest first', async () => {
    ws = await createWorkspace('shop', THREE);
    await run('up');
    const { rolledBack, version } = await run('down-to', { args: ['1'] });
    expect(rolledBack).toEqual(['00003_create_products.sql', '00002_create_brands.sql']);
    expect(version).toBe(1);
  });

  it('redo rolls back and re-applies the latest migration', async () => {
    ws = await createWorkspace('shop', THREE);
    await run('up');
    await query(ws.db.url, 'INSERT INTO shop.products DEFAULT VALUES');
    const { rolledBack, applied, version } = await run('redo');
    expect(rolledBack).toEqual(['00003_create_products.sql']);
    expect(applied).toEqual(['00003_create_products.sql']);
    expect(version).toBe(3);
    expect(await query(ws.db.url, 'SELECT * FROM shop.products')).toEqual([]);
  });

  it('reset rolls back everything, leaving only the version-0 row', async () => {
    ws = await createWorkspace('shop', THREE);
    await run('up');
    const { rolledBack, version, lines } = await run('reset');
    expect(rolledBack).toHaveLength(3);
    expect(version).toBe(0);
    expect(lines.at(-1)).toBe('goose: successfully migrated database to version: 0');
    expect(await tablesIn(ws.db.url, 'shop')).toEqual(['shop_goose_db_version']);
    expect(await versionRows(ws.db.url, 'shop')).toEqual([{ version_id: 0, is_applied: true }]);
  });

  it('down on an empty database has nothing to run', async () => {
    ws = await createWorkspace('shop', THREE);
    expect((await run('down')).lines).toEqual(['goose: no migrations to run. current version: 0']);
  });
});

describe('missing (out-of-order) migrations', () => {
  it('are refused with their names unless --allow-missing, which applies them', async () => {
    ws = await createWorkspace('shop', { '00001_create_categories.sql': THREE['00001_create_categories.sql'], '00003_create_products.sql': THREE['00003_create_products.sql'] });
    await run('up');
    await ws.write({ '00002_create_brands.sql': THREE['00002_create_brands.sql'] });

    await expect(run('up')).rejects.toThrow(/found 1 missing migration before current version 3:\n\tversion 2: 00002_create_brands\.sql/);
    expect(await tablesIn(ws.db.url, 'shop')).not.toContain('brands');

    const { applied, version } = await run('up', { allowMissing: true });
    expect(applied).toEqual(['00002_create_brands.sql']);
    expect(version).toBe(3);
    expect(await tablesIn(ws.db.url, 'shop')).toContain('brands');
  });
});

describe('status and version', () => {
  it('lists applied migrations with their time and pending ones as Pending', async () => {
    ws = await createWorkspace('shop', THREE);
    await run('up-to', { args: ['2'] });
    const { lines } = await run('status');
    expect(lines.slice(0, 2)).toEqual(['    Applied At                  Migration', '    =======================================']);
    expect(lines[2]).toMatch(/^ {4}(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} -- 00001_create_categories\.sql$/);
    expect(lines[3]).toMatch(/ -- 00002_create_brands\.sql$/);
    expect(lines[4]).toBe('    Pending                  -- 00003_create_products.sql');
  });

  it('reads a database that was never migrated as version 0 without writing to it', async () => {
    ws = await createWorkspace('shop', THREE);
    expect((await run('version')).lines).toEqual(['goose: version 0']);
    expect((await run('status')).lines.at(-1)).toBe('    Pending                  -- 00003_create_products.sql');
    expect(await query(ws.db.url, "SELECT 1 FROM pg_namespace WHERE nspname = 'shop'")).toEqual([]);
  });

  it('refuses a service whose migrations directory does not exist, creating nothing', async () => {
    ws = await createWorkspace('shop', THREE);
    await expect(run('up', { service: 'shoop', dir: `${ws.root}/shoop` })).rejects.toThrow(`no migrations directory ${ws.root}/shoop`);
    expect(await query(ws.db.url, "SELECT 1 FROM pg_namespace WHERE nspname = 'shoop'")).toEqual([]);
  });

  it('says so when the service has no migrations', async () => {
    ws = await createWorkspace('shop');
    expect((await run('status')).lines).toEqual([`goose: no migrations found in ${ws.dir}`]);
  });
});

describe('create and validate', () => {
  it('create writes the next sequential file with the Up/Down template, which up then applies', async () => {
    ws = await createWorkspace('shop', THREE);
    const { created } = await run('create', { args: ['AddSupplierNotes'] });
    expect(created).toBe(`${ws.dir}/00004_add_supplier_notes.sql`);
    expect(await readFile(created!, 'utf8')).toContain("-- +goose Up\n-- +goose StatementBegin\nSELECT 'up SQL query';");
    expect((await run('up')).applied.at(-1)).toBe('00004_add_supplier_notes.sql');
    expect((await run('version')).version).toBe(4);
  });

  it('create starts at 00001 in a new service and can use a timestamp version', async () => {
    ws = await createWorkspace('shop');
    expect((await run('create', { args: ['init'] })).created).toBe(`${ws.dir}/00001_init.sql`);
    const stamped = await run('create', { args: ['later'], timestamp: true });
    expect(stamped.created).toMatch(/\/\d{14}_later\.sql$/);
  });

  it('validate reports every bad file without a database', async () => {
    ws = await createWorkspace('shop', { ...THREE, '00004_broken.sql': 'CREATE TABLE x (id int);\n', '00005_open.sql': '-- +goose Up\nSELECT 1\n' });
    await expect(runMigrationCommand({ service: 'shop', dir: ws.dir, command: 'validate' })).rejects.toThrow(
      /2 invalid migration file\(s\):\n00004_broken\.sql: .*must start with '-- \+goose Up'.*\n00005_open\.sql: .*missing semicolon/,
    );
  });
});
