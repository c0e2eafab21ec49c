// The notification migrations as a whole: every Down undoes its Up (tables and trigger functions), so a reset and a
// fresh up give the same schema.
import path from 'node:path';
import { createDatabase } from '@ecommerce/common/db';
import { findRepoRoot, migrateUp, runMigrationCommand } from '@ecommerce/common/migrate';
import { createMigratedTestDatabase } from '@ecommerce/common/testing';
import { expect, it } from 'vitest';

const dir = path.join(findRepoRoot(), 'migrations', 'notification');
const TABLES = ['channel_preferences', 'contacts', 'inbox_events', 'notification_goose_db_version', 'notifications', 'order_recipients', 'outbox_events'];

it('resets to version 0 leaving no notification tables or functions, and migrates back up', async () => {
  const database = await createMigratedTestDatabase('notification');
  const db = createDatabase({ url: database.url, schema: 'notification', poolMax: 1 });
  const tables = async () => (await db('information_schema.tables').where({ table_schema: 'notification' }).pluck<string[]>('table_name')).sort();
  try {
    expect(await tables()).toEqual(TABLES);

    const reset = await runMigrationCommand({ databaseUrl: database.url, service: 'notification', dir, command: 'reset' });
    expect(reset.version).toBe(0);
    expect(await tables()).toEqual(['notification_goose_db_version']);
    expect(await db('information_schema.routines').where({ routine_schema: 'notification' }).pluck('routine_name')).toEqual([]);

    const up = await migrateUp({ databaseUrl: database.url, service: 'notification', dir });
    expect(up.applied).toHaveLength(2);
    expect(await tables()).toEqual(TABLES);
  } finally {
    await db.destroy();
    await database.drop();
  }
});
