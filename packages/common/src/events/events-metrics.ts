// Prometheus metrics of the outbox and consumers (DESIGN.md section 9: outbox lag and consumer lag).
// Created once per registry, so several relays or consumers of one service share the series.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Knex } from 'knex';
import { OUTBOX_TABLE } from './outbox.js';
import type { ReceivedMessage } from './transport.js';

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

type OnMessage = (message: ReceivedMessage) => Promise<void>;
/** Per `topic\0group`: the time (ms) each in-flight event counts its age from. */
type InFlight = Map<string, Set<{ since: number }>>;

const inFlightByRegistry = new WeakMap<Registry, InFlight>();

/** The registry's in-flight table, with the gauge that reads it when scraped (created with the first consumer). */
function inFlightTable(registry: Registry, now: () => number): InFlight {
  const existing = inFlightByRegistry.get(registry);
  if (existing) return existing;
  const table: InFlight = new Map();
  inFlightByRegistry.set(registry, table);
  once(registry, 'event_consumer_oldest_in_flight_seconds', () =>
    new Gauge({
      name: 'event_consumer_oldest_in_flight_seconds',
      help: 'Age of the oldest event still inside a handler, 0 when none is (a stuck consumer)',
      labelNames: ['topic', 'group'] as const,
      registers: [registry],
      collect() {
        for (const [key, entries] of table) {
          const [topic, group] = key.split('\0');
          const oldest = entries.size ? Math.min(...[...entries].map((e) => e.since)) : now();
          this.set({ topic, group }, Math.max(0, now() - oldest) / 1000);
        }
      },
    }),
  );
  return table;
}

/**
 * Wraps a consumer's message callback so a scrape sees `event_consumer_oldest_in_flight_seconds`: the age of the
 * oldest event still inside a handler (retries and backoff included). The lag histogram only moves when a handler
 * finishes, so a handler stuck on one event (which holds its whole partition) shows nothing there; this gauge grows.
 * Age counts from the event's `ce_time` (when it was written), or from receipt when that header is unreadable.
 */
export function trackInFlight(registry: Registry, group: string, onMessage: OnMessage, now: () => number = Date.now): OnMessage {
  const table = inFlightTable(registry, now);
  return async (message) => {
    const key = `${message.topic}\0${group}`;
    const written = Date.parse(message.headers.ce_time ?? '');
    const entry = { since: Number.isFinite(written) ? written : now() };
    const entries = table.get(key) ?? new Set();
    table.set(key, entries.add(entry));
    try {
      await onMessage(message);
    } finally {
      entries.delete(entry);
    }
  };
}
