// Decides which migrations a verb runs, from the files on disk and the versions applied. Pure: no I/O.
import { MigrationUsageError } from './errors.js';
import type { MigrationFile } from './source.js';
import { currentVersion, type AppliedMigration } from './version-store.js';

type Applied = Map<number, AppliedMigration>;

export interface UpPlanOptions {
  /** Highest version to apply (up-to). */
  target?: number;
  /** At most this many migrations (up-by-one = 1). */
  limit?: number;
  allowMissing?: boolean;
}

/** Pending files in version order; refuses missing (out-of-order) versions unless allowed, as goose does. */
export function planUp(files: MigrationFile[], applied: Applied, options: UpPlanOptions = {}): MigrationFile[] {
  const current = currentVersion(applied);
  const missing = files.filter((f) => !applied.has(f.version) && f.version < current);
  if (missing.length > 0 && !options.allowMissing) {
    throw new MigrationUsageError(
      `error: found ${missing.length} missing migration${missing.length === 1 ? '' : 's'} before current version ${current}:\n` +
        missing.map((f) => `\tversion ${f.version}: ${f.name}`).join('\n') +
        '\n(apply them out of order with --allow-missing)',
    );
  }
  const target = options.target ?? Number.POSITIVE_INFINITY;
  const pending = files.filter((f) => !applied.has(f.version) && f.version <= target);
  return options.limit === undefined ? pending : pending.slice(0, options.limit);
}

export interface DownPlanOptions {
  /** Roll back every applied version above this one (down-to; reset = 0). */
  target?: number;
  /** At most this many migrations (down = 1). */
  limit?: number;
}

/** Applied versions to roll back, newest first; each must still have its file. */
export function planDown(files: MigrationFile[], applied: Applied, options: DownPlanOptions = {}): MigrationFile[] {
  const byVersion = new Map(files.map((f) => [f.version, f]));
  const target = options.target ?? 0;
  const versions = [...applied.keys()].filter((v) => v > target).sort((a, b) => b - a);
  const chosen = options.limit === undefined ? versions : versions.slice(0, options.limit);
  return chosen.map((version) => {
    const file = byVersion.get(version);
    if (!file) throw new MigrationUsageError(`error: version ${version} is applied but no migration file has that version`);
    return file;
  });
}
