// The gateway: the REST front door (8080). Started through the kit's one composition root, as a process
// (`node dist/main.js`) or hosted by the embedded runner and the tests (`startGateway`). It owns no data, so it
// opens no database and no event transport: only its rate limiter and its HTTP server.
import { createRequestLimiter, startHttpServer } from '@ecommerce/common/http';
import { runService, runServiceMain, type RunningService, type ServiceDefinition, type SharedResources } from '@ecommerce/common/lifecycle';
import { readDescriptorSet } from '@ecommerce/proto/descriptors';
import { createGatewayApp } from './app.js';
import { gatewayEnv } from './config.js';
import { createContainer } from './container.js';
import { edgeVerifier } from './edge/verifier.js';
import type { Clock } from './tokens.js';
import { registryFromDescriptorSet } from './transcode/registry.js';

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
export function gatewayService(overrides: GatewayOverrides = {}): ServiceDefinition<typeof gatewayEnv> {
  return {
    name: 'gateway',
    env: gatewayEnv,
    async start(ctx) {
      const { config, env, logger } = ctx;
      const rateLimiter = createRequestLimiter({ redisUrl: config.REDIS_URL, prefix: 'gateway' });
      ctx.onStop(() => rateLimiter.close());
      const container = createContainer({
        config,
        // Upstream locations are read by name from the raw environment (see upstream-directory.ts).
        env,
        logger,
        metrics: ctx.metrics,
        verifier: edgeVerifier(config, env, logger),
        clock: overrides.clock ?? Date.now,
        rateLimiter,
        registry: registryFromDescriptorSet(overrides.descriptorSet ?? readDescriptorSet()),
      });
      const gateway = createGatewayApp(container);
      ctx.onStop(() => gateway.close());
      const server = await startHttpServer(gateway.app, { port: config.HTTP_PORT, host: config.HTTP_HOST, drainMs: config.SHUTDOWN_DRAIN_MS });
      ctx.onStop(() => server.close());
      return { http: server.url, docs: `${server.url}/docs` };
    },
  };
}

export function startGateway(env: Record<string, string | undefined>, shared: SharedResources = {}, overrides: GatewayOverrides = {}): Promise<RunningService> {
  return runService(gatewayService(overrides), env, shared);
}

await runServiceMain(import.meta.url, gatewayService());
