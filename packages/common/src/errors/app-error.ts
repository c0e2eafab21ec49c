// One error family for every service. Transports map it once (http/error-handler, grpc/error-mapper);
// nothing else translates errors.

export type ErrorType =
  | 'invalid_argument'
  | 'unauthenticated'
  | 'permission_denied'
  | 'not_found'
  | 'already_exists'
  | 'aborted'
  | 'failed_precondition'
  | 'resource_exhausted'
  | 'unavailable'
  | 'deadline_exceeded'
  | 'internal';

/** One problem with one input field; `field` is a dotted path such as `price.amount`. */
export interface FieldViolation {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly type: ErrorType;
  readonly details: FieldViolation[];

  constructor(type: ErrorType, message: string, details: FieldViolation[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.type = type;
    this.details = details;
  }
}

export class ValidationError extends AppError {
  constructor(details: FieldViolation[], message = describeViolations(details)) {
    super('invalid_argument', message, details);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'authentication required') {
    super('unauthenticated', message);
  }
}

export class PermissionDeniedError extends AppError {
  constructor(message = 'permission denied') {
    super('permission_denied', message);
  }
}

export class NotFoundError extends AppError {
  constructor(resource: string, id?: string | number) {
    super('not_found', id === undefined ? `${resource} not found` : `${resource} ${id} not found`);
  }
}

export class AlreadyExistsError extends AppError {
  constructor(message: string, field?: string) {
    super('already_exists', message, field ? [{ field, message }] : []);
  }
}

export class FailedPreconditionError extends AppError {
  constructor(message: string, details: FieldViolation[] = []) {
    super('failed_precondition', message, details);
  }
}

export class UnavailableError extends AppError {
  constructor(message = 'service unavailable', options?: { cause?: unknown }) {
    super('unavailable', message, [], options);
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

function describeViolations(details: FieldViolation[]): string {
  if (details.length === 0) return 'invalid request';
  return details.map((d) => (d.field ? `${d.field}: ${d.message}` : d.message)).join('; ');
}
