// One middleware for what every request gets: a server span (W3C trace context in), an access-log line
// and Prometheus metrics, all labelled with the matched route.
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import type { Logger } from '../logger/logger.js';
import type { ServiceMetrics } from '../observability/metrics.js';
import { routeLabel } from './route-label.js';

const PROBE_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

export function observeRequests(service: string, logger: Logger, metrics: ServiceMetrics): RequestHandler {
  const tracer = trace.getTracer(service);
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const parent = propagation.extract(context.active(), req.headers);
    const span = tracer.startSpan(`${req.method} ${req.path}`, { kind: SpanKind.SERVER }, parent);
    const spanContext = trace.setSpan(parent, span);
    res.locals.traceId = span.spanContext().traceId;
    // Trace and span ids come from the logger's mixin wherever this span is active. The request's child logger
    // is made only when something asks for it: most requests never log beyond the access line.
    let requestLogger: Logger | undefined;
    Object.defineProperty(res.locals, 'logger', {
      get: () => (requestLogger ??= logger.child({ request_id: res.locals.requestId })),
      configurable: true,
    });

    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(req);
      const labels = { method: req.method, route, status_code: String(res.statusCode) };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, seconds);
      span.updateName(`${req.method} ${route}`);
      span.setAttributes({ 'http.request.method': req.method, 'http.route': route, 'http.response.status_code': res.statusCode });
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      if (PROBE_PATHS.has(req.path)) return;
      const line = {
        request_id: res.locals.requestId,
        method: req.method,
        path: req.originalUrl,
        route,
        status: res.statusCode,
        duration_ms: Math.round(seconds * 1e4) / 10,
      };
      context.with(spanContext, () => logger.info(line, 'request completed'));
    });

    context.with(spanContext, next);
  };
}
