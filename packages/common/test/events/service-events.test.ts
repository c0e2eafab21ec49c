import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/index.js';
import {
  createInProcessTransport,
  eventsEnv,
  publishInTransaction,
  startEventConsumer,
  startServiceEvents,
  type CloudEvent,
} from '../../src/events/index.js';
import { createEventsDatabase, type EventsDatabase } from './support/events-database.js';
import { itemEvent, uniqueTopic, waitFor } from './support/fixtures.js';

describe('startServiceEvents', () => {
  let database: EventsDatabase;
  beforeAll(async () => {
    database = await createEventsDatabase('svc');
  });
  afterAll(() => database.close());

  it('refuses to start a distributed service without KAFKA_BROKERS, naming the variable', async () => {
    const attempt = startServiceEvents({ service: 'svc', db: database.db, env: eventsEnv.parse({}) });
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(attempt).rejects.toThrow(/KAFKA_BROKERS is required in distributed mode/);
  });

  it('relays the outbox onto the shared transport and leaves that transport open when it stops', async () => {
    const shared = createInProcessTransport();
    const events = await startServiceEvents({ service: 'svc', db: database.db, env: eventsEnv.parse({ RUN_MODE: 'embedded' }), transport: shared });
    const topic = uniqueTopic();
    const seen: CloudEvent[] = [];
    const consumer = await startEventConsumer({ transport: shared, group: 'other-service', topics: [topic], handler: async (e) => void seen.push(e) });
    await database.db.transaction((trx) => publishInTransaction(trx, itemEvent(topic, 'k', 1)));
    await waitFor(() => seen.length === 1, 'the relayed event');
    await events.stop();
    await expect(shared.publish([])).resolves.toBeUndefined();
    await consumer.stop();
    await shared.close();
  });

  it('uses its own in-process transport in embedded mode without brokers', async () => {
    const events = await startServiceEvents({ service: 'svc', db: database.db, env: eventsEnv.parse({ RUN_MODE: 'embedded' }) });
    expect(events.transport.kind).toBe('in-process');
    await events.stop();
    await expect(events.transport.publish([{ topic: 'a.b', key: 'k', headers: {}, value: '{}' }])).rejects.toThrow(/closed/);
  });
});
