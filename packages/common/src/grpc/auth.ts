// Per-method access control: the JWT in `authorization` metadata, verified locally, then a role check.
import { PermissionDeniedError, UnauthenticatedError } from '../errors/app-error.js';
import { bearerToken, type JwtVerifier } from '../http/jwt.js';
import type { UnaryInterceptor } from './interceptor.js';

/** `public`: no token needed; `authenticated`: any valid token; a role list: a token holding one of them. */
export type MethodAccess = 'public' | 'authenticated' | readonly string[];

export function authInterceptor(verifier: JwtVerifier): UnaryInterceptor {
  return async (call, next) => {
    const { access } = call;
    if (access === 'public') return next();
    const header = call.ctx.metadata.get('authorization')[0];
    const token = bearerToken(typeof header === 'string' ? header : undefined);
    if (!token) throw new UnauthenticatedError('missing bearer token in authorization metadata');
    const principal = await verifier.verify(token);
    if (access !== 'authenticated' && !access.some((role) => principal.roles.includes(role))) {
      throw new PermissionDeniedError(`requires role ${access.join(' or ')}`);
    }
    call.ctx.principal = principal;
    return next();
  };
}
