// TOTP enrolment and removal for the signed-in account.
import { parseBody, sendOk } from '@ecommerce/common/http';
import { Router } from 'express';
import { mfaCodeBody, mfaDisableBody } from '../schemas/auth.js';
import type { AccessTokens } from '../tokens/access-tokens.js';
import type { MfaUseCases } from '../use-cases/mfa.js';
import { callerToken } from './auth.js';

export function mfaRoutes(deps: { mfa: MfaUseCases; accessTokens: AccessTokens }): Router {
  const router = Router();

  router.post('/auth/mfa/enroll', async (req, res) => {
    const caller = await callerToken(deps.accessTokens, req);
    sendOk(res, await deps.mfa.enroll(caller.sub));
  });

  router.post('/auth/mfa/confirm', async (req, res) => {
    const caller = await callerToken(deps.accessTokens, req);
    sendOk(res, await deps.mfa.confirm(caller.sub, parseBody(mfaCodeBody, req).code));
  });

  router.post('/auth/mfa/disable', async (req, res) => {
    const caller = await callerToken(deps.accessTokens, req);
    await deps.mfa.disable(caller.sub, parseBody(mfaDisableBody, req));
    res.status(204).end();
  });

  return router;
}
