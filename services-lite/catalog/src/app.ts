// Builds the catalog's Express app from what main.ts opened: repositories, the unit of work, the product cache
// and the use cases over them, then the routes. main.ts owns opening and closing the resources.
import type { Cache } from '@ecommerce/common/cache';
import { isDatabaseReady } from '@ecommerce/common/db';
import { serviceUnitOfWork, type KnexUnitOfWork } from '@ecommerce/common/events';
import { createServiceApp, finishServiceApp, requireRoles, type JwtVerifier } from '@ecommerce/common/http';
import type { Logger } from '@ecommerce/common/logger';
import type { ServiceMetrics } from '@ecommerce/common/observability';
import { eventCatalog, type EventCatalog } from '@ecommerce/proto/event-catalog';
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
import type { CatalogEventType } from './use-cases/catalog-events.js';
import { ManageCategoriesUseCase } from './use-cases/manage-categories.js';
import { ManageProductsUseCase } from './use-cases/manage-products.js';

export const SERVICE_NAME = 'catalog';

export interface CatalogAppDeps {
  db: Knex;
  cache: Cache;
  logger: Logger;
  metrics: ServiceMetrics;
  verifier: JwtVerifier;
  productCacheTtlSeconds: number;
  /** Defaults to true; false reads every product from the database. */
  productCacheEnabled?: boolean;
  corsOrigins?: string;
  bodyLimit?: string;
}

/** The catalog's unit of work: its writes and the catalog.* events they decide commit together. */
export function catalogUnitOfWork(db: Knex): KnexUnitOfWork<EventCatalog, CatalogEventType> {
  return serviceUnitOfWork({ db, catalog: eventCatalog, service: SERVICE_NAME });
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
  const productCache = new ProductCache(deps.cache, deps.logger, deps.productCacheTtlSeconds, deps.productCacheEnabled ?? true);
  const uow = catalogUnitOfWork(deps.db);

  // Products first: the routers' paths do not overlap, and the product reads are the busiest, so they are matched
  // before walking the other routers' routes.
  const api = Router();
  api.use(productRoutes({ products: new ManageProductsUseCase(new ProductRepository(deps.db), uow, productCache), staffOnly }));
  api.use(categoryRoutes({ categories: new ManageCategoriesUseCase(new CategoryRepository(deps.db), uow, productCache), staffOnly }));
  api.use(brandRoutes({ brands: new BrandRepository(deps.db), staffOnly }));
  api.use(pageRoutes({ pages: new PageRepository(deps.db), staffOnly }));
  app.use('/api/v1', api);
  // This service's part of the platform's OpenAPI document; the gateway merges it into /openapi.json.
  app.get('/openapi.json', (_req, res) => {
    res.json(catalogOpenApi);
  });

  finishServiceApp(app);
  return app;
}
