// The catalog service: products, categories, brands and CMS pages over HTTP (8012). Started through the kit's
// one composition root, as a process (`node dist/main.js`) or hosted by the embedded runner and the tests
// (`startCatalog`). It never migrates: the runner or a migration job does that first.
import { createCache } from '@ecommerce/common/cache';
import { startHttpServer, verifierFromEnv } from '@ecommerce/common/http';
import { runService, runServiceMain, type RunningService, type ServiceDefinition, type SharedResources } from '@ecommerce/common/lifecycle';
import { createCatalogApp, SERVICE_NAME } from './app.js';
import { catalogEnv } from './config.js';

export { catalogEnv, type CatalogConfig } from './config.js';

/** Env: DATABASE_URL (required), HTTP_PORT 8012, PRODUCT_CACHE_*, REDIS_URL, JWT_*, RUN_MODE, KAFKA_BROKERS; see config.ts. */
export const catalogService: ServiceDefinition<typeof catalogEnv> = {
  name: SERVICE_NAME,
  env: catalogEnv,
  async start(ctx) {
    const { config, logger } = ctx;
    const db = ctx.database();
    await ctx.events(db);
    const cache = createCache({
      redisUrl: config.REDIS_URL,
      namespace: SERVICE_NAME,
      maxEntries: config.PRODUCT_CACHE_MAX_ENTRIES,
      defaultTtlSeconds: config.PRODUCT_CACHE_TTL_SECONDS,
    });
    ctx.onStop(() => cache.close());
    const app = createCatalogApp({
      db,
      cache,
      logger,
      metrics: ctx.metrics,
      verifier: verifierFromEnv(config, (message) => logger.warn(message)),
      productCacheTtlSeconds: config.PRODUCT_CACHE_TTL_SECONDS,
      productCacheEnabled: config.PRODUCT_CACHE_ENABLED,
      corsOrigins: config.CORS_ORIGINS,
      bodyLimit: config.BODY_LIMIT,
    });
    const server = await startHttpServer(app, { port: config.HTTP_PORT, host: config.HTTP_HOST });
    ctx.onStop(() => server.close());
    return { http: server.url };
  },
};

export function startCatalog(env: Record<string, string | undefined>, shared: SharedResources = {}): Promise<RunningService> {
  return runService(catalogService, env, shared);
}

await runServiceMain(import.meta.url, catalogService);
