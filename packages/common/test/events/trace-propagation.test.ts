// The trace of the request that wrote an event continues in the consumer that handles it.
import { trace, type SpanContext } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessTransport, OutboxRelay, publishInTransaction, startEventConsumer } from '../../src/events/index.js';
import { initTracing, type Tracing } from '../../src/observability/index.js';
import { createEventsDatabase, type EventsDatabase } from './support/events-database.js';
import { itemEvent, uniqueTopic, waitFor } from './support/fixtures.js';

describe('trace context across the outbox', () => {
  let database: EventsDatabase;
  let tracing: Tracing;
  beforeAll(async () => {
    tracing = initTracing({ service: 'events-test' });
    database = await createEventsDatabase('svc');
  });
  afterAll(async () => {
    await database.close();
    await tracing.shutdown();
  });

  it('runs the handler in a consumer span of the writing request\'s trace', async () => {
    const transport = createInProcessTransport();
    const topic = uniqueTopic();
    let handled: SpanContext | undefined;
    const consumer = await startEventConsumer({
      transport,
      group: 'search',
      topics: [topic],
      handler: async () => {
        handled = trace.getActiveSpan()?.spanContext();
      },
    });
    const request = await trace.getTracer('test').startActiveSpan('POST /api/v1/products', async (span) => {
      const event = itemEvent(topic, 'p1', 1, 'created');
      await database.db.transaction((trx) => publishInTransaction(trx, event));
      span.end();
      return { context: span.spanContext(), event };
    });
    expect(request.event.traceparent).toBe(`00-${request.context.traceId}-${request.context.spanId}-01`);
    await new OutboxRelay({ db: database.db, schema: database.schema, transport }).drain();
    await waitFor(() => handled !== undefined, 'the handler');
    expect(handled!.traceId).toBe(request.context.traceId);
    expect(handled!.spanId).not.toBe(request.context.spanId);
    await consumer.stop();
    await transport.close();
  });
});
