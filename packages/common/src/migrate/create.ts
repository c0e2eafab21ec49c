// `create NAME`: the next migration file with goose's Up/Down template, numbered like goose's `-s`
// (sequential, 5 digits) or, with `timestamp`, like goose's default (UTC YYYYMMDDHHMMSS).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MigrationUsageError } from './errors.js';
import { listMigrationFiles } from './source.js';

export const MIGRATION_TEMPLATE = `-- +goose Up
-- +goose StatementBegin
SELECT 'up SQL query';
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
SELECT 'down SQL query';
-- +goose StatementEnd
`;

export interface CreateOptions {
  timestamp?: boolean;
  now?: Date;
}

/** Writes the file and returns its path; never overwrites an existing file. */
export async function createMigrationFile(dir: string, name: string, options: CreateOptions = {}): Promise<string> {
  const slug = snakeCase(name);
  if (!slug) throw new MigrationUsageError('create requires a NAME made of letters or digits, e.g. `create add_brands`');
  const existing = await listMigrationFiles(dir);
  const last = existing.at(-1);
  const version = options.timestamp
    ? timestampVersion(options.now ?? new Date())
    : String((last?.version ?? 0) + 1).padStart(Math.max(5, last ? last.name.indexOf('_') : 0), '0');
  if (last && Number(version) <= last.version) {
    throw new MigrationUsageError(`new version ${version} would not sort after the latest migration ${last.name}`);
  }
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${version}_${slug}.sql`);
  await writeFile(file, MIGRATION_TEMPLATE, { flag: 'wx' });
  return file;
}

/** `AddBrands`, `add brands` and `add-brands` all become `add_brands`, as goose names them. */
export function snakeCase(name: string): string {
  return name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

function timestampVersion(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
