// Outbox -> relay -> transport -> consumer with inbox, including the relay's failure modes.
// Runs against each transport, with a real PostgreSQL database.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  idempotentHandler,
  OutboxRelay,
  publishInTransaction,
  startEventConsumer,
  type CloudEvent,
  type EventTransport,
  type OutboxRelayOptions,
  type Subscription,
} from '../../../src/events/index.js';
import { createDatabase } from '../../../src/db/index.js';
import { createEventsDatabase, type EventsDatabase } from './events-database.js';
import { itemEvent, Recorder, uniqueTopic, waitFor } from './fixtures.js';
import type { TransportFactory } from './transport-contract.js';

/** Wraps a transport so its publishes can be made to fail or to be followed by a fault. */
export function faultyTransport(inner: EventTransport, fault: { before?: () => Promise<void>; after?: () => Promise<void> }): EventTransport {
  return {
    kind: inner.kind,
    publish: async (messages) => {
      await fault.before?.();
      await inner.publish(messages);
      await fault.after?.();
    },
    subscribe: (options) => inner.subscribe(options),
    close: () => inner.close(),
  };
}

export function outboxContract(name: string, makeTransport: TransportFactory): void {
  describe(`outbox over the ${name} transport`, () => {
    let database: EventsDatabase;
    let transport: EventTransport;
    let topic: string;
    const stops: Array<() => Promise<void>> = [];

    beforeAll(async () => {
      database = await createEventsDatabase('svc');
      await database.admin('CREATE TABLE svc.effects (event_id text NOT NULL, seq integer NOT NULL)');
    });
    afterAll(() => database.close());
    beforeEach(() => {
      transport = makeTransport();
      topic = uniqueTopic();
    });
    afterEach(async () => {
      for (const stop of stops.splice(0).reverse()) await stop();
      await transport.close();
    });

    const relay = (overrides: Partial<OutboxRelayOptions> = {}) => {
      const r = new OutboxRelay({ db: database.db, schema: database.schema, transport, batchSize: 20, ...overrides });
      stops.push(() => r.stop());
      return r;
    };
    const write = (events: CloudEvent[]) =>
      database.db.transaction(async (trx) => {
        for (const e of events) await publishInTransaction(trx, e);
      });
    const pending = async () =>
      Number((await database.db('outbox_events').whereNull('sent_at').where('topic', topic).count({ n: '*' }))[0]!.n);
    /** Consumer whose effect is one row per event in svc.effects, deduplicated by the inbox. */
    const effectConsumer = async (group: string, deliveries: Recorder) => {
      const handler = idempotentHandler(database.db, group, async (event, trx) => {
        await trx('effects').insert({ event_id: event.id, seq: (event.data as { seq: number }).seq });
      });
      const sub: Subscription = await startEventConsumer({
        transport,
        group,
        topics: [topic],
        handler: async (event, delivery) => {
          deliveries.record(event);
          await handler(event, delivery);
        },
      });
      stops.push(() => sub.stop());
    };
    const effectsOf = async (events: CloudEvent[]) =>
      database.db('effects').whereIn('event_id', events.map((e) => e.id)).orderBy('seq').pluck('seq');

    it('publishes the event of a committed change and nothing of a rolled-back one', async () => {
      const kept = itemEvent(topic, 'p1', 1, 'created');
      const dropped = itemEvent(topic, 'p2', 2, 'created');
      await write([kept]);
      await database.db
        .transaction(async (trx) => {
          await publishInTransaction(trx, dropped);
          throw new Error('validation failed after the insert');
        })
        .catch(() => {});
      const seen = new Recorder();
      const sub = await startEventConsumer({ transport, group: 'search', topics: [topic], handler: async (e) => seen.record(e) });
      stops.push(() => sub.stop());
      expect(await relay().drain()).toBe(1);
      await waitFor(() => seen.events.length === 1, 'the committed event');
      expect(seen.events[0]).toEqual(kept);
      expect(await pending()).toBe(0);
    });

    it('wakes on the outbox notification instead of waiting for its poll', async () => {
      const seen = new Recorder();
      const sub = await startEventConsumer({ transport, group: 'search', topics: [topic], handler: async (e) => seen.record(e) });
      stops.push(() => sub.stop());
      await write([itemEvent(topic, 'p1', 1)]);
      await relay({ pollIntervalMs: 600_000 }).start();
      await waitFor(() => seen.events.length === 1, 'the start-up round');
      // From here on only a notification can wake the relay: its poll is ten minutes away.
      await write([itemEvent(topic, 'p1', 2)]);
      await waitFor(() => seen.events.length === 2, 'the notified event', 10_000);
      expect(seen.bySubject('p1')).toEqual([1, 2]);
    });

    it('still publishes by polling when it does not listen for notifications', async () => {
      const seen = new Recorder();
      const sub = await startEventConsumer({ transport, group: 'search', topics: [topic], handler: async (e) => seen.record(e) });
      stops.push(() => sub.stop());
      await relay({ listen: false, pollIntervalMs: 50 }).start();
      await write([itemEvent(topic, 'p1', 1)]);
      await waitFor(() => seen.events.length === 1, 'the polled event', 10_000);
    });

    it('publishes each row once and in order per key when two relays run at once', async () => {
      const events = Array.from({ length: 60 }, (_, i) => itemEvent(topic, `k${i % 4}`, i));
      for (let i = 0; i < events.length; i += 3) await write(events.slice(i, i + 3));
      const seen = new Recorder();
      const sub = await startEventConsumer({ transport, group: 'search', topics: [topic], handler: async (e) => seen.record(e) });
      stops.push(() => sub.stop());
      const a = relay({ batchSize: 7 });
      const b = relay({ batchSize: 7 });
      while ((await pending()) > 0) await Promise.all([a.drain(), b.drain()]);
      await waitFor(() => seen.events.length >= 60, 'all 60 events');
      expect(seen.events.map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
      for (let k = 0; k < 4; k++) {
        const seqs = seen.bySubject(`k${k}`);
        expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      }
    });

    it('loses nothing when the relay dies between publish and mark-sent, and the inbox absorbs the duplicate', async () => {
      const events = [1, 2, 3].map((seq) => itemEvent(topic, 'order-1', seq));
      await write(events);
      const deliveries = new Recorder();
      await effectConsumer('warehouse', deliveries);
      const dyingDb = createDatabase({ url: database.url, schema: database.schema, applicationName: 'dying-relay' });
      stops.push(() => dyingDb.destroy());
      const dying = new OutboxRelay({
        db: dyingDb,
        schema: database.schema,
        claimLeaseMs: 60_000,
        // The process dies once the batch is on the transport: its connections are gone, nothing is marked sent.
        transport: faultyTransport(transport, { after: () => dyingDb.destroy() }),
      });
      await expect(dying.drain()).rejects.toThrow();
      await dying.stop();
      expect(await pending()).toBe(3);
      const next = relay();
      expect(await next.drain()).toBe(0); // still leased to the dead relay
      // The lease runs out (moved back rather than waited for).
      await database.db('outbox_events').where('topic', topic).update({ next_attempt_at: database.db.raw(`now() - interval '1 second'`) });
      expect(await next.drain()).toBe(3);
      await waitFor(() => deliveries.events.length >= 6, 'both copies of every event');
      for (const e of events) expect(deliveries.events.filter((d) => d.id === e.id)).toHaveLength(2);
      await waitFor(async () => (await effectsOf(events)).length === 3, 'the effects');
      expect(await effectsOf(events)).toEqual([1, 2, 3]);
      expect(await database.db('inbox_events').where('consumer_group', 'warehouse').whereIn('event_id', events.map((e) => e.id)).count({ n: '*' }))
        .toEqual([{ n: 3 }]);
    });

    it('keeps a row whose publish failed and the sweeper publishes it after its backoff', async () => {
      let brokerDown = true;
      const r = relay({
        retryBackoff: { initialDelayMs: 20, maxDelayMs: 20 },
        transport: faultyTransport(transport, {
          before: async () => {
            if (brokerDown) throw new Error('broker unavailable');
          },
        }),
      });
      const event = itemEvent(topic, 'p9', 9, 'created');
      await write([event]);
      expect(await r.drain()).toBe(0);
      const row = await database.db('outbox_events').where('event_id', event.id).first();
      expect(row).toMatchObject({ attempts: 1, last_error: 'broker unavailable', sent_at: null });
      expect(await r.drain()).toBe(0); // the relay leaves failed rows to the sweeper
      brokerDown = false;
      await waitFor(async () => (await r.sweep()) === 1, 'the sweeper to publish the row');
      expect(await pending()).toBe(0);
    });

    it('holds back later events of a key until its failed event is sent', async () => {
      let failNext = true;
      const r = relay({
        retryBackoff: { initialDelayMs: 20, maxDelayMs: 20 },
        transport: faultyTransport(transport, {
          before: async () => {
            if (failNext) {
              failNext = false;
              throw new Error('broker unavailable');
            }
          },
        }),
      });
      const seen = new Recorder();
      const sub = await startEventConsumer({ transport, group: 'search', topics: [topic], handler: async (e) => seen.record(e) });
      stops.push(() => sub.stop());
      await write([itemEvent(topic, 'k', 1)]);
      await r.drain();
      await write([itemEvent(topic, 'k', 2)]);
      expect(await r.drain()).toBe(0);
      await waitFor(async () => (await r.sweep()) === 1, 'the sweeper');
      expect(await r.drain()).toBe(1);
      await waitFor(() => seen.events.length === 2, 'both events');
      expect(seen.bySubject('k')).toEqual([1, 2]);
    });

    it('prunes sent rows older than the retention period and keeps the rest', async () => {
      const [old, recent, unsent] = [1, 2, 3].map((seq) => itemEvent(topic, 'p', seq));
      await write([old!, recent!, unsent!]);
      await database.db('outbox_events').where('event_id', old!.id).update({ sent_at: database.db.raw(`now() - interval '8 days'`) });
      await database.db('outbox_events').where('event_id', recent!.id).update({ sent_at: database.db.raw(`now() - interval '1 day'`) });
      expect(await relay({ retentionMs: 7 * 24 * 3_600_000 }).prune()).toBe(1);
      const left = await database.db('outbox_events').where('topic', topic).orderBy('id').pluck('event_id');
      expect(left).toEqual([recent!.id, unsent!.id]);
    });
  });
}
