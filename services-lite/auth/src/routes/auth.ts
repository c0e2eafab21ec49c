// Sessions: register, login (with the MFA second step), refresh, logout, introspect, me.
import { UnauthenticatedError } from '@ecommerce/common/errors';
import { bearerToken, parseBody, sendCreated, sendOk } from '@ecommerce/common/http';
import { Router, type Request } from 'express';
import type { AccountRepository } from '../repositories/account-repository.js';
import { introspectBody, loginBody, mfaLoginBody, refreshBody, registerBody } from '../schemas/auth.js';
import type { AccessTokens, VerifiedAccessToken } from '../tokens/access-tokens.js';
import type { LoginUseCase } from '../use-cases/login.js';
import type { MfaUseCases } from '../use-cases/mfa.js';
import type { RegisterUseCase } from '../use-cases/register.js';
import type { Sessions } from '../use-cases/sessions.js';

export interface AuthRouteDeps {
  register: RegisterUseCase;
  login: LoginUseCase;
  mfa: MfaUseCases;
  sessions: Sessions;
  accessTokens: AccessTokens;
  accounts: AccountRepository;
}

/** The verified access token of an account (customer or staff); 401 without one, or for a service token. */
export async function callerToken(accessTokens: AccessTokens, req: Request): Promise<VerifiedAccessToken> {
  const token = bearerToken(req.get('authorization'));
  if (!token) throw new UnauthenticatedError('missing bearer token');
  const claims = await accessTokens.verify(token);
  if (claims.type === 'service') throw new UnauthenticatedError('a service token has no account');
  return claims;
}

export function authRoutes(deps: AuthRouteDeps): Router {
  const router = Router();

  router.post('/auth/register', async (req, res) => {
    const account = await deps.register.execute(parseBody(registerBody, req));
    sendCreated(res, { id: account.id, email: account.email, type: account.type, emailVerified: account.emailVerified });
  });

  router.post('/auth/login', async (req, res) => {
    const body = parseBody(loginBody, req);
    sendOk(res, await deps.login.execute({ ...body, ip: req.ip ?? 'unknown' }));
  });

  router.post('/auth/login/mfa', async (req, res) => {
    sendOk(res, await deps.mfa.completeLogin(parseBody(mfaLoginBody, req)));
  });

  router.post('/auth/refresh', async (req, res) => {
    sendOk(res, await deps.sessions.refresh(parseBody(refreshBody, req).refreshToken));
  });

  router.post('/auth/logout', async (req, res) => {
    await deps.sessions.logout(await callerToken(deps.accessTokens, req));
    res.status(204).end();
  });

  // RFC 7662 in spirit: an invalid, expired or revoked token is simply inactive (200), never an error.
  router.post('/auth/introspect', async (req, res) => {
    const { token } = parseBody(introspectBody, req);
    const claims = await deps.accessTokens.verify(token).catch((err: unknown) => {
      if (err instanceof UnauthenticatedError) return undefined;
      throw err;
    });
    if (!claims) return sendOk(res, { active: false });
    sendOk(res, {
      active: true,
      sub: claims.sub,
      roles: claims.roles,
      type: claims.type,
      jti: claims.jti,
      ...(claims.sid ? { sid: claims.sid } : {}),
      exp: Math.floor(claims.expiresAt.getTime() / 1000),
      iat: Math.floor(claims.issuedAt.getTime() / 1000),
    });
  });

  router.get('/auth/me', async (req, res) => {
    const caller = await callerToken(deps.accessTokens, req);
    const account = await deps.accounts.get(caller.sub);
    sendOk(res, {
      id: account.id,
      email: account.email,
      type: account.type,
      emailVerified: account.emailVerified,
      mfaEnabled: account.mfaEnabled,
      roles: caller.roles,
    });
  });

  return router;
}
