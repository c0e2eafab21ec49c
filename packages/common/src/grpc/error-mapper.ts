// The one translation between AppError and gRPC status, both ways (a database error a client caused counts as
// its AppError). Unknown errors become INTERNAL with a generic message; what really happened goes to the log only.
import { Metadata, status, type ServiceError, type StatusObject } from '@grpc/grpc-js';
import { databaseErrorToAppError } from '../db/database-errors.js';
import { AppError, isAppError, type ErrorType } from '../errors/app-error.js';
import type { Logger } from '../logger/logger.js';
import type { UnaryInterceptor } from './interceptor.js';
import { decodeFieldViolations, encodeStatusDetails, STATUS_DETAILS_KEY } from './status-details.js';

export const GRPC_STATUS_BY_TYPE: Record<ErrorType, status> = {
  invalid_argument: status.INVALID_ARGUMENT,
  unauthenticated: status.UNAUTHENTICATED,
  permission_denied: status.PERMISSION_DENIED,
  not_found: status.NOT_FOUND,
  already_exists: status.ALREADY_EXISTS,
  aborted: status.ABORTED,
  failed_precondition: status.FAILED_PRECONDITION,
  resource_exhausted: status.RESOURCE_EXHAUSTED,
  unavailable: status.UNAVAILABLE,
  deadline_exceeded: status.DEADLINE_EXCEEDED,
  internal: status.INTERNAL,
};

const TYPE_BY_GRPC_STATUS = new Map<number, ErrorType>(
  Object.entries(GRPC_STATUS_BY_TYPE).map(([type, code]) => [code, type as ErrorType]),
);

/** A thrown value turned into the status the client receives. */
export type GrpcFailure = Partial<StatusObject> & { code: status; details: string; metadata: Metadata };

export function toGrpcFailure(err: unknown, logger: Logger): GrpcFailure {
  const appError = isAppError(err) ? err : databaseErrorToAppError(err);
  if (appError) {
    const code = GRPC_STATUS_BY_TYPE[appError.type];
    if (appError.type === 'internal') logger.error({ err }, 'internal error');
    const { message, details } = boundedForTrailers(appError.message, appError.details);
    const metadata = new Metadata();
    metadata.set(STATUS_DETAILS_KEY, encodeStatusDetails(code, message, details));
    return { code, details: message, metadata };
  }
  logger.error({ err }, 'unhandled error');
  return { code: status.INTERNAL, details: 'internal error', metadata: new Metadata() };
}

// A status travels in HTTP/2 trailers, and grpc-js clients refuse trailers over 8 KiB by default (the call then
// never completes and the caller sees its deadline pass): a request with hundreds of bad fields must still get
// its INVALID_ARGUMENT. The first violations say enough; the message says how many more there were.
const MAX_VIOLATIONS = 10;
const MAX_TEXT = 160;
const MAX_MESSAGE = 600;

function boundedForTrailers(message: string, details: AppError['details']): { message: string; details: AppError['details'] } {
  const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  const kept = details.slice(0, MAX_VIOLATIONS).map((d) => ({ field: clip(d.field, MAX_TEXT), message: clip(d.message, MAX_TEXT) }));
  const more = details.length - kept.length;
  const base = more > 0 ? kept.map((d) => `${d.field}: ${d.message}`).join('; ') : message;
  return { message: more > 0 ? `${clip(base, MAX_MESSAGE)}; and ${more} more` : clip(base, MAX_MESSAGE), details: kept };
}

/** For clients: a failed call as the AppError it stands for, with the server's field violations. */
export function fromServiceError(err: ServiceError): AppError {
  const type = TYPE_BY_GRPC_STATUS.get(err.code) ?? 'internal';
  const raw = err.metadata?.get(STATUS_DETAILS_KEY)[0];
  const details = raw instanceof Buffer ? decodeFieldViolations(raw) : [];
  return new AppError(type, err.details || err.message, details, { cause: err });
}

export function isServiceError(err: unknown): err is ServiceError {
  return err instanceof Error && typeof (err as Partial<ServiceError>).code === 'number' && 'metadata' in err;
}

/** Innermost of the observing interceptors: whatever the handler threw leaves as a GrpcFailure. */
export function errorMappingInterceptor(logger: Logger): UnaryInterceptor {
  return async (_call, next) => {
    try {
      return await next();
    } catch (err) {
      throw toGrpcFailure(err, logger);
    }
  };
}
