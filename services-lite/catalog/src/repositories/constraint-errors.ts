// Turns Postgres constraint violations into the AppError a client should see, by constraint name.
// The same constraint can mean different things per operation (a products FK is "unknown brand" on insert
// but "brand in use" on a brand delete), so each repository call passes its own table.
import type { AppError } from '@ecommerce/common/errors';
import { PG_CHECK_VIOLATION, PG_FOREIGN_KEY_VIOLATION, PG_UNIQUE_VIOLATION, sqlState } from '@ecommerce/common/db';

export type ConstraintErrors = Readonly<Record<string, () => AppError>>;

/** What Postgres raises when deleting a row that an `ON DELETE RESTRICT` foreign key still points at. */
const PG_RESTRICT_VIOLATION = '23001';

const CONSTRAINT_STATES = new Set([PG_UNIQUE_VIOLATION, PG_FOREIGN_KEY_VIOLATION, PG_CHECK_VIOLATION, PG_RESTRICT_VIOLATION]);

export async function withConstraintErrors<T>(known: ConstraintErrors, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const state = sqlState(err);
    const constraint = (err as { constraint?: unknown }).constraint;
    if (state && CONSTRAINT_STATES.has(state) && typeof constraint === 'string') {
      const translate = known[constraint];
      if (translate) throw translate();
    }
    throw err;
  }
}
