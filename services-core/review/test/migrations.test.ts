// The review migrations as a whole: every Down undoes its Up (tables and trigger functions), so a reset and a
// fresh up give the same schema.
import path from 'node:path';
import { createDatabase } from '@ecommerce/common/db';
import { findRepoRoot, migrateUp, runMigrationCommand } from '@ecommerce/common/migrate';
import { createMigratedTestDatabase } from '@ecommerce/common/testing';
import { expect, it } from 'vitest';

const dir = path.join(findRepoRoot(), 'migrations', 'review');
const TABLES = [
  'delivered_skus', 'inbox_events', 'order_customers', 'outbox_events', 'product_ratings', 'product_skus', 'purchases',
  'review_goose_db_version', 'review_votes', 'reviews',
];

it('resets to version 0 leaving no review tables or functions, and migrates back up', async () => {
  const database = await createMigratedTestDatabase('review');
  const db = createDatabase({ url: database.url, schema: 'review', poolMax: 1 });
  const tables = async () => (await db('information_schema.tables').where({ table_schema: 'review' }).pluck<string[]>('table_name')).sort();
  try {
    expect(await tables()).toEqual(TABLES);

    const reset = await runMigrationCommand({ databaseUrl: database.url, service: 'review', dir, command: 'reset' });
    expect(reset.version).toBe(0);
    expect(await tables()).toEqual(['review_goose_db_version']);
    expect(await db('information_schema.routines').where({ routine_schema: 'review' }).pluck('routine_name')).toEqual([]);

    const up = await migrateUp({ databaseUrl: database.url, service: 'review', dir });
    expect(up.applied).toHaveLength(3);
    expect(await tables()).toEqual(TABLES);
  } finally {
    await db.destroy();
    await database.drop();
  }
});
