// The outer interceptors: a server span continuing the caller's W3C trace, per-method Prometheus metrics,
// and one access-log line per call, all keyed by the final status code.
import { status, type Metadata } from '@grpc/grpc-js';
import { context, propagation, SpanKind, SpanStatusCode, trace, type TextMapGetter } from '@opentelemetry/api';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { Logger } from '../logger/logger.js';
import { LATENCY_BUCKETS } from '../observability/metrics.js';
import type { UnaryInterceptor } from './interceptor.js';

const metadataGetter: TextMapGetter<Metadata> = {
  keys: (carrier) => Object.keys(carrier.getMap()),
  get: (carrier, key) => {
    const values = carrier.get(key).filter((v): v is string => typeof v === 'string');
    return values.length > 1 ? values : values[0];
  },
};

/** The status code a thrown value will be answered with (set by the error-mapping interceptor). */
function codeOf(err: unknown): number {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' ? code : status.INTERNAL;
}

export function tracingInterceptor(serviceName: string): UnaryInterceptor {
  const tracer = trace.getTracer(serviceName);
  return (call, next) => {
    const parent = propagation.extract(context.active(), call.ctx.metadata, metadataGetter);
    const attributes = { 'rpc.system': 'grpc', 'rpc.service': call.service, 'rpc.method': call.method };
    return tracer.startActiveSpan(`${call.service}/${call.method}`, { kind: SpanKind.SERVER, attributes }, parent, async (span) => {
      try {
        const result = await next();
        span.setAttribute('rpc.grpc.status_code', status.OK);
        return result;
      } catch (err) {
        const code = codeOf(err);
        span.setAttribute('rpc.grpc.status_code', code);
        span.setStatus({ code: SpanStatusCode.ERROR, message: status[code] });
        throw err;
      } finally {
        span.end();
      }
    });
  };
}

export function metricsInterceptor(registry: Registry): UnaryInterceptor {
  // Several servers may share a registry (tests, the embedded runner): register each metric once.
  const handled =
    (registry.getSingleMetric('grpc_server_handled_total') as Counter<string> | undefined) ??
    new Counter({
      name: 'grpc_server_handled_total',
      help: 'gRPC calls completed, by method and status code',
      labelNames: ['grpc_service', 'grpc_method', 'grpc_code'],
      registers: [registry],
    });
  const duration =
    (registry.getSingleMetric('grpc_server_handling_seconds') as Histogram<string> | undefined) ??
    new Histogram({
      name: 'grpc_server_handling_seconds',
      help: 'gRPC call latency, by method and status code',
      labelNames: ['grpc_service', 'grpc_method', 'grpc_code'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    });
  return async (call, next) => {
    const started = process.hrtime.bigint();
    let code: number = status.OK;
    try {
      return await next();
    } catch (err) {
      code = codeOf(err);
      throw err;
    } finally {
      const labels = { grpc_service: call.service, grpc_method: call.method, grpc_code: status[code] ?? String(code) };
      handled.inc(labels);
      duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    }
  };
}

export function accessLogInterceptor(logger: Logger): UnaryInterceptor {
  return async (call, next) => {
    const started = process.hrtime.bigint();
    let code: number = status.OK;
    try {
      return await next();
    } catch (err) {
      code = codeOf(err);
      throw err;
    } finally {
      const line = {
        grpc_method: `${call.service}/${call.method}`,
        grpc_code: status[code] ?? String(code),
        duration_ms: Number(process.hrtime.bigint() - started) / 1e6,
        peer: call.call.getPeer(),
        user: call.ctx.principal?.sub,
      };
      if (code === status.INTERNAL || code === status.UNKNOWN) logger.error(line, 'grpc call');
      else logger.info(line, 'grpc call');
    }
  };
}
