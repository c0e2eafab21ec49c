// One middleware for what every request gets: a server span (W3C trace context in), an access-log line
// and Prometheus metrics, all labelled with the matched route. It runs on every request, so what can be made
// once is (label sets per route and status), and what nobody reads is skipped (span attributes of a span that is
// not recording, the access line below the logger's level).
import { context, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../logger/logger.js';
import type { ServiceMetrics } from '../observability/metrics.js';
import { routeLabel } from './route-label.js';

const PROBE_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

type Labels = { method: string; route: string; status_code: string };

export function observeRequests(service: string, logger: Logger, metrics: ServiceMetrics): RequestHandler {
  const tracer = trace.getTracer(service);
  const labelSets = new LabelSets();
  return (req, res, next) => {
    const started = performance.now();
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
      const seconds = (performance.now() - started) / 1e3;
      const route = routeLabel(req);
      const labels = labelSets.get(req.method, route, res.statusCode);
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, seconds);
      if (span.isRecording()) describeSpan(span, req, res, route);
      span.end();
      if (PROBE_PATHS.has(req.path) || !logger.isLevelEnabled('info')) return;
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

function describeSpan(span: Span, req: Request, res: Response, route: string): void {
  span.updateName(`${req.method} ${route}`);
  span.setAttributes({ 'http.request.method': req.method, 'http.route': route, 'http.response.status_code': res.statusCode });
  if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
}

/** One frozen label object per (method, route, status): the set is small and bounded by the routes. */
class LabelSets {
  private readonly sets = new Map<string, Labels>();

  get(method: string, route: string, status: number): Labels {
    const key = `${method} ${status} ${route}`;
    let labels = this.sets.get(key);
    if (!labels) {
      labels = Object.freeze({ method, route, status_code: String(status) });
      this.sets.set(key, labels);
    }
    return labels;
  }
}
