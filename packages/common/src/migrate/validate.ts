// `validate`: parses every migration of a service without touching a database, reporting every bad file.
import { MigrationParseError, MigrationUsageError } from './errors.js';
import { listMigrationFiles, readMigration } from './source.js';

export async function validateMigrations(dir: string, out: (line: string) => void): Promise<number> {
  const files = await listMigrationFiles(dir);
  const problems: string[] = [];
  for (const file of files) {
    try {
      const migration = await readMigration(file);
      const tx = migration.useTransaction ? '' : ', no transaction';
      out(`OK   ${file.name} (up: ${migration.up.length}, down: ${migration.down.length} statements${tx})`);
    } catch (err) {
      if (!(err instanceof MigrationParseError)) throw err;
      problems.push(err.message);
    }
  }
  if (problems.length > 0) throw new MigrationUsageError(`${problems.length} invalid migration file(s):\n${problems.join('\n')}`);
  out(`goose: ${files.length} migration file(s) in ${dir} are valid`);
  return files.length;
}
