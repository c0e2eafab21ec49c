// The auth migrations as a whole: every Down undoes its Up, so reset and up again give the same schema.
import path from 'node:path';
import { createDatabase } from '@ecommerce/common/db';
import { findRepoRoot, migrateUp, runMigrationCommand } from '@ecommerce/common/migrate';
import { createMigratedTestDatabase } from '@ecommerce/common/testing';
import { expect, it } from 'vitest';

const dir = path.join(findRepoRoot(), 'migrations', 'auth');
const TABLES = [
  'accounts',
  'auth_goose_db_version',
  'inbox_events',
  'mfa_recovery_codes',
  'one_time_tokens',
  'outbox_events',
  'refresh_tokens',
  'revoked_access_tokens',
  'signing_keys',
];

it('resets to version 0 leaving no auth tables or functions, and migrates back up', async () => {
  const database = await createMigratedTestDatabase('auth');
  const db = createDatabase({ url: database.url, schema: 'auth', poolMax: 1 });
  const tables = async () => (await db('information_schema.tables').where({ table_schema: 'auth' }).pluck<string[]>('table_name')).sort();
  try {
    expect(await tables()).toEqual(TABLES);

    const reset = await runMigrationCommand({ databaseUrl: database.url, service: 'auth', dir, command: 'reset' });
    expect(reset.version).toBe(0);
    expect(await tables()).toEqual(['auth_goose_db_version']);
    expect(await db('information_schema.routines').where({ routine_schema: 'auth' }).pluck('routine_name')).toEqual([]);

    const up = await migrateUp({ databaseUrl: database.url, service: 'auth', dir });
    expect(up.applied).toHaveLength(4);
    expect(await tables()).toEqual(TABLES);
  } finally {
    await db.destroy();
    await database.drop();
  }
});

it('keeps one account per email whatever the letter case, and at most one signing key active', async () => {
  const database = await createMigratedTestDatabase('auth');
  const db = createDatabase({ url: database.url, schema: 'auth', poolMax: 1 });
  try {
    await db('accounts').insert({ email: 'ann@example.com', type: 'customer' });
    await expect(db('accounts').insert({ email: 'ANN@example.com', type: 'customer' })).rejects.toMatchObject({ constraint: 'accounts_email_key' });
    await expect(db('accounts').insert({ email: 'bob@example.com', type: 'robot' })).rejects.toMatchObject({ constraint: 'accounts_type_check' });
    const key = { algorithm: 'ES256', public_jwk: {}, private_jwk: {} };
    await db('signing_keys').insert({ kid: 'a', ...key });
    await expect(db('signing_keys').insert({ kid: 'b', ...key })).rejects.toMatchObject({ constraint: 'signing_keys_one_active_idx' });
  } finally {
    await db.destroy();
    await database.drop();
  }
});
