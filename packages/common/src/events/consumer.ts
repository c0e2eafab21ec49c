// Runs an event handler for a consumer group: at-least-once, retries with exponential backoff,
// then `<topic>.dlq` with the error so one poison event never blocks its partition.
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Logger } from 'pino';
import { backoffDelay, sleep, type BackoffPolicy } from './backoff.js';
import { fromWireMessage, type WireMessage } from './binary-mode.js';
import { deadLetterTopic, InvalidEventError, type CloudEvent } from './cloud-event.js';
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

export type EventHandler = (event: CloudEvent, delivery: DeliveryInfo) => Promise<void>;

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
      const span = tracer.startSpan(`${message.topic} process`, {
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
      try {
        const delivery = { topic: message.topic, partition: message.partition, offset: message.offset, attempt };
        await context.with(trace.setSpan(parent, span), () => options.handler(event, delivery));
        span.end();
        const labels = { topic: message.topic, group: options.group };
        metrics?.handled.inc({ ...labels, outcome: 'handled' });
        metrics?.lag.observe(labels, Math.max(0, Date.now() - Date.parse(event.time)) / 1000);
        return;
      } catch (err) {
        span.recordException(err as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
        if (attempt >= retry.maxAttempts) return deadLetter(message, err, attempt);
        metrics?.retries.inc({ topic: message.topic, group: options.group });
        options.logger?.warn({ topic: message.topic, event_id: event.id, attempt, err }, 'event handler failed; retrying');
        if (!(await sleep(backoffDelay(retry, attempt), shutdown.signal))) throw new ShuttingDown();
      }
    }
  };

  const subscription = await options.transport.subscribe({
    group: options.group,
    topics: options.topics,
    onMessage: options.metrics ? trackInFlight(options.metrics, options.group, onMessage) : onMessage,
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
