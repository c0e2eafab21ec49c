// The search migrations as a whole: every Down undoes its Up, so a reset and a fresh up give the same schema; the
// shared pg_trgm extension is created if missing and left in place (other services use it).
import path from 'node:path';
import { createDatabase } from '@ecommerce/common/db';
import { findRepoRoot, migrateUp, runMigrationCommand } from '@ecommerce/common/migrate';
import { createMigratedTestDatabase } from '@ecommerce/common/testing';
import { expect, it } from 'vitest';

const dir = path.join(findRepoRoot(), 'migrations', 'search');
const TABLES = ['brands', 'categories', 'inbox_events', 'outbox_events', 'prices', 'products', 'ratings', 'search_goose_db_version', 'stock'];

it('resets to version 0 leaving no search tables or functions, keeps pg_trgm, and migrates back up', async () => {
  const database = await createMigratedTestDatabase('search');
  const db = createDatabase({ url: database.url, schema: 'search', poolMax: 1 });
  const tables = async () => (await db('information_schema.tables').where({ table_schema: 'search' }).pluck<string[]>('table_name')).sort();
  try {
    expect(await tables()).toEqual(TABLES);

    const reset = await runMigrationCommand({ databaseUrl: database.url, service: 'search', dir, command: 'reset' });
    expect(reset.version).toBe(0);
    expect(await tables()).toEqual(['search_goose_db_version']);
    expect(await db('information_schema.routines').where({ routine_schema: 'search' }).pluck('routine_name')).toEqual([]);
    expect(await db('pg_extension').where({ extname: 'pg_trgm' }).pluck('extname')).toEqual(['pg_trgm']);

    const up = await migrateUp({ databaseUrl: database.url, service: 'search', dir });
    expect(up.applied).toHaveLength(2);
    expect(await tables()).toEqual(TABLES);
  } finally {
    await db.destroy();
    await database.drop();
  }
});
