import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot } from '../../src/migrate/index.js';
import { createMigratedTestDatabase } from '../../src/testing/index.js';
import { query } from './support/migrate-fixtures.js';

describe('createMigratedTestDatabase', () => {
  it("gives a fresh database with every one of the service's repository migrations applied, and drops it", async () => {
    const files = (await readdir(path.join(findRepoRoot(), 'migrations', 'catalog'))).filter((f) => f.endsWith('.sql')).sort();
    const db = await createMigratedTestDatabase('catalog');
    try {
      const rows = await query<{ version: number }>(db.url, 'SELECT max(version_id)::int AS version FROM catalog.catalog_goose_db_version');
      expect(rows[0]!.version).toBe(Number(files.at(-1)!.split('_')[0]));
    } finally {
      await db.drop();
    }
    await expect(query(db.url, 'SELECT 1')).rejects.toThrow(/does not exist/);
  });
});
