// Composition root of the gateway: config -> infrastructure -> container -> app -> server; stop() undoes it in
// reverse order. Runs standalone (`node dist/main.js`) or inside the embedded runner and tests via startGateway().
import { loadConfig, runMain } from '@ecommerce/common/config';
import { createRateLimitStore, startHttpServer } from '@ecommerce/common/http';
import { isMainModule, stopOnSignals } from '@ecommerce/common/lifecycle';
import { createLogger } from '@ecommerce/common/logger';
import { createMetrics, initTracing } from '@ecommerce/common/observability';
import { readDescriptorSet } from '@ecommerce/proto/descriptors';
import { createGatewayApp } from './app.js';
import { gatewayEnv } from './config.js';
import { createContainer } from './container.js';
import { edgeVerifier } from './edge/verifier.js';
import type { Clock } from './tokens.js';
import { registryFromDescriptorSet } from './transcode/registry.js';

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface GatewayOverrides {
  /** For tests that move time by hand (circuit breaker recovery). */
  clock?: Clock;
  /** Another FileDescriptorSet than the build's, for tests of a service that is not in proto/. */
  descriptorSet?: Uint8Array;
}

/**
 * Env: HTTP_PORT (8080), CATALOG_URL / AUTH_URL / CUSTOMER_URL, <SERVICE>_GRPC_ADDRESS (USER_GRPC_ADDRESS ...),
 * JWT_JWKS_URL (default <AUTH_URL>/.well-known/jwks.json) and/or JWT_PUBLIC_KEY, REDIS_URL, RATE_LIMIT_*, CIRCUIT_*, GRPC_DEADLINE_MS; see config.ts.
 */
export async function startGateway(env: Record<string, string | undefined> = process.env, overrides: GatewayOverrides = {}): Promise<RunningGateway> {
  const config = loadConfig(gatewayEnv, env);
  const logger = createLogger({ service: 'gateway', level: config.LOG_LEVEL });
  const tracing = initTracing({ service: 'gateway', ...(config.OTEL_EXPORTER_OTLP_ENDPOINT ? { otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT } : {}) });
  const rateLimitStore = createRateLimitStore({ redisUrl: config.REDIS_URL, prefix: 'gateway' });
  const closeInfrastructure = async () => {
    await rateLimitStore.close();
    await tracing.shutdown();
  };
  try {
    const container = createContainer({
      config,
      env,
      logger,
      metrics: createMetrics('gateway'),
      verifier: edgeVerifier(config, env, logger),
      clock: overrides.clock ?? Date.now,
      rateLimitStore,
      registry: registryFromDescriptorSet(overrides.descriptorSet ?? readDescriptorSet()),
    });
    const gateway = createGatewayApp(container);
    const server = await startHttpServer(gateway.app, { port: config.HTTP_PORT, host: config.HTTP_HOST, drainMs: config.SHUTDOWN_DRAIN_MS }).catch((err: unknown) => {
      gateway.close();
      throw err;
    });
    logger.info({ url: server.url }, 'gateway listening');
    let stopping: Promise<void> | undefined;
    return {
      url: server.url,
      port: server.port,
      stop() {
        stopping ??= (async () => {
          await server.close();
          gateway.close();
          await closeInfrastructure();
          logger.info('gateway stopped');
        })();
        return stopping;
      },
    };
  } catch (err) {
    await closeInfrastructure();
    throw err;
  }
}

if (isMainModule(import.meta.url)) {
  await runMain(async () => {
    const gateway = await startGateway();
    stopOnSignals(gateway.stop, (message) => process.stderr.write(`gateway: ${message}\n`));
  });
}
