// POST /internal/service-token: client credentials for the platform's own services. Outside /api/v1, so the
// gateway never routes it: only callers inside the network reach the auth service's port.
import { parseBody, sendOk } from '@ecommerce/common/http';
import { Router } from 'express';
import { z } from 'zod';
import type { ServiceClients } from '../service-clients/service-clients.js';

const serviceTokenBody = z.object({
  service: z.string().min(1).max(41),
  secret: z.string().min(1).max(512),
});

export function serviceTokenRoute(clients: ServiceClients): Router {
  const router = Router();
  router.post('/internal/service-token', async (req, res) => {
    const { service, secret } = parseBody(serviceTokenBody, req);
    const issued = await clients.issue(service, secret);
    res.set('cache-control', 'no-store');
    sendOk(res, { accessToken: issued.token, tokenType: 'Bearer', expiresAt: issued.expiresAt.toISOString() });
  });
  return router;
}
