// The one-time move of a service's data from the schema an older release kept it in to today's (DESIGN.md
// section 4: `user`, a reserved word that goose's -table cannot take unquoted, became `users`). One
// ALTER SCHEMA ... RENAME keeps every table, row, sequence, trigger and the version history as they are.
import type pg from 'pg';
import { MigrationUsageError } from './errors.js';
import { escapeIdentifier } from './sql.js';

export interface SchemaLayout {
  /** Today's schema. */
  schema: string;
  /** An older release's schema for the same service, if there was one. */
  legacySchema?: string;
  /** The version table, the same name in both. */
  table: string;
}

/**
 * True when the service's data is still in its legacy schema (which holds its version table) and today's
 * schema does not exist yet. Both existing is refused: which one holds the truth is the operator's call.
 */
export async function isLegacyLayout(client: pg.Client, layout: SchemaLayout): Promise<boolean> {
  const { schema, legacySchema, table } = layout;
  if (!legacySchema || legacySchema === schema) return false;
  const { rowCount } = await client.query('SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = $1 AND tablename = $2', [legacySchema, table]);
  if (rowCount !== 1) return false;
  const existing = await client.query('SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1', [schema]);
  if (existing.rowCount === 1) {
    throw new MigrationUsageError(
      `schemas ${escapeIdentifier(legacySchema)} (an older release's, with ${table}) and ${schema} both exist: ` +
        `keep one (move its data into ${schema}), drop the other, then run again`,
    );
  }
  return true;
}

/** Renames the legacy schema to today's. Call under the service's advisory lock, after isLegacyLayout said so. */
export async function moveLegacySchema(client: pg.Client, layout: SchemaLayout, out: (line: string) => void): Promise<void> {
  await client.query(`ALTER SCHEMA ${escapeIdentifier(layout.legacySchema!)} RENAME TO ${escapeIdentifier(layout.schema)}`);
  out(`goose: renamed schema ${escapeIdentifier(layout.legacySchema!)} to ${layout.schema} (one-time move; data and version history kept)`);
}
