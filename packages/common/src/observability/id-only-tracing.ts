// The tracer provider of a process that exports no spans: every span gets real W3C ids (so logs, events and
// outgoing calls carry the trace on) and the sampled flag a parent-based, always-on sampler would give it, but
// nothing is recorded. The SDK's recording spans cost a request on the hot path their timing, attributes and
// bookkeeping, for spans no processor would ever read.
import { context as contextApi, trace, TraceFlags, type Context, type Span, type SpanOptions, type Tracer, type TracerProvider } from '@opentelemetry/api';

export class IdOnlyTracerProvider implements TracerProvider {
  private readonly tracer = new IdOnlyTracer();

  getTracer(): Tracer {
    return this.tracer;
  }
}

class IdOnlyTracer implements Tracer {
  startSpan(_name: string, options?: SpanOptions, ctx: Context = contextApi.active()): Span {
    const parent = options?.root ? undefined : trace.getSpanContext(ctx);
    const continued = parent !== undefined && trace.isSpanContextValid(parent);
    return trace.wrapSpanContext({
      traceId: continued ? parent.traceId : traceId(),
      spanId: randomHex(2),
      traceFlags: continued ? parent.traceFlags & TraceFlags.SAMPLED : TraceFlags.SAMPLED,
    });
  }

  startActiveSpan<F extends (span: Span) => unknown>(name: string, ...rest: [F] | [SpanOptions, F] | [SpanOptions, Context, F]): ReturnType<F> {
    const fn = rest[rest.length - 1] as F;
    const options = rest.length > 1 ? (rest[0] as SpanOptions) : undefined;
    const parentContext = rest.length > 2 ? (rest[1] as Context) : contextApi.active();
    const span = this.startSpan(name, options, parentContext);
    return contextApi.with(trace.setSpan(parentContext, span), fn as (s: Span) => ReturnType<F>, undefined, span);
  }
}

function traceId(): string {
  let id = randomHex(4);
  while (id === '00000000000000000000000000000000') id = randomHex(4);
  return id;
}

/** `words` random 32-bit words as lower-case hex; trace ids need to be unique, not secret. */
function randomHex(words: number): string {
  let out = '';
  for (let i = 0; i < words; i++) out += ((Math.random() * 0x1_0000_0000) >>> 0).toString(16).padStart(8, '0');
  return out;
}
