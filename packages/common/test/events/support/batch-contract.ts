// Batch consumption against each transport, with a real PostgreSQL database: a partition's events applied in one
// transaction with one inbox insert, per-key order kept, and a poison event in the middle of a batch retried and
// dead-lettered alone while the rest of its batch is applied exactly once.
import type { Knex } from 'knex';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  deadLetterTopic,
  idempotentHandler,
  startEventConsumer,
  toWireMessage,
  type CloudEvent,
  type EventTransport,
  type ReceivedMessage,
  type Subscription,
} from '../../../src/events/index.js';
import { createEventsDatabase, type EventsDatabase } from './events-database.js';
import { itemEvent, uniqueTopic, waitFor } from './fixtures.js';
import type { TransportFactory } from './transport-contract.js';

const RETRY = { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 50 };

interface Call {
  id: string;
  seq: number;
  attempt: number;
  /** The database transaction the handler ran in. */
  txid: string;
}

export function batchContract(name: string, makeTransport: TransportFactory): void {
  describe(`batch consumption over the ${name} transport`, () => {
    let database: EventsDatabase;
    let transport: EventTransport;
    let topic: string;
    let inboxInserts: number;
    const countInboxInserts = (q: { sql: string }) => {
      if (/^insert into "inbox_events"/.test(q.sql)) inboxInserts += 1;
    };
    const subscriptions: Subscription[] = [];

    beforeAll(async () => {
      database = await createEventsDatabase('svc');
      await database.admin('CREATE TABLE svc.batch_effects (n bigserial PRIMARY KEY, event_id text NOT NULL, subject text NOT NULL, seq integer NOT NULL)');
      database.db.on('query', countInboxInserts);
    });
    afterAll(async () => {
      database.db.off('query', countInboxInserts);
      await database.close();
    });
    beforeEach(() => {
      transport = makeTransport();
      topic = uniqueTopic();
      inboxInserts = 0;
    });
    afterEach(async () => {
      for (const sub of subscriptions.splice(0)) await sub.stop();
      await transport.close();
    });

    /** An inbox consumer writing one effect row per event, recording each handler call and its transaction. */
    const consume = async (group: string, calls: Call[], poison?: string) => {
      const handler = idempotentHandler(database.db, group, async (event: CloudEvent, trx: Knex.Transaction, delivery) => {
        const { rows } = await trx.raw<{ rows: Array<{ txid: string }> }>('SELECT txid_current()::text AS txid');
        const seq = (event.data as { seq: number }).seq;
        calls.push({ id: event.id, seq, attempt: delivery.attempt, txid: rows[0]!.txid });
        await trx('batch_effects').insert({ event_id: event.id, subject: event.subject, seq });
        if (event.id === poison) throw new Error('poison');
      });
      subscriptions.push(await startEventConsumer({ transport, group, topics: [topic], handler, retry: RETRY }));
    };
    const publish = (events: CloudEvent[]) => transport.publish(events.map((e) => toWireMessage(topic, e.subject, e)));
    const effects = async (events: CloudEvent[]) =>
      database.db('batch_effects').whereIn('event_id', events.map((e) => e.id)).orderBy('n').select<Array<{ event_id: string; subject: string; seq: number }>>('event_id', 'subject', 'seq');
    const bySubject = (rows: Array<{ subject: string; seq: number }>, subject: string) => rows.filter((r) => r.subject === subject).map((r) => r.seq);

    it('applies consecutive events of a partition in one transaction with one inbox insert, in key order', async () => {
      const events = Array.from({ length: 30 }, (_, i) => itemEvent(topic, 'one-key', i + 1));
      await publish(events);
      const calls: Call[] = [];
      await consume('batched', calls);
      await waitFor(async () => (await effects(events)).length === events.length, 'every effect');
      const rows = await effects(events);
      expect(bySubject(rows, 'one-key')).toEqual(events.map((_, i) => i + 1));
      const transactions = new Set(calls.map((c) => c.txid));
      expect(calls).toHaveLength(events.length); // each applied once, none retried
      expect(transactions.size).toBeLessThan(events.length / 2); // batches, not one transaction per event
      expect(inboxInserts).toBe(transactions.size); // one multi-row inbox insert per batch
    });

    it('applies the rest of a batch once and retries, then dead-letters, a poison event in its middle alone', async () => {
      // Two keys on their partitions, interleaved; the poison is the 8th event of key a.
      const events = Array.from({ length: 30 }, (_, i) => itemEvent(topic, i % 2 === 0 ? 'a' : 'b', i + 1));
      const poison = events[14]!;
      await publish(events);
      const dlq: ReceivedMessage[] = [];
      subscriptions.push(await transport.subscribe({ group: 'ops', topics: [deadLetterTopic(topic)], onMessage: async (m) => void dlq.push(m) }));
      const calls: Call[] = [];
      await consume('poisoned', calls, poison.id);
      const others = events.filter((e) => e !== poison);
      await waitFor(async () => dlq.length === 1 && (await effects(others)).length === others.length, 'the others applied and the poison dead-lettered');

      const rows = await effects(events);
      // Every other event exactly once, the poison never (its attempts all rolled back).
      expect(rows.map((r) => r.event_id).sort()).toEqual(others.map((e) => e.id).sort());
      // Per key, in publish order, across the poison.
      expect(bySubject(rows, 'a')).toEqual(events.filter((e) => e.subject === 'a' && e !== poison).map((e) => (e.data as { seq: number }).seq));
      expect(bySubject(rows, 'b')).toEqual(events.filter((e) => e.subject === 'b').map((e) => (e.data as { seq: number }).seq));
      // The poison was tried in its batch, then alone (a transaction of its own) with the usual retries.
      const eventsOf = (txid: string) => new Set(calls.filter((c) => c.txid === txid).map((c) => c.id));
      const alone = calls.filter((c) => c.id === poison.id && eventsOf(c.txid).size === 1);
      expect(alone.map((c) => c.attempt)).toEqual([1, 2, 3]);
      expect(calls.filter((c) => c.id === poison.id).length).toBeLessThanOrEqual(4);
      expect(dlq[0]!.headers).toMatchObject({ ce_id: poison.id, ce_dlqerror: 'poison', ce_dlqgroup: 'poisoned', ce_dlqattempts: '3' });
      // Batching happened at all: some transaction held several events.
      expect(new Set(calls.map((c) => c.txid)).size).toBeLessThan(calls.length);
    });
  });
}
