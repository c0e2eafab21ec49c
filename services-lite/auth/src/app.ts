// Builds the auth service's Express app from its components; main.ts owns creating and closing resources.
import { isDatabaseReady } from '@ecommerce/common/db';
import { createServiceApp, finishServiceApp } from '@ecommerce/common/http';
import type { Logger } from '@ecommerce/common/logger';
import type { ServiceMetrics } from '@ecommerce/common/observability';
import { Router, type ErrorRequestHandler, type Express } from 'express';
import type { Knex } from 'knex';
import type { AuthComponents } from './components.js';
import { authOpenApi } from './openapi.js';
import { RateLimitedError } from './rate-limit/rate-limiter.js';
import { authRoutes } from './routes/auth.js';
import { jwksRoute, keyAdminRoutes } from './routes/keys.js';
import { mfaRoutes } from './routes/mfa.js';
import { passwordRoutes } from './routes/passwords.js';
import { serviceTokenRoute } from './routes/service-tokens.js';
import type { ServiceClients } from './service-clients/service-clients.js';

export const SERVICE_NAME = 'auth';

export interface AuthAppDeps {
  db: Knex;
  components: AuthComponents;
  logger: Logger;
  metrics: ServiceMetrics;
  corsOrigins?: string;
  bodyLimit?: string;
  /** Proxies in front (the gateway): rate limits count the client's address, not the proxy's. */
  trustProxyHops?: number;
  /** Client credentials of the platform's services; without it, /internal/service-token is not served. */
  serviceClients?: ServiceClients;
}

export function createAuthApp(deps: AuthAppDeps): Express {
  const app = createServiceApp({
    service: SERVICE_NAME,
    logger: deps.logger,
    metrics: deps.metrics,
    readiness: () => isDatabaseReady(deps.db),
    corsOrigins: deps.corsOrigins,
    bodyLimit: deps.bodyLimit,
  });
  app.set('trust proxy', deps.trustProxyHops ?? 0);
  const c = deps.components;

  app.use(jwksRoute(c.signingKeys));
  // This service's part of the platform's OpenAPI document; the gateway merges it into /openapi.json.
  app.get('/openapi.json', (_req, res) => {
    res.json(authOpenApi);
  });
  const api = Router();
  api.use(authRoutes({ register: c.register, login: c.login, mfa: c.mfa, sessions: c.sessions, accessTokens: c.accessTokens, accounts: c.accounts }));
  api.use(passwordRoutes({ passwords: c.passwords, accessTokens: c.accessTokens }));
  api.use(mfaRoutes({ mfa: c.mfa, accessTokens: c.accessTokens }));
  api.use(keyAdminRoutes(c.signingKeys, c.accessTokens.asVerifier()));
  app.use('/api/v1', api);
  if (deps.serviceClients) app.use(serviceTokenRoute(deps.serviceClients));
  app.use(retryAfterHeader);

  finishServiceApp(app);
  return app;
}

/** A 429 tells the client when to come back; the shared error handler then writes the envelope. */
const retryAfterHeader: ErrorRequestHandler = (err, _req, res, next) => {
  if (err instanceof RateLimitedError) res.set('retry-after', String(err.retryAfterSeconds));
  next(err);
};
