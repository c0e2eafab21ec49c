// Errors the migration tool reports to its user; the CLI prints `message` as one goose-style line.

/** A migration file that cannot be read as goose SQL (bad name, bad annotations, unfinished statement). */
export class MigrationParseError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file}: failed to parse SQL migration: ${reason}`);
    this.name = 'MigrationParseError';
  }
}

/** A migration whose SQL failed against the database; its transaction (if any) was rolled back. */
export class MigrationFailedError extends Error {
  constructor(readonly file: string, readonly statement: string, cause: unknown) {
    super(`ERROR ${file}: failed to run SQL migration: failed to execute SQL query ${JSON.stringify(statement)}: ${describePgError(cause)}`, { cause });
    this.name = 'MigrationFailedError';
  }
}

/** The command cannot run as asked (missing versions, unknown target, bad arguments). */
export class MigrationUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationUsageError';
  }
}

function describePgError(err: unknown): string {
  const e = err as { message?: string; code?: string; severity?: string } | null;
  if (!e?.message) return String(err);
  return `${e.severity ?? 'ERROR'}: ${e.message}${e.code ? ` (SQLSTATE ${e.code})` : ''}`;
}
