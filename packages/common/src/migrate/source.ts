// Finds the migration files of one service: `NNNNN_description.sql`, version = the numeric prefix.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { MigrationParseError } from './errors.js';
import { parseMigrationSql, type ParsedMigration } from './parser.js';

export interface MigrationFile {
  version: number;
  /** Base name, as goose prints it: `00002_add_brands.sql`. */
  name: string;
  path: string;
}

const FILE_NAME = /^(\d+)_[^/]*\.sql$/;

/** The `.sql` migrations in `dir`, sorted by version; a missing directory has none. */
export async function listMigrationFiles(dir: string): Promise<MigrationFile[]> {
  if (!existsSync(dir)) return [];
  const files: MigrationFile[] = [];
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.sql')) continue;
    const match = FILE_NAME.exec(name);
    if (!match) throw new MigrationParseError(name, "file name must be '<version>_<description>.sql' with a numeric version");
    const version = Number(match[1]);
    if (!Number.isSafeInteger(version) || version < 1) throw new MigrationParseError(name, 'version must be a positive integer');
    files.push({ version, name, path: path.join(dir, name) });
  }
  files.sort((a, b) => a.version - b.version);
  for (let i = 1; i < files.length; i++) {
    if (files[i]!.version === files[i - 1]!.version) {
      throw new MigrationParseError(files[i]!.name, `duplicate version ${files[i]!.version} (also ${files[i - 1]!.name})`);
    }
  }
  return files;
}

export async function readMigration(file: MigrationFile): Promise<ParsedMigration> {
  return parseMigrationSql(await readFile(file.path, 'utf8'), file.name);
}
