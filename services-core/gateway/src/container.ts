// The one place that knows the whole graph: what main.ts opened (config, logger, metrics, verifier, clock, rate
// limiter, descriptor registry) plus what the gateway derives from it (routes, upstreams, clients, breakers, docs).
import 'reflect-metadata';
import type { FileRegistry } from '@bufbuild/protobuf';
import type { JwtVerifier, RequestLimiter } from '@ecommerce/common/http';
import type { Logger } from '@ecommerce/common/logger';
import type { ServiceMetrics } from '@ecommerce/common/observability';
import { Container } from 'inversify';
import type { GatewayConfig } from './config.js';
import { CircuitBreakers } from './edge/circuit-breaker.js';
import { OpenApiDocument } from './openapi/document.js';
import { TOKENS, type Clock } from './tokens.js';
import { GrpcInvoker } from './transcode/grpc-invoker.js';
import { readHttpBindings, type HttpBinding } from './transcode/http-rules.js';
import { resolveUpstreams, type UpstreamDirectory } from './upstream-directory.js';

export interface Infrastructure {
  config: GatewayConfig;
  /** The raw environment: upstream locations are read from it by name. */
  env: Record<string, string | undefined>;
  logger: Logger;
  metrics: ServiceMetrics;
  verifier: JwtVerifier;
  clock: Clock;
  rateLimiter: RequestLimiter;
  registry: FileRegistry;
}

export function createContainer(infra: Infrastructure): Container {
  const container = new Container({ defaultScope: 'Singleton' });
  container.bind(TOKENS.Config).toConstantValue(infra.config);
  container.bind(TOKENS.Logger).toConstantValue(infra.logger);
  container.bind(TOKENS.Metrics).toConstantValue(infra.metrics);
  container.bind(TOKENS.JwtVerifier).toConstantValue(infra.verifier);
  container.bind(TOKENS.Clock).toConstantValue(infra.clock);
  container.bind(TOKENS.RateLimiter).toConstantValue(infra.rateLimiter);
  container.bind(TOKENS.Registry).toConstantValue(infra.registry);

  const allBindings = readHttpBindings(infra.registry);
  const upstreams = resolveUpstreams(infra.env, allBindings);
  const deployed = new Set(upstreams.core.map((c) => c.name));
  container.bind(TOKENS.Upstreams).toConstantValue(upstreams);
  container.bind(TOKENS.Bindings).toConstantValue(allBindings.filter((b) => deployed.has(b.upstream)));

  container.bind(TOKENS.Invoker).toDynamicValue(() => new GrpcInvoker(infra.config.GRPC_DEADLINE_MS));
  container
    .bind(TOKENS.Breakers)
    .toDynamicValue(
      () =>
        new CircuitBreakers({ failureThreshold: infra.config.CIRCUIT_FAILURE_THRESHOLD, openMs: infra.config.CIRCUIT_OPEN_MS }, infra.clock, (upstream, state) =>
          // An operator wants to see an upstream drop out and come back, once per change, not per request.
          (state === 'open' ? infra.logger.warn : infra.logger.info).call(infra.logger, { upstream, circuit: state }, `circuit ${state} for ${upstream}`),
        ),
    );
  container
    .bind(TOKENS.OpenApi)
    .toDynamicValue((ctx) => new OpenApiDocument(ctx.get<HttpBinding[]>(TOKENS.Bindings), ctx.get<UpstreamDirectory>(TOKENS.Upstreams).lite, infra.config.READINESS_TIMEOUT_MS, ctx.get<UpstreamDirectory>(TOKENS.Upstreams).core));
  return container;
}
