// The saga migration template services copy from migrations/README.md goes up and down under the project's
// goose-compatible runner, so the block the orchestrator relies on cannot drift.
import { describe, expect, it } from 'vitest';
import { createTemplateDatabase, migrateTemplates, tablesOf } from '../support/template-database.js';

describe('saga migration template', () => {
  it('creates the saga tables in the service schema and its Down section removes them', async () => {
    const database = await createTemplateDatabase('checkout', ['saga']);
    try {
      expect(await tablesOf(database, 'checkout')).toEqual(['checkout_goose_db_version', 'saga_instances', 'saga_steps']);
      await migrateTemplates(database.url, 'checkout', ['saga'], 'down');
      expect(await tablesOf(database, 'checkout')).toEqual(['checkout_goose_db_version']);
    } finally {
      await database.close();
    }
  });

  it('refuses a status outside the saga life cycle', async () => {
    const database = await createTemplateDatabase('checkout', ['saga']);
    try {
      await expect(database.db('saga_instances').insert({ saga_id: 's', saga_name: 'n', input: '{}', status: 'paused' })).rejects.toThrow(/check constraint/);
    } finally {
      await database.close();
    }
  });
});
