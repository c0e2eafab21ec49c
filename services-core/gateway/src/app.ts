// Builds the gateway's Express app from the container. Order matters: request id and observation first, then
// security headers (helmet's, prebuilt) and CORS, the gateway's own endpoints, rate limits and edge auth for
// /api, then the routes (transcoded RPCs with a JSON body parser, proxied lite services with the body streamed),
// then 404 and errors.
import http from 'node:http';
import https from 'node:https';
import type { FileRegistry } from '@bufbuild/protobuf';
import {
  errorHandler,
  notFoundHandler,
  observeRequests,
  rateLimit,
  requestId,
  type JwtVerifier,
  type RateLimitRule,
  type RequestLimiter,
} from '@ecommerce/common/http';
import type { Logger } from '@ecommerce/common/logger';
import type { ServiceMetrics } from '@ecommerce/common/observability';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { Container } from 'inversify';
import type { GatewayConfig } from './config.js';
import { edgeAuth, type Access } from './edge/access.js';
import { CircuitOpenError, type CircuitBreakers } from './edge/circuit-breaker.js';
import { securityHeaders } from './edge/security-headers.js';
import { checkUpstreams } from './health/readiness.js';
import { docsRoutes } from './openapi/docs-page.js';
import type { OpenApiDocument } from './openapi/document.js';
import { proxyTo } from './proxy/http-proxy.js';
import { TOKENS } from './tokens.js';
import type { GrpcInvoker } from './transcode/grpc-invoker.js';
import type { HttpBinding } from './transcode/http-rules.js';
import { transcode } from './transcode/transcoder.js';
import type { UpstreamDirectory } from './upstream-directory.js';
import { accessFor, CORE_ACCESS, type LiteUpstreamSpec } from './upstreams.js';

export interface GatewayApp {
  app: Express;
  close(): void;
}

export function createGatewayApp(container: Container): GatewayApp {
  const config = container.get<GatewayConfig>(TOKENS.Config);
  const logger = container.get<Logger>(TOKENS.Logger);
  const metrics = container.get<ServiceMetrics>(TOKENS.Metrics);
  const upstreams = container.get<UpstreamDirectory>(TOKENS.Upstreams);
  const bindings = container.get<HttpBinding[]>(TOKENS.Bindings);
  const registry = container.get<FileRegistry>(TOKENS.Registry);
  const invoker = container.get<GrpcInvoker>(TOKENS.Invoker);
  const breakers = container.get<CircuitBreakers>(TOKENS.Breakers);
  const openApi = container.get<OpenApiDocument>(TOKENS.OpenApi);
  const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 256 }), https: new https.Agent({ keepAlive: true, maxSockets: 256 }) };
  const bodyLimitBytes = parseSize(config.BODY_LIMIT);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('logger', logger);
  app.set('trust proxy', config.TRUST_PROXY_HOPS);
  app.use(requestId());
  app.use(observeRequests('gateway', logger, metrics));
  app.use(securityHeaders());
  app.use(cors({ origin: parseOrigins(config.CORS_ORIGINS), exposedHeaders: ['x-request-id', 'retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'] }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const status = await checkUpstreams(upstreams, invoker, registry, config.READINESS_TIMEOUT_MS);
    const ready = Object.values(status).every((s) => s === 'ready');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', upstreams: status });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.get('/openapi.json', async (_req, res) => {
    res.json(await openApi.build());
  });
  app.use(docsRoutes());

  // Built once: every /api request looks its prefix up here instead of building strings and arrays.
  const litePrefixes = upstreams.lite.flatMap(({ spec }) => spec.prefixes.map((prefix) => ({ prefix, under: `${prefix}/`, spec })));
  const liteSpecFor = (path: string): LiteUpstreamSpec | undefined => {
    for (const { prefix, under, spec } of litePrefixes) if (path === prefix || path.startsWith(under)) return spec;
    return undefined;
  };
  const rules = { auth: rateRule(config, 'auth'), default: rateRule(config, 'default') };
  app.use(
    '/api',
    rateLimit({
      limiter: container.get<RequestLimiter>(TOKENS.RateLimiter),
      ruleFor: (req) => (req.originalUrl.startsWith('/api/v1/auth') ? rules.auth : rules.default),
    }),
  );
  app.use(
    '/api',
    edgeAuth(container.get<JwtVerifier>(TOKENS.JwtVerifier), (req): Access => {
      const query = req.originalUrl.indexOf('?');
      const spec = liteSpecFor(query < 0 ? req.originalUrl : req.originalUrl.slice(0, query));
      return spec ? accessFor(spec, req.method) : CORE_ACCESS;
    }),
  );

  const json = express.json({ limit: config.BODY_LIMIT });
  for (const binding of bindings) {
    const address = upstreams.core.find((c) => c.name === binding.upstream)!.address;
    app[binding.verb](
      binding.path.expressPath,
      json,
      transcode(binding, { registry, invoker, breaker: breakers.for(binding.upstream), address, deadlineMs: config.GRPC_DEADLINE_MS }),
    );
  }
  for (const { spec, url } of upstreams.lite) {
    const handler = proxyTo({ name: spec.name, url, timeoutMs: spec.timeoutMs }, { breaker: breakers.for(spec.name), agents, bodyLimitBytes });
    // A router per prefix so metrics and spans carry `/api/v1/products{/*rest}`, not one label per id.
    const router = express.Router();
    router.all('{/*rest}', handler);
    for (const prefix of spec.prefixes) app.use(prefix, router);
  }

  app.use(notFoundHandler());
  app.use(retryAfterWhenOpen);
  app.use(errorHandler(logger));
  return {
    app,
    close() {
      agents.http.destroy();
      agents.https.destroy();
      invoker.close();
    },
  };
}

/** A client told when an open circuit will let a probe through can back off instead of hammering. */
const retryAfterWhenOpen: ErrorRequestHandler = (err, _req, res, next) => {
  if (err instanceof CircuitOpenError && !res.headersSent) res.setHeader('Retry-After', String(err.retryAfterSeconds));
  next(err);
};

function rateRule(config: GatewayConfig, bucket: 'auth' | 'default'): RateLimitRule {
  return bucket === 'auth'
    ? { bucket, limit: config.RATE_LIMIT_AUTH_PER_MINUTE, windowMs: config.RATE_LIMIT_WINDOW_MS }
    : { bucket, limit: config.RATE_LIMIT_PER_MINUTE, windowMs: config.RATE_LIMIT_WINDOW_MS };
}

function parseOrigins(value: string): string | string[] {
  if (value.trim() === '*') return '*';
  return value.split(',').map((o) => o.trim()).filter(Boolean);
}

/** `1mb` -> bytes (BODY_LIMIT is validated as <n>b|kb|mb by the config). */
function parseSize(value: string): number {
  const match = /^(\d+)(b|kb|mb)$/i.exec(value)!;
  const unit = { b: 1, kb: 1024, mb: 1024 * 1024 }[match[2]!.toLowerCase() as 'b' | 'kb' | 'mb'];
  return Number(match[1]) * unit;
}
