// What a PostgreSQL error means to the client whose request caused it: the one table from SQLSTATE (with the
// error's constraint, detail and column) to an AppError naming the API field. The HTTP and gRPC error mappers
// apply it to any raw database error that reaches them; withConstraintErrors lets a call word its own.
import { AlreadyExistsError, AppError, FailedPreconditionError, UnavailableError, ValidationError } from '../errors/app-error.js';

/** The fields of node-postgres's DatabaseError this mapping reads. */
export interface PgError {
  code: string;
  message: string;
  detail?: string;
  table?: string;
  column?: string;
  constraint?: string;
}

const INVALID_VALUE: Readonly<Record<string, (e: PgError) => string>> = {
  '22P02': (e) => `a value is not a valid ${/ for (?:type|enum) ([^:]+):/.exec(e.message)?.[1] ?? 'value of its type'}`,
  '22001': (e) => {
    const limit = /\((\d+)\)$/.exec(e.message)?.[1];
    return `a value is too long${limit ? ` (at most ${limit} characters)` : ''}`;
  },
  '22003': () => 'a number is out of range',
  '22021': () => 'a value holds a character that cannot be stored (such as U+0000)',
  '22P05': () => 'a value holds a character that cannot be stored (such as U+0000)',
};

/** True for an error PostgreSQL raised (a five-character SQLSTATE and a severity), however the driver wrapped it. */
export function isPgError(err: unknown): err is PgError {
  const e = err as { code?: unknown; severity?: unknown } | null;
  return typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string';
}

/** The AppError a client should see for `err`, or undefined when it is no database error a client caused. */
export function databaseErrorToAppError(err: unknown): AppError | undefined {
  // Every pooled connection busy for the whole acquire timeout: the database is overloaded, not the request wrong.
  if ((err as { name?: unknown } | null)?.name === 'KnexTimeoutError') {
    const busy = new UnavailableError('the database is busy; retry shortly');
    busy.cause = err;
    return busy;
  }
  if (!isPgError(err)) return undefined;
  const mapped = translate(err);
  // The original stays on the error for the log; the client sees only the mapped message.
  if (mapped) mapped.cause = err;
  return mapped;
}

function translate(e: PgError): AppError | undefined {
  switch (e.code) {
    case '23505': {
      const fields = keyFields(e);
      const named = fields.join(', ') || 'value';
      if (fields.length <= 1) return new AlreadyExistsError(`a record with this ${named} already exists`, fields[0]);
      return new AppError('already_exists', `a record with this ${named} already exists`, fields.map((field) => ({ field, message: 'already exists' })));
    }
    case '23503':
    case '23001': {
      const fields = keyFields(e);
      const referencing = / is (?:still )?referenced from table "([^"]+)"/.exec(e.detail ?? '')?.[1];
      if (referencing || e.code === '23001') {
        const message = `still referenced from ${referencing ?? 'another table'}`;
        return new FailedPreconditionError(`the record is ${message}`, fields.map((field) => ({ field, message })));
      }
      const target = / is not present in table "([^"]+)"/.exec(e.detail ?? '')?.[1];
      const message = `no such ${target ?? 'record'}`;
      return fields.length > 0 ? new ValidationError(fields.map((field) => ({ field, message }))) : new ValidationError([], `refers to ${message}`);
    }
    // A transaction that lost a deadlock or a serialization check did nothing; the same request may succeed again.
    case '40P01':
    case '40001':
      return new AppError('aborted', 'the request conflicted with a concurrent one; retry it');
    // Too many connections, or the server shutting down: nothing the request did.
    case '53300':
    case '57P01':
      return new UnavailableError('the database is unavailable; retry shortly');
    case '23502':
      return new ValidationError(e.column ? [{ field: apiField(e.column), message: 'is required' }] : [], e.column ? undefined : 'a required value is missing');
    case '23514': {
      const column = e.table && e.constraint ? new RegExp(`^${e.table}_(.+)_check$`).exec(e.constraint)?.[1] : undefined;
      if (column) return new ValidationError([{ field: apiField(column), message: 'is not an allowed value' }]);
      return new ValidationError([], `the values break the rule ${e.constraint ?? 'of a check constraint'}`);
    }
    default: {
      const describe = INVALID_VALUE[e.code];
      if (!describe) return undefined;
      const message = describe(e);
      return new ValidationError(e.column ? [{ field: apiField(e.column), message }] : [], message);
    }
  }
}

/** API field names of the key a constraint error reports: from its detail `Key (a, lower(b))=(...)`, else the constraint's name. */
function keyFields(e: PgError): string[] {
  // The name is a guess, used only when the detail is withheld (no SELECT right on the columns).
  if (e.detail?.includes('Key (')) return keyColumns(e.detail).map(apiField);
  const fromName = e.table && e.constraint ? new RegExp(`^${e.table}_(.+)_(?:key|fkey|idx)$`).exec(e.constraint)?.[1] : undefined;
  return fromName ? [apiField(fromName)] : [];
}

function keyColumns(detail: string): string[] {
  const start = detail.indexOf('Key (');
  if (start < 0) return [];
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of detail.slice(start + 5)) {
    if (ch === '(') depth += 1;
    if (ch === ')' && depth-- === 0) break;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map(columnOf).filter((c): c is string => !!c);
}

const LITERALS = new Set(['true', 'false', 'null']);

/** An expression index names its column inside calls and casts, e.g. `lower((email)::text)`; `(true)` names none. */
function columnOf(expression: string): string | undefined {
  const bare = expression.replace(/::[a-z_ ]+/gi, '').replace(/"/g, '');
  for (const [, word] of bare.matchAll(/\b([a-z_][a-z0-9_]*)\b(?!\s*\()/gi)) if (!LITERALS.has(word!.toLowerCase())) return word;
  return undefined;
}

/** Columns are snake_case; the APIs' fields camelCase. */
function apiField(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
