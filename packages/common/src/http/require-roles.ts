import type { Request, RequestHandler } from 'express';
import { PermissionDeniedError, UnauthenticatedError } from '../errors/app-error.js';
import { CACHE_CONTROL } from './conditional-get.js';
import { bearerToken, type JwtVerifier, type Principal } from './jwt.js';

const principals = new WeakMap<Request, Principal>();

/** The verified caller of a request that passed requireRoles, if any. */
export function principalOf(req: Request): Principal | undefined {
  return principals.get(req);
}

/**
 * Requires a valid bearer token (401 otherwise) holding at least one of `roles` (403 otherwise).
 * With no roles listed, any authenticated caller passes. Whatever the route answers (its refusals included) depends
 * on the caller, so it is marked for no cache to keep.
 */
export function requireRoles(verifier: JwtVerifier, ...roles: string[]): RequestHandler {
  return async (req, res, next) => {
    res.setHeader('Cache-Control', CACHE_CONTROL.privateNoStore);
    const token = bearerToken(req.get('authorization'));
    if (!token) throw new UnauthenticatedError('missing bearer token');
    const principal = await verifier.verify(token);
    if (roles.length > 0 && !principal.roles.some((r) => roles.includes(r))) {
      throw new PermissionDeniedError(`requires one of the roles: ${roles.join(', ')}`);
    }
    principals.set(req, principal);
    next();
  };
}
