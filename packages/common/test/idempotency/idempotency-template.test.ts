// The idempotency-key migration template services copy from migrations/README.md goes up and down under the
// project's goose-compatible runner, so the block the store relies on cannot drift.
import { describe, expect, it } from 'vitest';
import { createTemplateDatabase, migrateTemplates, tablesOf } from '../support/template-database.js';

describe('idempotency-key migration template', () => {
  it('creates idempotency_keys in the service schema and its Down section removes it', async () => {
    const database = await createTemplateDatabase('payment', ['idempotency']);
    try {
      expect(await tablesOf(database, 'payment')).toEqual(['idempotency_keys', 'payment_goose_db_version']);
      await migrateTemplates(database.url, 'payment', ['idempotency'], 'down');
      expect(await tablesOf(database, 'payment')).toEqual(['payment_goose_db_version']);
    } finally {
      await database.close();
    }
  });
});
