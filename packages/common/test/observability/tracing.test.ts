import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { initTracing } from '../../src/observability/index.js';

interface Received {
  path: string;
  contentType: string;
  body: string;
}

/** A stand-in OTLP/HTTP collector (what Jaeger listens with on :4318): records what the exporter posts. */
async function startCollector(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', contentType: req.headers['content-type'] ?? '', body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

describe('initTracing', () => {
  it('exports finished spans by OTLP/HTTP to the configured endpoint', async () => {
    const collector = await startCollector();
    cleanup.push(collector.close);
    const tracing = initTracing({ service: 'otlp-test', otlpEndpoint: collector.url });
    const span = trace.getTracer('otlp-test').startSpan('checkout');
    const traceId = span.spanContext().traceId;
    span.end();
    await tracing.shutdown(); // flushes the batch processor

    expect(collector.received).toHaveLength(1);
    const [post] = collector.received;
    expect(post!.path).toBe('/v1/traces');
    expect(post!.body).toContain('otlp-test');
    expect(post!.body).toContain('checkout');
    expect(post!.contentType).toMatch(/json|protobuf/);
    if (post!.contentType.includes('json')) expect(post!.body).toContain(traceId);
  });

  it('gives spans real ids without exporting anything when no endpoint is set', async () => {
    const tracing = initTracing({ service: 'no-export' });
    const span = trace.getTracer('no-export').startSpan('work');
    expect(span.spanContext().traceId).toMatch(/^(?!0{32})[0-9a-f]{32}$/);
    span.end();
    await tracing.shutdown();
  });
});
