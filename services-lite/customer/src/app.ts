// Builds the customer service's Express app from its dependencies; main.ts owns creating and closing them.
import { isDatabaseReady } from '@ecommerce/common/db';
import { createServiceApp, finishServiceApp, requireRoles, type JwtVerifier } from '@ecommerce/common/http';
import type { Logger } from '@ecommerce/common/logger';
import type { ServiceMetrics } from '@ecommerce/common/observability';
import { Router, type Express } from 'express';
import type { Knex } from 'knex';
import type { CustomerComponents } from './components.js';
import { customerOpenApi } from './openapi.js';
import { profileRoutes } from './routes/profile.js';
import { segmentRoutes } from './routes/segments.js';
import { staffCustomerRoutes } from './routes/staff-customers.js';

export const SERVICE_NAME = 'customer';

export interface CustomerAppDeps {
  db: Knex;
  components: CustomerComponents;
  logger: Logger;
  metrics: ServiceMetrics;
  verifier: JwtVerifier;
  corsOrigins?: string;
  bodyLimit?: string;
}

export function createCustomerApp(deps: CustomerAppDeps): Express {
  const app = createServiceApp({
    service: SERVICE_NAME,
    logger: deps.logger,
    metrics: deps.metrics,
    readiness: () => isDatabaseReady(deps.db),
    corsOrigins: deps.corsOrigins,
    bodyLimit: deps.bodyLimit,
  });
  const c = deps.components;
  const customerOnly = requireRoles(deps.verifier, 'customer');
  const staffOnly = requireRoles(deps.verifier, 'staff', 'admin');

  const api = Router();
  // Order matters: /customers/me and /customers/segments before /customers/:id.
  api.use(profileRoutes({ customers: c.customers, profiles: c.profiles, addresses: c.addresses, addressBook: c.addressBook, customerOnly }));
  api.use(segmentRoutes({ segments: c.segments, segmentAdmin: c.segmentAdmin, staffOnly }));
  api.use(staffCustomerRoutes({ customers: c.customers, profiles: c.profiles, addresses: c.addresses, addressBook: c.addressBook, staffOnly }));
  app.use('/api/v1', api);
  // This service's part of the platform's OpenAPI document; the gateway merges it into /openapi.json.
  app.get('/openapi.json', (_req, res) => {
    res.json(customerOpenApi);
  });

  finishServiceApp(app);
  return app;
}
