// Who is calling, from the verified token. Cart RPCs are public (guests have no token), so their token, when one
// is sent, is verified here; a bad token is refused rather than quietly treated as a guest.
import type { CallContext } from '@ecommerce/common/grpc';
import { bearerToken, type JwtVerifier, type Principal } from '@ecommerce/common/http';
import type { Caller } from '../biz/cart.js';

const STAFF_ROLES = ['staff', 'admin'];

export function callerOfPrincipal(principal: Principal | undefined): Caller {
  if (!principal) return { customerId: null, staff: false, actor: 'guest' };
  const staff = principal.roles.some((r) => STAFF_ROLES.includes(r));
  if (staff) return { customerId: null, staff: true, actor: `staff:${principal.sub}` };
  return { customerId: principal.sub, staff: false, actor: `customer:${principal.sub}` };
}

export async function callerOf(ctx: CallContext, verifier: JwtVerifier): Promise<Caller> {
  if (ctx.principal) return callerOfPrincipal(ctx.principal);
  const header = ctx.metadata.get('authorization')[0];
  const token = bearerToken(typeof header === 'string' ? header : undefined);
  if (!token) return callerOfPrincipal(undefined);
  return callerOfPrincipal(await verifier.verify(token));
}
