// Edge authentication: a presented token must verify (401 otherwise, before any upstream is called), and a
// route's policy may demand a token or one of some roles (401/403). The Authorization header then goes on
// unchanged: upstreams verify it too, and enforce per-resource rules the edge cannot know.
import { PermissionDeniedError, UnauthenticatedError } from '@ecommerce/common/errors';
import { bearerToken, type JwtVerifier, type Principal } from '@ecommerce/common/http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** `public`: anyone; `authenticated`: any valid token; a role list: a valid token holding one of them. */
export type Access = 'public' | 'authenticated' | readonly string[];

export function edgeAuth(verifier: JwtVerifier, policyFor: (req: Request) => Access): RequestHandler {
  const withToken = async (req: Request, res: Response, next: NextFunction, header: string): Promise<void> => {
    const token = bearerToken(header);
    if (!token) throw new UnauthenticatedError('authorization header must be "Bearer <token>"');
    const principal: Principal = await verifier.verify(token);
    res.locals.principal = principal;
    const access = policyFor(req);
    if (access !== 'public' && access !== 'authenticated' && !principal.roles.some((r) => access.includes(r))) {
      throw new PermissionDeniedError(`requires one of the roles: ${access.join(', ')}`);
    }
    next();
  };
  return (req, res, next) => {
    const header = req.headers.authorization;
    if (header) return withToken(req, res, next, header);
    // The common case at the front door, a public read without a token, costs no parsing and no promise.
    res.locals.principal = undefined;
    if (policyFor(req) !== 'public') throw new UnauthenticatedError('missing bearer token');
    next();
  };
}
