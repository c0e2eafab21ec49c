// Composition root of the catalog service: config -> logger, metrics, tracing, db, cache -> app -> server.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCache } from '@ecommerce/common/cache';
import { baseEnv, loadConfig, port, runMain } from '@ecommerce/common/config';
import { createDatabase } from '@ecommerce/common/db';
import { eventsEnv, startServiceEvents, type EventTransport } from '@ecommerce/common/events';
import { startHttpServer, verifierFromEnv } from '@ecommerce/common/http';
import { createLogger } from '@ecommerce/common/logger';
import { createMetrics, initTracing } from '@ecommerce/common/observability';
import { z } from 'zod';
import { createCatalogApp, SERVICE_NAME } from './app.js';

export const catalogEnv = baseEnv.extend(eventsEnv.shape).extend({
  HTTP_PORT: port(8012),
  PRODUCT_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  PRODUCT_CACHE_MAX_ENTRIES: z.coerce.number().int().min(100).default(10_000),
});

export type CatalogConfig = z.infer<typeof catalogEnv>;

export interface RunningCatalog {
  url: string;
  stop(): Promise<void>;
}

export interface CatalogDeps {
  /** The process's one in-process transport in embedded mode; without it one is made from RUN_MODE/KAFKA_BROKERS. */
  transport?: EventTransport;
}

/**
 * Starts the catalog from `env`. It never migrates: the runner or a migration job does that first. Called as a
 * library (runner, tests) it defaults to RUN_MODE=embedded; the process entry point below defaults to distributed.
 */
export async function startCatalog(env: Record<string, string | undefined>, deps: CatalogDeps = {}): Promise<RunningCatalog> {
  const config = loadConfig(catalogEnv, { ...env, RUN_MODE: env.RUN_MODE ?? 'embedded' });
  const logger = createLogger({ service: SERVICE_NAME, level: config.LOG_LEVEL });
  const tracing = initTracing({ service: SERVICE_NAME, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const metrics = createMetrics(SERVICE_NAME);
  const db = createDatabase({ url: config.DATABASE_URL, schema: SERVICE_NAME, poolMax: config.DATABASE_POOL_MAX });
  const cache = createCache({
    redisUrl: config.REDIS_URL,
    namespace: SERVICE_NAME,
    maxEntries: config.PRODUCT_CACHE_MAX_ENTRIES,
    defaultTtlSeconds: config.PRODUCT_CACHE_TTL_SECONDS,
  });
  const events = await startServiceEvents({
    service: SERVICE_NAME,
    db,
    env: config,
    logger,
    metrics: metrics.registry,
    ...(deps.transport ? { transport: deps.transport } : {}),
  }).catch(async (err: unknown) => {
    // e.g. distributed mode without KAFKA_BROKERS: close what was opened, then fail start-up
    await cache.close();
    await db.destroy();
    await tracing.shutdown();
    throw err;
  });
  const app = createCatalogApp({
    db,
    cache,
    logger,
    metrics,
    verifier: verifierFromEnv(config, (message) => logger.warn(message)),
    productCacheTtlSeconds: config.PRODUCT_CACHE_TTL_SECONDS,
    corsOrigins: config.CORS_ORIGINS,
    bodyLimit: config.BODY_LIMIT,
  });
  const server = await startHttpServer(app, { port: config.HTTP_PORT, host: config.HTTP_HOST }).catch(async (err: unknown) => {
    // e.g. the port is taken: release what was opened so a caller (a test, the runner) is not left hanging
    await events.stop();
    await cache.close();
    await db.destroy();
    await tracing.shutdown();
    throw err;
  });
  logger.info({ url: server.url }, 'catalog listening');

  let stopping: Promise<void> | undefined;
  return {
    url: server.url,
    stop() {
      // Reverse order of creation: no new requests, then the resources they used.
      stopping ??= (async () => {
        await server.close();
        await events.stop();
        await cache.close();
        await db.destroy();
        await tracing.shutdown();
      })();
      return stopping;
    },
  };
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  void runMain(async () => {
    const catalog = await startCatalog({ ...process.env, RUN_MODE: process.env.RUN_MODE ?? 'distributed' });
    const shutdown = () => {
      catalog.stop().then(
        () => process.exit(0),
        (err: unknown) => {
          process.stderr.write(`catalog: shutdown failed: ${String(err)}\n`);
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
}
