// Without an exporter, spans carry real ids and the parent-based sampled flag, but record nothing.
import { context, trace, TraceFlags } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initTracing, type Tracing } from '../../src/observability/index.js';

let tracing: Tracing;
beforeAll(() => {
  tracing = initTracing({ service: 'id-only' });
});
afterAll(async () => {
  await tracing.shutdown();
});

const tracer = () => trace.getTracer('id-only');

describe('tracing without an exporter', () => {
  it('starts a new sampled trace with fresh ids, recording nothing', () => {
    const a = tracer().startSpan('a');
    const b = tracer().startSpan('b');
    expect(a.spanContext().traceId).toMatch(/^(?!0{32})[0-9a-f]{32}$/);
    expect(a.spanContext().spanId).toMatch(/^(?!0{16})[0-9a-f]{16}$/);
    expect(a.spanContext().traceFlags).toBe(TraceFlags.SAMPLED);
    expect(b.spanContext().traceId).not.toBe(a.spanContext().traceId);
    expect(a.isRecording()).toBe(false);
  });

  it('continues the parent trace with a new span id and the parent\'s sampled flag', () => {
    for (const traceFlags of [TraceFlags.SAMPLED, TraceFlags.NONE]) {
      const parent = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags, isRemote: true };
      const child = tracer().startSpan('child', {}, trace.setSpanContext(context.active(), parent));
      expect(child.spanContext().traceId).toBe(parent.traceId);
      expect(child.spanContext().spanId).not.toBe(parent.spanId);
      expect(child.spanContext().traceFlags).toBe(traceFlags);
    }
  });

  it('makes the span active inside startActiveSpan, under the given parent', () => {
    const parent = tracer().startSpan('parent');
    const seen = tracer().startActiveSpan('inner', {}, trace.setSpan(context.active(), parent), (span) => {
      expect(trace.getActiveSpan()).toBe(span);
      return span.spanContext();
    });
    expect(seen.traceId).toBe(parent.spanContext().traceId);
    expect(tracer().startActiveSpan('alone', (span) => span.spanContext().traceFlags)).toBe(TraceFlags.SAMPLED);
  });

  it('starts a root span on a new trace even inside another', () => {
    const outer = tracer().startSpan('outer');
    const root = tracer().startSpan('root', { root: true }, trace.setSpan(context.active(), outer));
    expect(root.spanContext().traceId).not.toBe(outer.spanContext().traceId);
  });
});
