// The two ports of a core service: the gRPC API (health, reflection, the interceptor chain) and HTTP for
// /healthz, /readyz and /metrics. Each server's stop is registered with the service's context as soon as it
// listens, so a later start-up failure closes it; the HTTP server closes first on stop.
import type { Express } from 'express';
import type { Container } from 'inversify';
import type { Knex } from 'knex';
import { isDatabaseReady } from '../db/knex-factory.js';
import { startGrpcServer, type GrpcServerHandle } from '../grpc/server.js';
import type { GrpcServiceRegistration } from '../grpc/service-registration.js';
import { createServiceApp, finishServiceApp } from '../http/service-app.js';
import { startHttpServer, type HttpServerHandle } from '../http/server.js';
import type { JwtVerifier } from '../http/jwt.js';
import type { ServiceContext } from './run-service.js';

export interface CoreServerConfig {
  HTTP_PORT: number;
  HTTP_HOST: string;
  GRPC_PORT: number;
  GRPC_HOST: string;
  CORS_ORIGINS: string;
  SHUTDOWN_DRAIN_MS: number;
}

export interface CoreServersSettings {
  container: Container;
  services: GrpcServiceRegistration[];
  verifier: JwtVerifier;
  /** The descriptor set reflection serves (grpcurl needs no .proto files). */
  descriptorSet: Buffer;
  /** Readiness and gRPC health follow the database. */
  db: Knex;
  /** The service's OpenAPI fragment (roles and request constraints of each RPC), served at /openapi.json for the gateway to merge. */
  openApi?: unknown;
  /**
   * Plain HTTP routes beside the probes, for what gRPC cannot carry: a provider's webhook must be verified
   * against its exact raw bytes (mount express.raw on the route). Mounted before the kit's 404 and error handler.
   */
  httpRoutes?: (app: Express) => void;
}

export async function startCoreServers(
  ctx: ServiceContext<CoreServerConfig>,
  settings: CoreServersSettings,
): Promise<{ grpc: GrpcServerHandle; http: HttpServerHandle }> {
  const { config, logger, metrics, name } = ctx;
  const databaseReady = () => isDatabaseReady(settings.db);
  const grpc = await startGrpcServer({
    name,
    logger,
    registry: metrics.registry,
    container: settings.container,
    services: settings.services,
    verifier: settings.verifier,
    descriptorSet: settings.descriptorSet,
    host: config.GRPC_HOST,
    port: config.GRPC_PORT,
    readiness: databaseReady,
    drainMs: config.SHUTDOWN_DRAIN_MS,
  });
  ctx.onStop(() => grpc.stop());
  const readiness = async () => grpc.health.serving && (await databaseReady());
  const app = createServiceApp({ service: name, logger, metrics, readiness, corsOrigins: config.CORS_ORIGINS });
  if (settings.openApi) app.get('/openapi.json', (_req, res) => void res.json(settings.openApi));
  settings.httpRoutes?.(app);
  finishServiceApp(app);
  const http = await startHttpServer(app, { port: config.HTTP_PORT, host: config.HTTP_HOST, drainMs: config.SHUTDOWN_DRAIN_MS });
  ctx.onStop(() => http.close());
  return { grpc, http };
}
