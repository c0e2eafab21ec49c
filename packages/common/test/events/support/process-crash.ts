// Kafka only: a consumer process and a relay process die by SIGKILL mid-stream (support/crash-worker.ts in
// a real child process); a fresh one takes over. Nothing is lost, and the inbox absorbs every redelivery.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createKafkaTransport,
  OutboxRelay,
  publishInTransaction,
  startEventConsumer,
  toWireMessage,
  type CloudEvent,
  type EventTransport,
  type Subscription,
} from '../../../src/events/index.js';
import { CREATE_EFFECTS_TABLE, effectCounts, effectHandler, lostAndDoubled } from './effects.js';
import { createEventsDatabase, type EventsDatabase } from './events-database.js';
import { itemEvent, Recorder, uniqueTopic, waitFor } from './fixtures.js';
import { WorkerProcess } from './worker-process.js';

const EVENTS = 60;
const HOLD_AFTER = 25; // mid-batch for the relay, whose batches are 10

export function processCrashSuite(brokers: string[]): void {
  describe('kafka consumer and relay processes killed mid-stream', () => {
    let database: EventsDatabase;
    let transport: EventTransport;
    const workers: WorkerProcess[] = [];
    const cleanups: Array<() => Promise<void>> = [];
    beforeAll(async () => {
      database = await createEventsDatabase('svc');
      await database.admin(CREATE_EFFECTS_TABLE);
    });
    beforeEach(() => {
      transport = createKafkaTransport({ brokers, clientId: 'process-crash-test', partitions: 3 });
    });
    afterEach(async () => {
      await Promise.all(workers.splice(0).map((w) => w.kill()));
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
      await transport.close();
    });
    afterAll(() => database?.close());

    const worker = (role: 'consumer' | 'relay', env: Record<string, string>) => {
      const w = WorkerProcess.start(role, { KAFKA_BROKERS: brokers.join(','), DATABASE_URL: database.url, HOLD_AFTER: String(HOLD_AFTER), ...env });
      workers.push(w);
      return w;
    };
    /** The test's own consumer of the effect, recording every delivery it gets. */
    const freshConsumer = async (topic: string, group: string, deliveries: Recorder) => {
      const apply = effectHandler(database.db, group);
      const sub: Subscription = await startEventConsumer({
        transport,
        group,
        topics: [topic],
        handler: async (event, delivery) => {
          deliveries.record(event);
          await apply(event, delivery);
        },
      });
      cleanups.push(() => sub.stop());
      return sub;
    };
    const ids = (events: CloudEvent[]) => events.map((e) => e.id);
    const applied = async (events: CloudEvent[]) => (await effectCounts(database.db, ids(events))).size;

    it('loses no event and applies none twice when a consumer process is killed (SIGKILL) mid-stream', { timeout: 120_000 }, async () => {
      const topic = uniqueTopic();
      const group = `crash-${randomBytes(4).toString('hex')}`;
      const events = Array.from({ length: EVENTS }, (_, i) => itemEvent(topic, `k${i % 10}`, i));
      await transport.publish(events.map((e) => toWireMessage(topic, e.subject, e)));

      const child = worker('consumer', { TOPIC: topic, GROUP: group });
      // Killed once it has applied HOLD_AFTER events (the last without committing its offset) and holds one
      // more it was given but has not applied: both must come again.
      const [, heldId] = await child.waitForLine(new RegExp(`^handled ${HOLD_AFTER} (\\S+)$`));
      const [, unappliedId] = await child.waitForLine(/^holding (\S+)$/);
      expect(await child.kill()).toBe('SIGKILL');
      const before = await effectCounts(database.db, ids(events));
      expect(before.size).toBeGreaterThanOrEqual(HOLD_AFTER);
      expect(before.size).toBeLessThan(EVENTS); // really mid-stream
      expect(before.has(unappliedId!)).toBe(false);

      const deliveries = new Recorder();
      const sub = await freshConsumer(topic, group, deliveries);
      await waitFor(async () => (await applied(events)) === EVENTS, `effects of all ${EVENTS} events`, 60_000);
      await sub.stop(); // drained: nothing is still being applied when the rows are counted
      expect(await lostAndDoubled(database.db, ids(events))).toEqual({ lost: [], doubled: [] });
      // Both came again: the one applied but not acknowledged (the inbox absorbed it) and the one in flight.
      expect(deliveries.events.map((e) => e.id)).toEqual(expect.arrayContaining([heldId, unappliedId]));
    });

    it('loses no event and applies none twice when a relay process is killed (SIGKILL) halfway through a batch', { timeout: 120_000 }, async () => {
      const topic = uniqueTopic();
      const group = `crash-${randomBytes(4).toString('hex')}`;
      const events = Array.from({ length: EVENTS }, (_, i) => itemEvent(topic, `k${i % 10}`, i));
      await database.db.transaction(async (trx) => {
        for (const e of events) await publishInTransaction(trx, e);
      });
      const deliveries = new Recorder();
      const sub = await freshConsumer(topic, group, deliveries);

      const child = worker('relay', {});
      await child.waitForLine(new RegExp(`^published ${HOLD_AFTER}$`));
      expect(await child.kill()).toBe('SIGKILL');
      const unsent = async () => Number((await database.db('outbox_events').where('topic', topic).whereNull('sent_at').count({ n: '*' }))[0]!.n);
      expect(await unsent()).toBeGreaterThan(EVENTS - HOLD_AFTER); // really mid-stream: its last batch went back

      const relay = new OutboxRelay({ db: database.db, schema: database.schema, transport, batchSize: 10, pollIntervalMs: 100 });
      cleanups.push(() => relay.stop());
      await relay.start();
      await waitFor(async () => (await unsent()) === 0 && (await applied(events)) === EVENTS, `all ${EVENTS} events relayed and applied`, 60_000);
      await sub.stop();
      expect(await lostAndDoubled(database.db, ids(events))).toEqual({ lost: [], doubled: [] });
      // Part of the batch the dead relay published went out again: the consumer saw more deliveries than events.
      expect(deliveries.events.length).toBeGreaterThan(EVENTS);
    });
  });
}
