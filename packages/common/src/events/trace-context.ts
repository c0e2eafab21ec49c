// Carries W3C trace context from the request that wrote an event to the consumer that handles it.
import { context, propagation, ROOT_CONTEXT, type Context } from '@opentelemetry/api';

export interface TraceHeaders {
  traceparent: string;
  tracestate?: string;
}

/** The active span's trace context, or undefined outside any trace. */
export function currentTraceparent(): TraceHeaders | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  if (!carrier.traceparent) return undefined;
  return carrier.tracestate ? { traceparent: carrier.traceparent, tracestate: carrier.tracestate } : { traceparent: carrier.traceparent };
}

/** A context whose remote parent is the event's producer; ROOT when the event carries none. */
export function contextFromTraceparent(traceparent?: string, tracestate?: string): Context {
  if (!traceparent) return ROOT_CONTEXT;
  const carrier: Record<string, string> = { traceparent };
  if (tracestate) carrier.tracestate = tracestate;
  return propagation.extract(ROOT_CONTEXT, carrier);
}
