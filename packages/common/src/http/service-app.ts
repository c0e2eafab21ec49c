// Builds the Express app every HTTP service starts from: the shared middleware in a fixed order,
// the probes and /metrics; the service adds its routes, then calls finishServiceApp.
import express, { type Express, type RequestHandler } from 'express';
import type { IncomingMessage } from 'node:http';
import type { Logger } from '../logger/logger.js';
import type { ServiceMetrics } from '../observability/metrics.js';
import { corsHeaders } from './cors-headers.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { middlewareChain } from './middleware-chain.js';
import { observeRequests } from './observe-requests.js';
import { requestId } from './request-id.js';
import { securityHeaders } from './security-headers.js';

export interface ServiceAppSettings {
  service: string;
  logger: Logger;
  metrics: ServiceMetrics;
  /** Answers /readyz; false -> 503 (e.g. database down, or shutting down). */
  readiness?: () => Promise<boolean>;
  /** Comma-separated allowed origins, or `*`. */
  corsOrigins?: string;
  /** Largest accepted JSON body, e.g. `1mb`. */
  bodyLimit?: string;
}

/** A request whose JSON body was parsed by the service app: `rawBody` holds the bytes as received. */
export interface RawBodyRequest extends IncomingMessage {
  rawBody?: Buffer;
}

export function createServiceApp(settings: ServiceAppSettings): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('etag', false);
  app.set('logger', settings.logger);
  // One router layer for what every request goes through, in this order.
  app.use(
    middlewareChain(
      requestId(),
      observeRequests(settings.service, settings.logger, settings.metrics),
      securityHeaders(),
      corsHeaders({ origins: parseOrigins(settings.corsOrigins ?? '*'), exposedHeaders: ['x-request-id'] }),
      // The exact bytes stay on the request (a reference, no copy): a webhook's signature covers them, not the parsed JSON.
      onlyWithBody(express.json({ limit: settings.bodyLimit ?? '1mb', verify: (req, _res, buf) => void ((req as RawBodyRequest).rawBody = buf) })),
    ),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = settings.readiness ? await settings.readiness().catch(() => false) : true;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready' });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(settings.metrics.registry.contentType).send(await settings.metrics.registry.metrics());
  });
  return app;
}

/** Adds the 404 fallback and the error handler; call after the service's routes. */
export function finishServiceApp(app: Express): void {
  app.use(notFoundHandler());
  app.use(errorHandler(app.get('logger') as Logger));
}

/**
 * Runs a body parser only for a request that has a body, as the parser itself decides (a Transfer-Encoding or a
 * Content-Length header); otherwise leaves req.body undefined, as the parser would, without entering it.
 */
function onlyWithBody(parser: RequestHandler): RequestHandler {
  return (req, res, next) => {
    if (req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined) {
      parser(req, res, next);
      return;
    }
    if (!('body' in (req as object))) req.body = undefined;
    next();
  };
}

function parseOrigins(value: string): '*' | string[] {
  if (value.trim() === '*') return '*';
  return value.split(',').map((o) => o.trim()).filter(Boolean);
}
