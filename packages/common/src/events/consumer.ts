// Runs an event handler for a consumer group: at-least-once, in batches when the handler can apply several events
// at once (one transaction), retries with exponential backoff one event at a time, then `<topic>.dlq` with the
// error so one poison event never blocks its partition.
import { context, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import type { Logger } from 'pino';
import { backoffDelay, sleep, type BackoffPolicy } from './backoff.js';
import { fromWireMessage, type WireMessage } from './binary-mode.js';
import { deadLetterTopic, InvalidEventError, type CloudEvent } from './cloud-event.js';
import { DEFAULT_MAX_BATCH_SIZE } from './delivery.js';
import { consumerMetrics, trackInFlight } from './events-metrics.js';
import { contextFromTraceparent } from './trace-context.js';
import type { Registry } from 'prom-client';
import type { EventTransport, ReceivedMessage, Subscription } from './transport.js';

export interface DeliveryInfo {
  topic: string;
  partition: number;
  offset: string;
  /** 1 on first delivery to the handler, then 2, 3 ... on retries. */
  attempt: number;
}

export interface EventHandler {
  (event: CloudEvent, delivery: DeliveryInfo): Promise<void>;
  /**
   * Optional: applies consecutive events of one partition together, in the given order, all or none (one
   * transaction). When it throws, the consumer applies the same events one at a time through the handler itself,
   * so only a failing one is retried and dead-lettered.
   */
  batch?: BatchEventHandler;
}

export type BatchEventHandler = (items: readonly BatchItem[]) => Promise<void>;

export interface BatchItem {
  event: CloudEvent;
  delivery: DeliveryInfo;
  /** Runs this event's own work in its consumer span (the writing request's trace), recording a failure there. */
  within<T>(work: () => Promise<T>): Promise<T>;
}

export interface RetryPolicy extends BackoffPolicy {
  /** Handler attempts before the event goes to the DLQ (default 5). */
  maxAttempts: number;
}

export interface ConsumerOptions {
  transport: EventTransport;
  /** Consumer group = the consuming service's name. */
  group: string;
  topics: string[];
  handler: EventHandler;
  logger?: Logger;
  retry?: Partial<RetryPolicy>;
  fromBeginning?: boolean;
  /** The service's Prometheus registry: outcomes, retries and consumer lag. */
  metrics?: Registry;
  /** Most events one `handler.batch` call applies (default 100); 1 applies every event alone. */
  batchSize?: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, initialDelayMs: 100, maxDelayMs: 5_000, factor: 2 };

class ShuttingDown extends Error {}

/** Subscribes `handler`; `stop()` drains in-flight work (a retry wait is cut short and redelivered later). */
export async function startEventConsumer(options: ConsumerOptions): Promise<Subscription> {
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const shutdown = new AbortController();
  const tracer = trace.getTracer('@ecommerce/common/events');
  const metrics = options.metrics ? consumerMetrics(options.metrics) : undefined;

  const deadLetter = async (message: ReceivedMessage, error: unknown, attempts: number) => {
    const reason = error instanceof Error ? error.message : String(error);
    const headers = {
      ...message.headers,
      ce_dlqerror: reason.slice(0, 1000),
      ce_dlqgroup: options.group,
      ce_dlqattempts: String(attempts),
      ce_dlqoffset: `${message.topic}/${message.partition}/${message.offset}`,
    };
    const dlq: WireMessage = { topic: deadLetterTopic(message.topic), key: message.key, headers, value: message.value ?? '' };
    await options.transport.publish([dlq]);
    metrics?.handled.inc({ topic: message.topic, group: options.group, outcome: 'dead_lettered' });
    options.logger?.error({ topic: message.topic, offset: message.offset, err: reason, attempts }, 'event moved to the dead-letter topic');
  };

  const onMessage = async (message: ReceivedMessage): Promise<void> => {
    let event: CloudEvent;
    try {
      event = fromWireMessage(message.headers, message.value);
    } catch (err) {
      if (!(err instanceof InvalidEventError)) throw err;
      return deadLetter(message, err, 0); // unreadable: retrying cannot help
    }
    const parent = contextFromTraceparent(event.traceparent, event.tracestate);
    for (let attempt = 1; ; attempt++) {
      const span = startSpan(message, event, attempt, parent);
      try {
        const delivery = { topic: message.topic, partition: message.partition, offset: message.offset, attempt };
        await context.with(trace.setSpan(parent, span), () => options.handler(event, delivery));
        span.end();
        handled(message, event);
        return;
      } catch (err) {
        failed(span, err);
        if (attempt >= retry.maxAttempts) return deadLetter(message, err, attempt);
        metrics?.retries.inc({ topic: message.topic, group: options.group });
        options.logger?.warn({ topic: message.topic, event_id: event.id, attempt, err }, 'event handler failed; retrying');
        if (!(await sleep(backoffDelay(retry, attempt), shutdown.signal))) throw new ShuttingDown();
      }
    }
  };

  const startSpan = (message: ReceivedMessage, event: CloudEvent, attempt: number, parent: Context): Span =>
    tracer.startSpan(`${message.topic} process`, {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': options.transport.kind === 'kafka' ? 'kafka' : 'in-process',
        'messaging.destination.name': message.topic,
        'messaging.consumer.group.name': options.group,
        'messaging.message.id': event.id,
        'cloudevents.event_type': event.type,
        'retry.attempt': attempt,
      },
    }, parent);

  const failed = (span: Span, err: unknown) => {
    span.recordException(err as Error);
    span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };

  const handled = (message: ReceivedMessage, event: CloudEvent) => {
    const labels = { topic: message.topic, group: options.group };
    metrics?.handled.inc({ ...labels, outcome: 'handled' });
    metrics?.lag.observe(labels, Math.max(0, Date.now() - Date.parse(event.time)) / 1000);
  };

  /** All of `messages` through `handler.batch` in one go; false when any is unreadable or the batch failed. */
  const appliedTogether = async (batch: BatchEventHandler, messages: ReceivedMessage[]): Promise<boolean> => {
    let events: CloudEvent[];
    try {
      events = messages.map((m) => fromWireMessage(m.headers, m.value));
    } catch {
      return false; // the unreadable one goes to the DLQ on the one-at-a-time path
    }
    const spans: Span[] = [];
    const items = messages.map((message, i): BatchItem => {
      const event = events[i]!;
      const parent = contextFromTraceparent(event.traceparent, event.tracestate);
      const span = startSpan(message, event, 1, parent);
      spans.push(span);
      return {
        event,
        delivery: { topic: message.topic, partition: message.partition, offset: message.offset, attempt: 1 },
        within: (work) => context.with(trace.setSpan(parent, span), work).catch((err: unknown) => {
          span.recordException(err as Error);
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw err;
        }),
      };
    });
    try {
      await batch(items);
    } catch (err) {
      for (const span of spans) span.end();
      // Rolled back as a whole: nothing of the batch was applied, so each event now goes alone.
      options.logger?.warn({ topic: messages[0]!.topic, partition: messages[0]!.partition, events: messages.length, err }, 'event batch failed; applying its events one at a time');
      return false;
    }
    for (const span of spans) span.end();
    messages.forEach((message, i) => handled(message, events[i]!));
    return true;
  };

  /** Counts `work` in the in-flight gauge for the scrape (events-metrics.ts). */
  const tracked = (work: (message: ReceivedMessage) => Promise<void>) =>
    options.metrics ? trackInFlight(options.metrics, options.group, work) : work;
  const alone = tracked(onMessage);

  /** Resolves with how many of `messages`, from the first, finished (the rest come again). */
  const onBatch = async (messages: ReceivedMessage[]): Promise<number> => {
    const batch = options.handler.batch;
    if (batch && messages.length > 1) {
      let together = false;
      // In flight as old as its first event (the oldest of the batch).
      await tracked(async () => void (together = await appliedTogether(batch, messages)))(messages[0]!);
      if (together) return messages.length;
    }
    for (let i = 0; i < messages.length; i++) {
      try {
        await alone(messages[i]!);
      } catch (err) {
        if (i === 0) throw err;
        return i;
      }
    }
    return messages.length;
  };

  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_MAX_BATCH_SIZE);
  const subscription = await options.transport.subscribe({
    group: options.group,
    topics: options.topics,
    onMessage: alone,
    // Batches only for a handler that can apply several events at once; others keep one message per delivery.
    ...(options.handler.batch && batchSize > 1 ? { onBatch, maxBatchSize: batchSize } : {}),
    fromBeginning: options.fromBeginning ?? true,
  });
  return {
    stop: async () => {
      shutdown.abort();
      await subscription.stop();
    },
    kill: async () => {
      shutdown.abort();
      await subscription.kill();
    },
  };
}
