// Runs one migration in one direction: its statements and its version-row change in one transaction
// (unless the file says NO TRANSACTION), so a failure leaves the database at the previous version.
import type pg from 'pg';
import { MigrationFailedError } from './errors.js';
import { formatDuration } from './format.js';
import type { ParsedMigration } from './parser.js';
import type { MigrationFile } from './source.js';
import type { VersionStore } from './version-store.js';

export type Direction = 'up' | 'down';

export async function runMigration(
  client: pg.Client,
  store: VersionStore,
  file: MigrationFile,
  migration: ParsedMigration,
  direction: Direction,
  out: (line: string) => void,
): Promise<void> {
  const started = performance.now();
  const statements = direction === 'up' ? migration.up : migration.down;
  const record = () => (direction === 'up' ? store.recordApplied(file.version) : store.recordRolledBack(file.version));
  if (migration.useTransaction) {
    await client.query('BEGIN');
    try {
      await execute(client, file, statements);
      await record();
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    }
  } else {
    await execute(client, file, statements);
    await record();
  }
  out(`OK   ${file.name} (${formatDuration(performance.now() - started)})`);
}

async function execute(client: pg.Client, file: MigrationFile, statements: string[]): Promise<void> {
  for (const statement of statements) {
    try {
      await client.query(statement);
    } catch (err) {
      throw new MigrationFailedError(file.name, statement, err);
    }
  }
}
