// goose's version table, one per service (`<service>_goose_db_version`) inside the service's schema.
import type pg from 'pg';
import { escapeIdentifier } from './sql.js';

export interface AppliedMigration {
  version: number;
  /** `tstamp` as the database stored it (timestamp without time zone), e.g. `2026-11-25 11:22:08.123`. */
  appliedAt: string;
}

export class VersionStore {
  readonly qualifiedTable: string;

  constructor(private readonly client: pg.Client, readonly schema: string, readonly table: string) {
    this.qualifiedTable = `${escapeIdentifier(schema)}.${escapeIdentifier(table)}`;
  }

  async exists(): Promise<boolean> {
    const { rowCount } = await this.client.query('SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = $1 AND tablename = $2', [this.schema, this.table]);
    return rowCount === 1;
  }

  /** Creates the schema and the table with goose's columns and its initial version-0 row. Call under the lock. */
  async ensure(): Promise<void> {
    await this.client.query(`CREATE SCHEMA IF NOT EXISTS ${escapeIdentifier(this.schema)}`);
    if (await this.exists()) return;
    await this.client.query('BEGIN');
    try {
      await this.client.query(`CREATE TABLE ${this.qualifiedTable} (
        id serial PRIMARY KEY,
        version_id bigint NOT NULL,
        is_applied boolean NOT NULL,
        tstamp timestamp NULL DEFAULT now()
      )`);
      await this.client.query(`INSERT INTO ${this.qualifiedTable} (version_id, is_applied) VALUES (0, true)`);
      await this.client.query('COMMIT');
    } catch (err) {
      await this.client.query('ROLLBACK');
      throw err;
    }
  }

  /**
   * Applied migrations (version 0 excluded), by version. A version's latest row decides, so tables
   * written by older goose releases (which recorded a rollback as an `is_applied = false` row) read right.
   */
  async applied(): Promise<Map<number, AppliedMigration>> {
    const applied = new Map<number, AppliedMigration>();
    if (!(await this.exists())) return applied;
    const { rows } = await this.client.query<{ version_id: string; is_applied: boolean; tstamp: string | null }>(
      `SELECT version_id::text, is_applied, tstamp::text FROM ${this.qualifiedTable} ORDER BY id`,
    );
    for (const row of rows) {
      const version = Number(row.version_id);
      if (version === 0) continue;
      if (row.is_applied) applied.set(version, { version, appliedAt: row.tstamp ?? '' });
      else applied.delete(version);
    }
    return applied;
  }

  async recordApplied(version: number): Promise<void> {
    await this.client.query(`INSERT INTO ${this.qualifiedTable} (version_id, is_applied) VALUES ($1, true)`, [version]);
  }

  /** goose v3 deletes the row on rollback rather than recording `is_applied = false`. */
  async recordRolledBack(version: number): Promise<void> {
    await this.client.query(`DELETE FROM ${this.qualifiedTable} WHERE version_id = $1`, [version]);
  }
}

export function currentVersion(applied: Map<number, AppliedMigration>): number {
  let max = 0;
  for (const version of applied.keys()) if (version > max) max = version;
  return max;
}
