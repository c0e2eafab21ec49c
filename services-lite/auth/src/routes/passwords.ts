// Password reset, change, email verification and staff invitations.
import { parseBody, sendOk } from '@ecommerce/common/http';
import { Router } from 'express';
import { changePasswordBody, resetRequestBody, tokenWithPasswordBody, verifyEmailBody } from '../schemas/auth.js';
import type { AccessTokens } from '../tokens/access-tokens.js';
import type { PasswordUseCases } from '../use-cases/passwords.js';
import { callerToken } from './auth.js';

export function passwordRoutes(deps: { passwords: PasswordUseCases; accessTokens: AccessTokens }): Router {
  const router = Router();

  // The same answer whether or not the address has an account: it must not reveal which addresses exist.
  router.post('/auth/password/reset', async (req, res) => {
    await deps.passwords.requestReset({ email: parseBody(resetRequestBody, req).email, ip: req.ip ?? 'unknown' });
    sendOk(res, { message: 'if the address has an account, a reset link is on its way' });
  });

  router.post('/auth/password/reset/confirm', async (req, res) => {
    await deps.passwords.confirmReset(parseBody(tokenWithPasswordBody, req));
    res.status(204).end();
  });

  router.post('/auth/password/change', async (req, res) => {
    const caller = await callerToken(deps.accessTokens, req);
    await deps.passwords.change(caller.sub, parseBody(changePasswordBody, req));
    res.status(204).end();
  });

  router.post('/auth/email/verify', async (req, res) => {
    await deps.passwords.verifyEmail(parseBody(verifyEmailBody, req).token);
    res.status(204).end();
  });

  router.post('/auth/email/verify/resend', async (req, res) => {
    const caller = await callerToken(deps.accessTokens, req);
    await deps.passwords.resendVerification(caller.sub);
    res.status(204).end();
  });

  router.post('/auth/invitations/accept', async (req, res) => {
    await deps.passwords.acceptInvitation(parseBody(tokenWithPasswordBody, req));
    res.status(204).end();
  });

  return router;
}
