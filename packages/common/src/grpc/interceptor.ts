// Server interceptors as plain async middleware around a unary handler: each may act before and after `next`.
import type { ServerUnaryCall } from '@grpc/grpc-js';
import type { MethodAccess } from './auth.js';
import type { CallContext } from './call-context.js';

export interface UnaryCall {
  /** `ecommerce.user.v1.UserService` */
  service: string;
  /** `GetUser` */
  method: string;
  call: ServerUnaryCall<unknown, unknown>;
  ctx: CallContext;
  request: unknown;
  /** Who may call this method. */
  access: MethodAccess;
  /** Aborts `ctx.signal`; the server aborts it when the client cancels. */
  abort: AbortController;
}

export type UnaryInterceptor = (call: UnaryCall, next: () => Promise<unknown>) => Promise<unknown>;

/** The first interceptor is the outermost. */
export function composeInterceptors(
  interceptors: UnaryInterceptor[],
  handler: (call: UnaryCall) => Promise<unknown>,
): (call: UnaryCall) => Promise<unknown> {
  return (call) => {
    const step = (i: number): Promise<unknown> => {
      const interceptor = interceptors[i];
      return interceptor ? interceptor(call, () => step(i + 1)) : handler(call);
    };
    return step(0);
  };
}
