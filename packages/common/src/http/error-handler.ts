// The one HTTP error mapper: AppError (or a database error a client caused) -> status + envelope; anything
// unknown -> 500 with no internals.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { databaseErrorToAppError } from '../db/database-errors.js';
import { isAppError } from '../errors/app-error.js';
import { errorCode, HTTP_STATUS_BY_TYPE } from '../errors/http-status.js';
import type { Logger } from '../logger/logger.js';
import { failure } from '../models/envelope.js';

/** body-parser and other http-errors style failures carry an expose flag, a status and a type. */
interface HttpLibraryError {
  status?: number;
  expose?: boolean;
  type?: string;
  /** Set by the kit's UnsupportedMediaTypeError (request-body.ts). */
  contentType?: string;
}

export function notFoundHandler(): RequestHandler {
  return (req, res) => {
    res.status(404).json(failure('NOT_FOUND', `route ${req.method} ${req.path} not found`));
  };
}

export function errorHandler(fallbackLogger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const logger = (res.locals.logger as Logger | undefined) ?? fallbackLogger;
    const appError = isAppError(err) ? err : databaseErrorToAppError(err);
    if (appError) {
      const status = HTTP_STATUS_BY_TYPE[appError.type];
      if (status >= 500) logger.error({ err }, 'request failed');
      res.status(status).json(failure(errorCode(appError.type), appError.message, appError.details));
      return;
    }
    if (err instanceof URIError) {
      // Express decodes route parameters while matching; percent-encoding that is not UTF-8 is the client's fault.
      res.status(400).json(MALFORMED_PATH);
      return;
    }
    const lib = err as HttpLibraryError;
    if (lib.expose && typeof lib.status === 'number' && lib.status >= 400 && lib.status < 500) {
      res.status(lib.status).json(clientErrorEnvelope(lib));
      return;
    }
    logger.error({ err }, 'unhandled error');
    res.status(500).json(failure('INTERNAL', 'internal error'));
  };
}

const MALFORMED_PATH = failure('INVALID_ARGUMENT', 'path: malformed percent-encoding', [
  { field: 'path', message: 'has percent-encoding that is not valid UTF-8' },
]);

function clientErrorEnvelope(err: HttpLibraryError) {
  switch (err.type) {
    case 'entity.parse.failed':
      return failure('INVALID_ARGUMENT', 'body: malformed JSON', [{ field: 'body', message: 'malformed JSON' }]);
    case 'entity.too.large':
      return failure('PAYLOAD_TOO_LARGE', 'request body is too large');
    case 'content-type.unsupported':
      return failure('UNSUPPORTED_MEDIA_TYPE', 'content-type must be application/json', [
        { field: 'content-type', message: `${err.contentType ?? 'none'} is not accepted; send application/json` },
      ]);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return failure('INVALID_ARGUMENT', 'unsupported body encoding');
    default:
      return failure('INVALID_ARGUMENT', 'bad request');
  }
}
