// Opens the two ports: gRPC (the API) and HTTP (/healthz, /readyz, /metrics for probes and Prometheus).
import type { Container } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { isDatabaseReady } from '@ecommerce/common/db';
import { startGrpcServer, type GrpcServerHandle, type GrpcServiceRegistration } from '@ecommerce/common/grpc';
import { createServiceApp, finishServiceApp, startHttpServer, type HttpServerHandle, type JwtVerifier } from '@ecommerce/common/http';
import type { Logger } from '@ecommerce/common/logger';
import type { ServiceMetrics } from '@ecommerce/common/observability';
import { readDescriptorSet } from '@ecommerce/proto/descriptors';
import type { UserConfig } from '../config.js';
import { TOKENS } from '../tokens.js';
import { GRPC_SERVICES } from './module.js';

export interface Servers {
  grpc: GrpcServerHandle;
  http: HttpServerHandle;
}

/** Each server's stop is registered with `onStop` as soon as it listens, so a later failure closes it. */
export async function startServers(container: Container, onStop: (close: () => Promise<unknown>) => void): Promise<Servers> {
  const config = container.get<UserConfig>(TOKENS.Config);
  const logger = container.get<Logger>(TOKENS.Logger);
  const metrics = container.get<ServiceMetrics>(TOKENS.Metrics);
  const db = container.get<Knex>(TOKENS.Database);
  let grpc: GrpcServerHandle | undefined;
  const readiness = async () => (grpc ? grpc.health.serving : true) && (await isDatabaseReady(db));

  grpc = await startGrpcServer({
    name: 'user',
    logger,
    registry: metrics.registry,
    container,
    services: container.get<GrpcServiceRegistration[]>(GRPC_SERVICES),
    verifier: container.get<JwtVerifier>(TOKENS.JwtVerifier),
    descriptorSet: readDescriptorSet(),
    host: config.GRPC_HOST,
    port: config.GRPC_PORT,
    readiness: () => isDatabaseReady(db),
    drainMs: config.SHUTDOWN_DRAIN_MS,
  });
  onStop(() => grpc!.stop());
  const app = createServiceApp({ service: 'user', logger, metrics, readiness, corsOrigins: config.CORS_ORIGINS });
  finishServiceApp(app);
  const http = await startHttpServer(app, { port: config.HTTP_PORT, host: config.HTTP_HOST, drainMs: config.SHUTDOWN_DRAIN_MS });
  onStop(() => http.close());
  return { grpc, http };
}
