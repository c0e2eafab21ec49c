import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createInProcessTransport,
  OutboxRelay,
  publishInTransaction,
  startEventConsumer,
  toWireMessage,
} from '../../src/events/index.js';
import { createEventsDatabase, type EventsDatabase } from './support/events-database.js';
import { itemEvent, uniqueTopic, waitFor } from './support/fixtures.js';

const value = async (registry: Registry, name: string, labels: Record<string, string> = {}) => {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
  const sample = (metric?.values as Array<{ value: number; labels: Record<string, string> }> | undefined)?.find((v) =>
    Object.entries(labels).every(([k, l]) => v.labels[k] === l),
  );
  return sample?.value;
};

describe('event metrics', () => {
  let database: EventsDatabase;
  beforeAll(async () => {
    database = await createEventsDatabase('svc');
  });
  afterAll(() => database.close());

  it('reports the outbox backlog and what the relay published', async () => {
    const registry = new Registry();
    const transport = createInProcessTransport();
    const relay = new OutboxRelay({ db: database.db, schema: database.schema, transport, metrics: registry });
    const topic = uniqueTopic();
    await database.db.transaction(async (trx) => {
      await publishInTransaction(trx, itemEvent(topic, 'a', 1));
      await publishInTransaction(trx, itemEvent(topic, 'a', 2));
    });
    expect(await value(registry, 'outbox_pending_events')).toBe(2);
    expect(await value(registry, 'outbox_oldest_pending_seconds')).toBeGreaterThanOrEqual(0);
    await relay.drain();
    expect(await value(registry, 'outbox_pending_events')).toBe(0);
    expect(await value(registry, 'outbox_published_events_total')).toBe(2);
    await transport.close();
  });

  it('counts handled, retried and dead-lettered events per topic and group', async () => {
    const registry = new Registry();
    const transport = createInProcessTransport();
    const topic = uniqueTopic();
    const consumer = await startEventConsumer({
      transport,
      group: 'search',
      topics: [topic],
      metrics: registry,
      retry: { maxAttempts: 2, initialDelayMs: 5, maxDelayMs: 5 },
      handler: async (e) => {
        if ((e.data as { seq: number }).seq === 2) throw new Error('bad product');
      },
    });
    await transport.publish([1, 2, 3].map((seq) => toWireMessage(topic, 'k', itemEvent(topic, 'k', seq))));
    const labels = { topic, group: 'search' };
    await waitFor(async () => (await value(registry, 'events_handled_total', { ...labels, outcome: 'handled' })) === 2, 'two handled');
    expect(await value(registry, 'events_handled_total', { ...labels, outcome: 'dead_lettered' })).toBe(1);
    expect(await value(registry, 'event_handler_retries_total', labels)).toBe(1);
    await consumer.stop();
    await transport.close();
  });
});
