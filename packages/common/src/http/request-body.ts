// The JSON body of a route that needs one. express.json() reads only application/json and turns an empty body
// into {}, so without this check a write sent as text/plain, as a form, or with no body at all reaches the route
// as `{}` and answers 200 having changed nothing.
import type { Request } from 'express';
import { ValidationError } from '../errors/app-error.js';

/** Shaped like body-parser's own errors (status, expose, type), so the kit's error handler answers 415. */
export class UnsupportedMediaTypeError extends Error {
  readonly status = 415;
  readonly expose = true;
  readonly type = 'content-type.unsupported';

  constructor(readonly contentType: string | undefined) {
    super(`content-type must be application/json, not ${contentType ?? 'none'}`);
    this.name = 'UnsupportedMediaTypeError';
  }
}

/** The parsed JSON body; 415 for a body of another content type, 400 naming `body` when there is none. */
export function requireJsonBody(req: Request): unknown {
  const body = optionalJsonBody(req);
  if (body === undefined) {
    throw new ValidationError([{ field: 'body', message: 'is required: send a JSON object with content-type application/json' }]);
  }
  return body;
}

/** The parsed JSON body, or undefined when the request carries none; a body of another content type is 415. */
export function optionalJsonBody(req: Request): unknown {
  if (!carriesBody(req)) return undefined;
  // The JSON parser ran before the route and left req.body unset: it was not application/json.
  if (req.body === undefined) throw new UnsupportedMediaTypeError(req.get('content-type'));
  return req.body;
}

/** Content-Length 0 (or none, and no chunked encoding) is no body, whatever the content type says. */
function carriesBody(req: Request): boolean {
  if (req.get('transfer-encoding') !== undefined) return true;
  return Number(req.get('content-length') ?? 0) > 0;
}
