// The migration template services copy from migrations/README.md goes up and down cleanly.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../src/testing/test-database.js';
import { postgresAdminUrl } from '../../src/testing/vitest-context.js';
import { outboxTemplate } from './support/events-database.js';

describe('outbox/inbox migration template', () => {
  it('creates the tables in the service schema and its Down section removes them', async () => {
    const database = await createTestDatabase(postgresAdminUrl(), 'template');
    const client = new pg.Client(database.url);
    await client.connect();
    try {
      const { up, down } = await outboxTemplate();
      await client.query('CREATE SCHEMA pricing; SET search_path TO pricing, public');
      await client.query(up);
      const tables = async () =>
        (await client.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'pricing' ORDER BY 1`)).rows.map((r) => r.t);
      expect(await tables()).toEqual(['inbox_events', 'outbox_events']);
      await client.query(down);
      expect(await tables()).toEqual([]);
      const functions = await client.query(`SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'pricing'`);
      expect(functions.rowCount).toBe(0);
    } finally {
      await client.end();
      await database.drop();
    }
  });
});
