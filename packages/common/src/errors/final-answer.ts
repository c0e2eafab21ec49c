// Which failures are a participant's decision rather than an accident: asking again gets the same answer.
// The saga retries everything else; the idempotency kit replays these and forgets the rest.
import { isAppError, type ErrorType } from './app-error.js';

const FINAL: ReadonlySet<ErrorType> = new Set([
  'invalid_argument',
  'unauthenticated',
  'permission_denied',
  'not_found',
  'already_exists',
  'failed_precondition',
]);

export function isFinalAnswer(err: unknown): boolean {
  return isAppError(err) && FINAL.has(err.type);
}
