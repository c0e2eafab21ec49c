// What a gRPC handler receives besides its request, and the handler shape the kit serves.
import type { Metadata } from '@grpc/grpc-js';
import type { Principal } from '../http/jwt.js';
import { UnauthenticatedError } from '../errors/app-error.js';

export interface CallContext {
  /** Full method name, e.g. `/ecommerce.user.v1.UserService/GetUser`. */
  method: string;
  metadata: Metadata;
  /** Set when the method requires authentication (see MethodAccess). */
  principal?: Principal;
  /** Aborted when the client cancels or the deadline passes: pass it on to slow work. */
  signal: AbortSignal;
  deadline?: Date;
}

/** A unary handler: request in, response out; throw an AppError to answer with its status. */
export type UnaryHandler<Req, Res> = (request: Req, ctx: CallContext) => Promise<Res>;

type HandlerFor<M> = M extends {
  requestDeserialize: (bytes: Buffer) => infer Req;
  responseSerialize: (value: infer Res) => Buffer;
}
  ? UnaryHandler<Req, Res>
  : never;

/** The handlers a service class implements for a ts-proto `...Service` definition, one per method. */
export type UnaryHandlers<D> = { [K in keyof D]: HandlerFor<D[K]> };

export function principalOfCall(ctx: CallContext): Principal {
  if (!ctx.principal) throw new UnauthenticatedError();
  return ctx.principal;
}
