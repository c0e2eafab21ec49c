// How the adapters call another service: the service token (role staff) on internal RPCs, the saga's idempotency
// key in the `idempotency-key` metadata, and the kit's AppError on failure (so a participant's final answer stays
// final for the saga, and anything else is retried).
import { idempotencyKeyMetadata, unaryCall, type UnaryCallOptions } from '@ecommerce/common/grpc';

/** A cached service JWT with role staff (the kit's serviceTokenSource in main.ts; a test token in tests). */
export type ServiceToken = () => Promise<string>;

type Method<Req, Res> = Parameters<typeof unaryCall<Req, Res>>[0];

export interface CallOptions {
  /** Internal RPCs carry the service token. */
  token?: ServiceToken;
  idempotencyKey?: string;
  deadlineMs?: number;
}

export async function remoteCall<Req, Res>(method: Method<Req, Res>, request: Req, options: CallOptions = {}): Promise<Res> {
  const call: UnaryCallOptions = {};
  if (options.token) call.token = await options.token();
  if (options.idempotencyKey) call.metadata = idempotencyKeyMetadata(options.idempotencyKey);
  if (options.deadlineMs) call.deadlineMs = options.deadlineMs;
  return unaryCall(method, request, call);
}
