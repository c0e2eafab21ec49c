import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './test-database.js';
import { postgresAdminUrl } from './vitest-context.js';

describe('createTestDatabase', () => {
  it('gives each caller its own database on the real server and drops it', async () => {
    const a = await createTestDatabase(postgresAdminUrl(), 'alpha');
    const b = await createTestDatabase(postgresAdminUrl(), 'alpha');
    expect(a.name).not.toBe(b.name);
    const client = new pg.Client(a.url);
    await client.connect();
    const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
    await client.end();
    expect(rows[0]!.db).toBe(a.name);
    await a.drop();
    await b.drop();
    const admin = new pg.Client(postgresAdminUrl());
    await admin.connect();
    const left = await admin.query('SELECT 1 FROM pg_database WHERE datname = ANY($1)', [[a.name, b.name]]);
    await admin.end();
    expect(left.rowCount).toBe(0);
  });
});
