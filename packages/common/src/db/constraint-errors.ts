// A repository call's own wording for the constraints it knows (a products foreign key is "unknown brand" on
// insert but "brand in use" on a brand delete); any other database error gets the shared mapping.
import type { AppError } from '../errors/app-error.js';
import { databaseErrorToAppError, isPgError } from './database-errors.js';

/** Constraint (or unique index) name -> the error a client should see when this call violates it. */
export type ConstraintErrors = Readonly<Record<string, () => AppError>>;

export async function withConstraintErrors<T>(known: ConstraintErrors, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!isPgError(err)) throw err;
    const translate = err.constraint ? known[err.constraint] : undefined;
    const mapped = translate ? translate() : databaseErrorToAppError(err);
    if (!mapped) throw err;
    mapped.cause ??= err;
    throw mapped;
  }
}
