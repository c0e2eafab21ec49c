// goose's verbs for one service, as a library call: the CLI, the dev runner and tests all go through here.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { legacyServiceSchema, serviceSchema } from '../db/service-schemas.js';
import { createMigrationFile } from './create.js';
import { MigrationUsageError } from './errors.js';
import { runMigration, type Direction } from './executor.js';
import { STATUS_HEADER, statusLine } from './format.js';
import { planDown, planUp } from './planner.js';
import { withMigrationSession, type MigrationSession } from './session.js';
import { listMigrationFiles, readMigration, type MigrationFile } from './source.js';
import { validateMigrations } from './validate.js';
import { currentVersion } from './version-store.js';

export const MIGRATION_VERBS = ['up', 'up-by-one', 'up-to', 'down', 'down-to', 'redo', 'reset', 'status', 'version', 'create', 'validate'] as const;
export type MigrationVerb = (typeof MIGRATION_VERBS)[number];

export interface MigrationCommandOptions {
  /** Needed by every verb except `create` and `validate`. */
  databaseUrl?: string;
  service: string;
  /** This service's migrations directory, e.g. `<repo>/migrations/catalog`. */
  dir: string;
  /** Defaults to the service's schema (db/service-schemas.ts: its name, or `users` for `user`). */
  schema?: string;
  command: MigrationVerb;
  /** `up-to`/`down-to`: [VERSION]; `create`: [NAME]. */
  args?: string[];
  allowMissing?: boolean;
  /** `create`: goose's timestamp version instead of the next sequential number. */
  timestamp?: boolean;
  /** Receives each line of goose-style output; silent by default. */
  out?: (line: string) => void;
}

export interface MigrationCommandResult {
  /** Database version after the command (absent for create/validate). */
  version?: number;
  /** File names run, in order. */
  applied: string[];
  rolledBack: string[];
  /** `create`: the path written. */
  created?: string;
}

export type MigrateUpOptions = Pick<MigrationCommandOptions, 'service' | 'dir' | 'schema' | 'allowMissing' | 'out'> & { databaseUrl: string };

/** Applies every pending migration of `service` from `dir` (what `make migrate-up` and the dev runner do). */
export function migrateUp(options: MigrateUpOptions): Promise<MigrationCommandResult> {
  return runMigrationCommand({ ...options, command: 'up' });
}

export function versionTableName(service: string): string {
  return `${service}_goose_db_version`;
}

export async function runMigrationCommand(options: MigrationCommandOptions): Promise<MigrationCommandResult> {
  const out = options.out ?? (() => {});
  const args = options.args ?? [];
  const result: MigrationCommandResult = { applied: [], rolledBack: [] };
  if (options.command === 'create') {
    result.created = await createMigrationFile(options.dir, requireArg(args, 'create', 'NAME'), { timestamp: options.timestamp ?? false });
    out(`Created new file: ${path.relative(process.cwd(), result.created) || result.created}`);
    return result;
  }
  // A misspelt --service must not create an empty schema and version table.
  if (!existsSync(options.dir)) throw new MigrationUsageError(`no migrations directory ${options.dir}`);
  if (options.command === 'validate') {
    await validateMigrations(options.dir, out);
    return result;
  }
  if (!options.databaseUrl) throw new MigrationUsageError(`${options.command} needs a database: pass --database-url or set DATABASE_URL`);

  const files = await listMigrationFiles(options.dir);
  const readOnly = options.command === 'status' || options.command === 'version';
  // An explicit --schema is the operator's layout: no legacy schema is looked for then.
  const legacySchema = options.schema ? undefined : legacyServiceSchema(options.service);
  const session = {
    databaseUrl: options.databaseUrl,
    schema: options.schema ?? serviceSchema(options.service),
    ...(legacySchema ? { legacySchema } : {}),
    table: versionTableName(options.service),
    exclusive: !readOnly,
    out,
  };
  return withMigrationSession(session, async (s) => {
    const applied = await s.store.applied();
    const run = async (plan: MigrationFile[], direction: Direction) => {
      // Parse the whole plan first: a broken file later on must not leave the run half done.
      const parsed = await Promise.all(plan.map(readMigration));
      for (const [i, file] of plan.entries()) {
        await runMigration(s.client, s.store, file, parsed[i]!, direction, out);
        (direction === 'up' ? result.applied : result.rolledBack).push(file.name);
      }
    };
    switch (options.command) {
      case 'status':
        printStatus(files, applied, options.dir, out);
        result.version = currentVersion(applied);
        return result;
      case 'version':
        result.version = currentVersion(applied);
        out(`goose: version ${result.version}`);
        return result;
      case 'up':
        await run(planUp(files, applied, { allowMissing: options.allowMissing ?? false }), 'up');
        break;
      case 'up-by-one':
        await run(planUp(files, applied, { allowMissing: options.allowMissing ?? false, limit: 1 }), 'up');
        break;
      case 'up-to':
        await run(planUp(files, applied, { allowMissing: options.allowMissing ?? false, target: requireVersion(args, 'up-to') }), 'up');
        break;
      case 'down':
        await run(planDown(files, applied, { limit: 1 }), 'down');
        break;
      case 'down-to':
        await run(planDown(files, applied, { target: requireVersion(args, 'down-to') }), 'down');
        break;
      case 'reset':
        await run(planDown(files, applied, { target: 0 }), 'down');
        break;
      case 'redo': {
        const last = planDown(files, applied, { limit: 1 });
        await run(last, 'down');
        await run(last, 'up');
        break;
      }
    }
    result.version = await finalVersion(s);
    const changed = result.applied.length + result.rolledBack.length > 0;
    out(changed ? `goose: successfully migrated database to version: ${result.version}` : `goose: no migrations to run. current version: ${result.version}`);
    return result;
  });
}

async function finalVersion(session: MigrationSession): Promise<number> {
  return currentVersion(await session.store.applied());
}

function printStatus(files: MigrationFile[], applied: Map<number, { appliedAt: string }>, dir: string, out: (line: string) => void): void {
  if (files.length === 0) {
    out(`goose: no migrations found in ${dir}`);
    return;
  }
  for (const line of STATUS_HEADER) out(line);
  for (const file of files) out(statusLine(applied.get(file.version)?.appliedAt, file.name));
}

function requireArg(args: string[], verb: string, name: string): string {
  const value = args[0];
  if (!value) throw new MigrationUsageError(`${verb} requires a ${name} argument`);
  return value;
}

function requireVersion(args: string[], verb: string): number {
  const raw = requireArg(args, verb, 'VERSION');
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw new MigrationUsageError(`${verb}: VERSION must be a non-negative integer, got ${JSON.stringify(raw)}`);
  return Number(raw);
}
