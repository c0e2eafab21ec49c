// OpenTelemetry tracing: W3C trace context in and out, spans exported by OTLP (to Jaeger) when an endpoint is set.
import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace';
import { IdOnlyTracerProvider } from './id-only-tracing.js';

export interface TracingSettings {
  /** service.name of the exported spans; in embedded mode the first caller names the process. */
  service: string;
  /**
   * OTLP/HTTP endpoint, e.g. http://jaeger:4318; without it (and without processors) spans get ids and the sampled
   * flag, for logs and propagation, but are not recorded.
   */
  otlpEndpoint?: string;
  /** Extra processors (tests use an in-memory exporter). */
  processors?: SpanProcessor[];
}

export interface Tracing {
  shutdown(): Promise<void>;
}

let installed: { provider: TracerProvider | undefined; users: number } | undefined;

/**
 * Installs the process-wide tracer provider once. Later calls (other services in the same process) share it;
 * the provider shuts down when the last user does.
 */
export function initTracing(settings: TracingSettings): Tracing {
  if (!installed) {
    const processors: SpanProcessor[] = [...(settings.processors ?? [])];
    if (settings.otlpEndpoint) {
      const url = `${settings.otlpEndpoint.replace(/\/$/, '')}/v1/traces`;
      processors.push(new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url }) }));
    }
    // Nothing would read a recorded span: give spans their ids and nothing else.
    const provider =
      processors.length > 0
        ? new TracerProvider({ resource: resourceFromAttributes({ 'service.name': settings.service }), spanProcessors: processors })
        : undefined;
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(provider ?? new IdOnlyTracerProvider());
    installed = { provider, users: 0 };
  }
  installed.users += 1;
  let done = false;
  return {
    async shutdown() {
      if (done || !installed) return;
      done = true;
      installed.users -= 1;
      if (installed.users > 0) return;
      const { provider } = installed;
      installed = undefined;
      await provider?.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

export function tracer(service: string): Tracer {
  return trace.getTracer(service);
}
