// One Knex instance per service, bound to the service's own schema (DESIGN.md section 2).
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';

export type { Knex };

// Return BIGINT (int8) and COUNT(*) as numbers: money is stored in minor units well below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// NUMERIC stays a string on purpose (exact decimals); DATE stays a 'YYYY-MM-DD' string (no time zone shift).
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export interface DatabaseSettings {
  url: string;
  /** The service's schema; tables are found through `search_path = <schema>, public`. */
  schema: string;
  poolMax?: number;
  applicationName?: string;
}

export function createDatabase(settings: DatabaseSettings): Knex {
  return knexFactory({
    client: 'pg',
    connection: { connectionString: settings.url, application_name: settings.applicationName ?? settings.schema },
    searchPath: [settings.schema, 'public'],
    pool: { min: 0, max: settings.poolMax ?? 10 },
    acquireConnectionTimeout: 10_000,
  });
}

/** Readiness probe: true when a trivial query answers. */
export async function isDatabaseReady(db: Knex): Promise<boolean> {
  try {
    await db.raw('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
