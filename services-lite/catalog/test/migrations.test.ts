// The catalog's migrations as a whole: every Down undoes its Up, so reset and up again give the same schema.
import path from 'node:path';
import { createDatabase } from '@ecommerce/common/db';
import { findRepoRoot, migrateUp, runMigrationCommand } from '@ecommerce/common/migrate';
import { createMigratedTestDatabase } from '@ecommerce/common/testing';
import { expect, it } from 'vitest';

const dir = path.join(findRepoRoot(), 'migrations', 'catalog');

it('resets to version 0 leaving no catalog tables or functions, and migrates back up', async () => {
  const database = await createMigratedTestDatabase('catalog');
  const db = createDatabase({ url: database.url, schema: 'catalog', poolMax: 1 });
  const tables = async () =>
    (await db('information_schema.tables').where({ table_schema: 'catalog' }).pluck<string[]>('table_name')).sort();
  try {
    expect(await tables()).toEqual(['brands', 'catalog_goose_db_version', 'categories', 'inbox_events', 'outbox_events', 'pages', 'products']);

    const reset = await runMigrationCommand({ databaseUrl: database.url, service: 'catalog', dir, command: 'reset' });
    expect(reset.version).toBe(0);
    expect(await tables()).toEqual(['catalog_goose_db_version']);
    expect(await db('information_schema.routines').where({ routine_schema: 'catalog' }).pluck('routine_name')).toEqual([]);

    const up = await migrateUp({ databaseUrl: database.url, service: 'catalog', dir });
    expect(up.applied).toHaveLength(6);
    expect(await tables()).toEqual(['brands', 'catalog_goose_db_version', 'categories', 'inbox_events', 'outbox_events', 'pages', 'products']);
  } finally {
    await db.destroy();
    await database.drop();
  }
});
