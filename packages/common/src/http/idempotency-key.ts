// `Idempotency-Key` for commands a client may retry: the first request runs and its answer is stored; a retry
// with the same key and request gets that answer again, never a second effect (STYLE.md: cross-service work).
import type { Request, RequestHandler, Response } from 'express';
import { ValidationError } from '../errors/app-error.js';
import type { IdempotencyStore, StoredResponse } from '../idempotency/idempotency-store.js';
import { assertIdempotencyKey, canonicalJson, requestFingerprint } from '../idempotency/request-fingerprint.js';
import type { Logger } from '../logger/logger.js';
import { principalOf } from './require-roles.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Set on a replayed answer, so a client (and a test) can tell it from a fresh one. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

export interface IdempotencyKeyOptions {
  store: IdempotencyStore;
  /** Refuse a request without the header (400); by default such a request simply runs. */
  required?: boolean;
  /**
   * Whose key it is: keys are kept per caller. Default: the subject that requireRoles verified (mount this after
   * it), else `anonymous`, a namespace all anonymous clients share (so they must send random keys).
   */
  caller?: (req: Request) => string;
}

/**
 * Route middleware, after authentication and before the handler. Same key and request (method, path with query,
 * canonical JSON body, caller): the stored status and body, with `Idempotent-Replayed: true`. Same key, other
 * request: 422. The same request still running: 409 at once (the client retries for the answer; no request
 * waits on another). Answers under 500 are stored; a 5xx forgets the key so a retry runs again.
 */
export function idempotencyKeys(options: IdempotencyKeyOptions): RequestHandler {
  const callerOf = options.caller ?? ((req: Request) => {
    const sub = principalOf(req)?.sub;
    return sub ? `user:${sub}` : 'anonymous';
  });
  return async (req, res, next) => {
    const header = req.get(IDEMPOTENCY_KEY_HEADER);
    if (header === undefined) {
      if (options.required) throw new ValidationError([{ field: IDEMPOTENCY_KEY_HEADER, message: 'required for this request' }]);
      return next();
    }
    const key = assertIdempotencyKey(header, IDEMPOTENCY_KEY_HEADER);
    const caller = callerOf(req);
    const fingerprint = requestFingerprint([req.method, req.originalUrl, canonicalJson(req.body), caller]);
    const claim = await options.store.claim(caller, key, fingerprint);
    if (claim.kind === 'replay') return replay(res, claim.response);
    recordAnswer(res, (response) =>
      response.status >= 500 ? options.store.abandon(caller, key, claim.token) : options.store.complete(caller, key, claim.token, response),
    );
    next();
  };
}

function replay(res: Response, response: StoredResponse): void {
  res.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
  res.status(response.status);
  if (response.body === null) res.end();
  else res.json(response.body);
}

/**
 * Stores the answer before it is sent, so a retry that follows the answer never finds the key in progress.
 * Answers that bypass res.json (204 with no body) are stored when they finish.
 */
function recordAnswer(res: Response, store: (response: StoredResponse) => Promise<unknown>): void {
  let stored: Promise<void> | undefined;
  const storeOnce = (response: StoredResponse) =>
    (stored ??= store(response).then(
      () => {},
      (err: unknown) => (res.locals.logger as Logger | undefined)?.error({ err }, 'could not store the idempotent answer'),
    ));
  const send = res.json.bind(res);
  res.json = (body: unknown) => {
    void storeOnce({ status: res.statusCode, body: body === undefined ? null : JSON.parse(JSON.stringify(body)) }).then(() => send(body));
    return res;
  };
  res.on('finish', () => void storeOnce({ status: res.statusCode, body: null }));
}
