// Builds the catalog's Express app from its dependencies; main.ts owns creating and closing them.
import type { Cache } from '@ecommerce/common/cache';
import { isDatabaseReady } from '@ecommerce/common/db';
import { createServiceApp, finishServiceApp, requireRoles, type JwtVerifier } from '@ecommerce/common/http';
import type { Logger } from '@ecommerce/common/logger';
import type { ServiceMetrics } from '@ecommerce/common/observability';
import { Router, type Express } from 'express';
import type { Knex } from 'knex';
import { ProductCache } from './cache/product-cache.js';
import { catalogOpenApi } from './openapi.js';
import { BrandRepository } from './repositories/brand-repository.js';
import { CategoryRepository } from './repositories/category-repository.js';
import { PageRepository } from './repositories/page-repository.js';
import { ProductRepository } from './repositories/product-repository.js';
import { brandRoutes } from './routes/brands.js';
import { categoryRoutes } from './routes/categories.js';
import { pageRoutes } from './routes/pages.js';
import { productRoutes } from './routes/products.js';

export const SERVICE_NAME = 'catalog';

export interface CatalogAppDeps {
  db: Knex;
  cache: Cache;
  logger: Logger;
  metrics: ServiceMetrics;
  verifier: JwtVerifier;
  productCacheTtlSeconds: number;
  corsOrigins?: string;
  bodyLimit?: string;
}

export function createCatalogApp(deps: CatalogAppDeps): Express {
  const app = createServiceApp({
    service: SERVICE_NAME,
    logger: deps.logger,
    metrics: deps.metrics,
    readiness: () => isDatabaseReady(deps.db),
    corsOrigins: deps.corsOrigins,
    bodyLimit: deps.bodyLimit,
  });
  const staffOnly = requireRoles(deps.verifier, 'staff', 'admin');
  const productCache = new ProductCache(deps.cache, deps.logger, deps.productCacheTtlSeconds);

  const api = Router();
  api.use(categoryRoutes({ categories: new CategoryRepository(deps.db), productCache, staffOnly }));
  api.use(brandRoutes({ brands: new BrandRepository(deps.db), staffOnly }));
  api.use(productRoutes({ products: new ProductRepository(deps.db), productCache, staffOnly }));
  api.use(pageRoutes({ pages: new PageRepository(deps.db), staffOnly }));
  app.use('/api/v1', api);
  // This service's part of the platform's OpenAPI document; the gateway merges it into /openapi.json.
  app.get('/openapi.json', (_req, res) => {
    res.json(catalogOpenApi);
  });

  finishServiceApp(app);
  return app;
}
