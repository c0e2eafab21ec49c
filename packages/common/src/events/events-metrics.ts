// Prometheus metrics of the outbox and consumers (DESIGN.md section 9: outbox lag and consumer lag).
// Created once per registry, so several relays or consumers of one service share the series.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Knex } from 'knex';
import { OUTBOX_TABLE } from './outbox.js';

function once<T>(registry: Registry, name: string, make: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? make();
}

export interface RelayMetrics {
  published: Counter;
  failures: Counter;
}

/** Counters of the relay, plus gauges that read the outbox's backlog when scraped. */
export function relayMetrics(registry: Registry, db: Knex): RelayMetrics {
  once(registry, 'outbox_pending_events', () =>
    new Gauge({
      name: 'outbox_pending_events',
      help: 'Outbox rows not yet published',
      registers: [registry],
      async collect() {
        const backlog = await outboxBacklog(db);
        this.set(backlog.pending);
        oldest.set(backlog.oldestSeconds);
      },
    }),
  );
  const oldest = once(registry, 'outbox_oldest_pending_seconds', () =>
    new Gauge({ name: 'outbox_oldest_pending_seconds', help: 'Age of the oldest unpublished outbox row (outbox lag)', registers: [registry] }),
  );
  return {
    published: once(registry, 'outbox_published_events_total', () =>
      new Counter({ name: 'outbox_published_events_total', help: 'Outbox rows published and marked sent', registers: [registry] }),
    ),
    failures: once(registry, 'outbox_publish_failures_total', () =>
      new Counter({ name: 'outbox_publish_failures_total', help: 'Outbox batches whose publish failed (left to the sweeper)', registers: [registry] }),
    ),
  };
}

export async function outboxBacklog(db: Knex): Promise<{ pending: number; oldestSeconds: number }> {
  const row = await db(OUTBOX_TABLE)
    .whereNull('sent_at')
    .first(db.raw('count(*)::int AS pending'), db.raw(`coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS oldest`));
  return { pending: Number(row?.pending ?? 0), oldestSeconds: Number(row?.oldest ?? 0) };
}

export interface ConsumerMetrics {
  handled: Counter<'topic' | 'group' | 'outcome'>;
  retries: Counter<'topic' | 'group'>;
  lag: Histogram<'topic' | 'group'>;
}

export function consumerMetrics(registry: Registry): ConsumerMetrics {
  return {
    handled: once(registry, 'events_handled_total', () =>
      new Counter({
        name: 'events_handled_total',
        help: 'Events a consumer finished, by outcome (handled or dead_lettered)',
        labelNames: ['topic', 'group', 'outcome'] as const,
        registers: [registry],
      }),
    ),
    retries: once(registry, 'event_handler_retries_total', () =>
      new Counter({ name: 'event_handler_retries_total', help: 'Handler attempts that failed and were retried', labelNames: ['topic', 'group'] as const, registers: [registry] }),
    ),
    lag: once(registry, 'event_consumer_lag_seconds', () =>
      new Histogram({
        name: 'event_consumer_lag_seconds',
        help: 'Time from an event being written to its handler finishing (consumer lag)',
        labelNames: ['topic', 'group'] as const,
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
        registers: [registry],
      }),
    ),
  };
}
