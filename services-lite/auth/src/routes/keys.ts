// The JWKS every service verifies access tokens with, and the admin's manual key rotation.
import { sendOk, type JwtVerifier } from '@ecommerce/common/http';
import { requireRoles } from '@ecommerce/common/http';
import { Router } from 'express';
import type { SigningKeyStore } from '../tokens/signing-keys.js';

export function jwksRoute(keys: SigningKeyStore): Router {
  const router = Router();
  router.get('/.well-known/jwks.json', async (_req, res) => {
    // Short: a verifier that meets an unknown kid fetches again anyway, and a rotation must show up soon.
    res.set('cache-control', 'public, max-age=60');
    res.json({ keys: await keys.publishedKeys() });
  });
  return router;
}

export function keyAdminRoutes(keys: SigningKeyStore, verifier: JwtVerifier): Router {
  const router = Router();
  router.post('/auth/keys/rotate', requireRoles(verifier, 'admin'), async (_req, res) => {
    const key = await keys.rotate();
    sendOk(res, { kid: key.kid });
  });
  return router;
}
