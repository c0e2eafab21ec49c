// Every service's schema is a name goose takes unquoted in `-table <schema>.<service>_goose_db_version`.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serviceSchema } from '../../src/db/service-schemas.js';
import { findRepoRoot } from '../../src/migrate/index.js';
import { postgresAdminUrl } from '../../src/testing/index.js';
import { query } from './support/migrate-fixtures.js';

const migrationsDir = path.join(findRepoRoot(), 'migrations');
const services = readdirSync(migrationsDir).filter((name) => statSync(path.join(migrationsDir, name)).isDirectory());

describe('serviceSchema', () => {
  it.each(services)('gives %s a lower-case identifier that PostgreSQL does not reserve', async (service) => {
    const schema = serviceSchema(service);
    // Keywords PostgreSQL restricts in any way (reserved, or allowed only as a column or type name).
    const keywords = await query<{ word: string }>(postgresAdminUrl(), "SELECT word FROM pg_get_keywords() WHERE catcode <> 'U'");

    expect(schema).toMatch(/^[a-z_][a-z0-9_]*$/);
    expect(keywords.map((k) => k.word)).not.toContain(schema);
  });

  it('keeps the name of a service that is already a plain identifier', () => {
    expect(serviceSchema('catalog')).toBe('catalog');
  });
});
