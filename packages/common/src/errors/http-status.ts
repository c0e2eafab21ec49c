import type { ErrorType } from './app-error.js';

/** DESIGN.md section 7: the one table from error type to HTTP status. */
export const HTTP_STATUS_BY_TYPE: Record<ErrorType, number> = {
  invalid_argument: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  already_exists: 409,
  aborted: 409,
  failed_precondition: 422,
  resource_exhausted: 429,
  unavailable: 503,
  deadline_exceeded: 504,
  internal: 500,
};

/** Envelope error codes are the upper-case gRPC names so REST and gRPC clients see one vocabulary. */
export function errorCode(type: ErrorType): string {
  return type.toUpperCase();
}
