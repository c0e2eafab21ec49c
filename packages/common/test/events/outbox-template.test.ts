// The migration template services copy from migrations/README.md goes up and down under the project's
// goose-compatible runner.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../src/testing/test-database.js';
import { postgresAdminUrl } from '../../src/testing/vitest-context.js';
import { migrateTemplate } from './support/events-database.js';

describe('outbox/inbox migration template', () => {
  it('creates the tables in the service schema and its Down section removes them', async () => {
    const database = await createTestDatabase(postgresAdminUrl(), 'template');
    const client = new pg.Client(database.url);
    await client.connect();
    const tables = async () =>
      (await client.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'pricing' ORDER BY 1`)).rows.map((r) => r.t);
    try {
      await migrateTemplate(database.url, 'pricing', 'up');
      expect(await tables()).toEqual(['inbox_events', 'outbox_events', 'pricing_goose_db_version']);
      await migrateTemplate(database.url, 'pricing', 'down');
      expect(await tables()).toEqual(['pricing_goose_db_version']);
      const functions = await client.query(`SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'pricing'`);
      expect(functions.rowCount).toBe(0);
    } finally {
      await client.end();
      await database.drop();
    }
  });
});
