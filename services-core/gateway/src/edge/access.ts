// Edge authentication: a presented token must verify (401 otherwise, before any upstream is called), and a
// route's policy may demand a token or one of some roles (401/403). The Authorization header then goes on
// unchanged: upstreams verify it too, and enforce per-resource rules the edge cannot know.
import { PermissionDeniedError, UnauthenticatedError } from '@ecommerce/common/errors';
import { bearerToken, type JwtVerifier, type Principal } from '@ecommerce/common/http';
import type { Request, RequestHandler } from 'express';

/** `public`: anyone; `authenticated`: any valid token; a role list: a valid token holding one of them. */
export type Access = 'public' | 'authenticated' | readonly string[];

export function edgeAuth(verifier: JwtVerifier, policyFor: (req: Request) => Access): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization');
    const token = bearerToken(header);
    if (header && !token) throw new UnauthenticatedError('authorization header must be "Bearer <token>"');
    const principal: Principal | undefined = token ? await verifier.verify(token) : undefined;
    res.locals.principal = principal;
    const access = policyFor(req);
    if (access === 'public') return next();
    if (!principal) throw new UnauthenticatedError('missing bearer token');
    if (access !== 'authenticated' && !principal.roles.some((r) => access.includes(r))) {
      throw new PermissionDeniedError(`requires one of the roles: ${access.join(', ')}`);
    }
    next();
  };
}
