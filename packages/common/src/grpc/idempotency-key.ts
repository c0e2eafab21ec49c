// `idempotency-key` metadata for commands a client may retry (saga steps above all): the first call runs and
// its answer is stored; a retry with the same key and request gets that answer again, never a second effect.
import { Metadata, type MethodDefinition } from '@grpc/grpc-js';
import { AppError, ValidationError, type ErrorType, type FieldViolation } from '../errors/app-error.js';
import { isFinalAnswer } from '../errors/final-answer.js';
import type { IdempotencyStore, StoredResponse } from '../idempotency/idempotency-store.js';
import { assertIdempotencyKey, requestFingerprint } from '../idempotency/request-fingerprint.js';
import type { CallContext, UnaryHandler } from './call-context.js';
import { GRPC_STATUS_BY_TYPE } from './error-mapper.js';

export const IDEMPOTENCY_KEY_METADATA = 'idempotency-key';

export interface GrpcIdempotencyOptions {
  /** Refuse a call without the key (INVALID_ARGUMENT); by default such a call simply runs. */
  required?: boolean;
  /** Whose key it is; default: the verified subject, else `anonymous` (a namespace all anonymous callers share). */
  caller?: (ctx: CallContext) => string;
}

/** What is stored: the serialized response (replayed byte for byte), or a final error. */
type StoredBody = { message: string } | { error: { type: ErrorType; message: string; details: FieldViolation[] } };

/**
 * Wraps one unary handler (opt-in per method: only commands need it, and the method's codec stores the answer).
 * Same key and request (method, serialized request, caller): the stored answer. Same key, other request:
 * FAILED_PRECONDITION. The same request still running: ABORTED at once (retry for the answer). Successes and
 * final errors (invalid argument, not found, failed precondition ...) are stored; other failures forget the key.
 */
export function idempotentUnary<Req, Res>(
  store: IdempotencyStore,
  method: MethodDefinition<Req, Res>,
  handler: UnaryHandler<Req, Res>,
  options: GrpcIdempotencyOptions = {},
): UnaryHandler<Req, Res> {
  const callerOf = options.caller ?? ((ctx: CallContext) => (ctx.principal ? `user:${ctx.principal.sub}` : 'anonymous'));
  return async (request, ctx) => {
    const header = ctx.metadata.get(IDEMPOTENCY_KEY_METADATA)[0];
    if (header === undefined) {
      if (options.required) throw new ValidationError([{ field: IDEMPOTENCY_KEY_METADATA, message: 'required metadata for this method' }]);
      return handler(request, ctx);
    }
    const key = assertIdempotencyKey(String(header), IDEMPOTENCY_KEY_METADATA);
    const caller = callerOf(ctx);
    const fingerprint = requestFingerprint([method.path, method.requestSerialize(request).toString('base64'), caller]);
    const claim = await store.claim(caller, key, fingerprint);
    if (claim.kind === 'replay') return replay(method, claim.response);
    let response: Res;
    try {
      response = await handler(request, ctx);
    } catch (err) {
      if (isFinalAnswer(err)) await store.complete(caller, key, claim.token, storedError(err as AppError));
      else await store.abandon(caller, key, claim.token);
      throw err;
    }
    await store.complete(caller, key, claim.token, { status: 0, body: { message: method.responseSerialize(response).toString('base64') } });
    return response;
  };
}

/** Metadata carrying `key`, for a client call (unaryCall's `metadata` option). */
export function idempotencyKeyMetadata(key: string, metadata: Metadata = new Metadata()): Metadata {
  const copy = metadata.clone();
  copy.set(IDEMPOTENCY_KEY_METADATA, key);
  return copy;
}

function storedError(err: AppError): StoredResponse {
  const body: StoredBody = { error: { type: err.type, message: err.message, details: err.details } };
  return { status: GRPC_STATUS_BY_TYPE[err.type], body };
}

function replay<Req, Res>(method: MethodDefinition<Req, Res>, response: StoredResponse): Res {
  const body = response.body as StoredBody;
  if ('error' in body) throw new AppError(body.error.type, body.error.message, body.error.details);
  return method.responseDeserialize(Buffer.from(body.message, 'base64'));
}

