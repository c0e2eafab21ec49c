// The one contract every transport must meet: per-key order, groups, retries, DLQ, drain and crash.
// Both the in-process and the Kafka test files run it unchanged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deadLetterTopic,
  startEventConsumer,
  toWireMessage,
  type CloudEvent,
  type EventTransport,
  type ReceivedMessage,
  type Subscription,
} from '../../../src/events/index.js';
import { gate, itemEvent, Recorder, uniqueTopic, waitFor } from './fixtures.js';

export type TransportFactory = () => EventTransport;

const FAST_RETRY = { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 50 };

export function transportContract(name: string, makeTransport: TransportFactory): void {
  describe(`${name} transport contract`, () => {
    let transport: EventTransport;
    let topic: string;
    const subscriptions: Subscription[] = [];

    const consume = async (group: string, handler: (e: CloudEvent, attempt: number) => Promise<void>, topics = [topic]) => {
      const sub = await startEventConsumer({ transport, group, topics, handler: (e, d) => handler(e, d.attempt), retry: FAST_RETRY });
      subscriptions.push(sub);
      return sub;
    };
    const publish = (events: CloudEvent[]) => transport.publish(events.map((e) => toWireMessage(topic, e.subject, e)));

    beforeEach(() => {
      transport = makeTransport();
      topic = uniqueTopic();
    });
    afterEach(async () => {
      await Promise.all(subscriptions.splice(0).map((s) => s.stop()));
      await transport.close();
    });

    it('delivers the events of each key in the order they were published', async () => {
      const keys = ['a', 'b', 'c', 'd', 'e'];
      const events = Array.from({ length: 50 }, (_, i) => itemEvent(topic, keys[i % keys.length]!, i));
      await publish(events);
      const seen = new Recorder();
      await consume('orders', async (e) => seen.record(e));
      await waitFor(() => seen.events.length === 50, 'all 50 events');
      for (const key of keys) {
        const seqs = seen.bySubject(key);
        expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
        expect(seqs).toHaveLength(10);
      }
    });

    it('gives every consumer group each event once and shares a group\'s events among its members', async () => {
      const events = Array.from({ length: 30 }, (_, i) => itemEvent(topic, `k${i}`, i));
      const search = new Recorder();
      const members = [new Recorder(), new Recorder()];
      const subs = [await consume('search', async (e) => search.record(e))];
      for (const member of members) subs.push(await consume('warehouse', async (e) => member.record(e)));
      await publish(events);
      const warehouse = () => members.flatMap((m) => m.events.map((e) => e.id));
      await waitFor(() => search.distinctIds().size === 30 && new Set(warehouse()).size === 30, 'both groups');
      // Drained and stopped before counting: no second delivery can arrive after the count.
      await Promise.all(subs.map((s) => s.stop()));
      const ids = events.map((e) => e.id).sort();
      expect(search.events.map((e) => e.id).sort()).toEqual(ids);
      expect(warehouse().sort()).toEqual(ids); // each event once, across both members
      for (const member of members) expect(member.events.length).toBeGreaterThan(0);
    });

    it('carries the CloudEvents attributes, data and traceparent unchanged', async () => {
      const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
      const sent: CloudEvent = { ...itemEvent(topic, 'sku-1', 7, 'created'), traceparent };
      const raw: ReceivedMessage[] = [];
      const sub = await transport.subscribe({ group: 'audit', topics: [topic], onMessage: async (m) => void raw.push(m) });
      subscriptions.push(sub);
      await publish([sent]);
      await waitFor(() => raw.length === 1, 'the event');
      const received = raw[0]!;
      expect(received.key).toBe('sku-1');
      expect(received.headers).toMatchObject({
        ce_id: sent.id,
        ce_source: '/ecommerce/test',
        ce_type: `${topic}.created`,
        ce_specversion: '1.0',
        ce_subject: 'sku-1',
        ce_time: sent.time,
        traceparent,
        'content-type': 'application/json',
      });
      expect(JSON.parse(received.value!)).toEqual({ seq: 7, subject: 'sku-1' });
    });

    it('delivers a message again, before the ones after it, when its delivery callback rejects', async () => {
      const offsets: number[] = [];
      let failedOnce = false;
      const sub = await transport.subscribe({
        group: 'raw',
        topics: [topic],
        onMessage: async (m) => {
          const seq = (JSON.parse(m.value!) as { seq: number }).seq;
          if (seq === 2 && !failedOnce) {
            failedOnce = true;
            throw new Error('dead-letter topic unreachable');
          }
          offsets.push(seq);
        },
      });
      subscriptions.push(sub);
      await publish([1, 2, 3].map((seq) => itemEvent(topic, 'k', seq)));
      await waitFor(() => offsets.length === 3, 'all three');
      expect(offsets).toEqual([1, 2, 3]);
    });

    it('retries a failing handler with backoff until it succeeds', async () => {
      const attempts: number[] = [];
      await consume('billing', async (_e, attempt) => {
        attempts.push(attempt);
        if (attempt < 3) throw new Error('database busy');
      });
      await publish([itemEvent(topic, 'x', 1)]);
      await waitFor(() => attempts.length === 3, 'three attempts');
      expect(attempts).toEqual([1, 2, 3]);
    });

    it('moves a poison event to the dead-letter topic with its error and goes on with the partition', async () => {
      const done = new Recorder();
      await consume('shipping', async (e) => {
        if ((e.data as { seq: number }).seq === 1) throw new Error('cannot ship to the moon');
        done.record(e);
      });
      const dlq: ReceivedMessage[] = [];
      subscriptions.push(await transport.subscribe({ group: 'ops', topics: [deadLetterTopic(topic)], onMessage: async (m) => void dlq.push(m) }));
      await publish([itemEvent(topic, 'same-key', 1), itemEvent(topic, 'same-key', 2)]);
      await waitFor(() => done.events.length === 1 && dlq.length === 1, 'the next event and the DLQ entry');
      expect(done.bySubject('same-key')).toEqual([2]);
      expect(dlq[0]!.headers).toMatchObject({ ce_dlqerror: 'cannot ship to the moon', ce_dlqgroup: 'shipping', ce_dlqattempts: '3' });
      expect(JSON.parse(dlq[0]!.value!)).toEqual({ seq: 1, subject: 'same-key' });
    });

    it('sends a message that is not a CloudEvent straight to the dead-letter topic', async () => {
      const done = new Recorder();
      await consume('shipping', async (e) => done.record(e));
      const dlq: ReceivedMessage[] = [];
      subscriptions.push(await transport.subscribe({ group: 'ops', topics: [deadLetterTopic(topic)], onMessage: async (m) => void dlq.push(m) }));
      await transport.publish([{ topic, key: 'k', headers: { ce_id: 'only-an-id' }, value: 'not json' }]);
      await publish([itemEvent(topic, 'k', 2)]);
      await waitFor(() => done.events.length === 1 && dlq.length === 1, 'the valid event and the DLQ entry');
      expect(dlq[0]!.headers.ce_dlqerror).toMatch(/ce_source is missing|not JSON/);
      expect(dlq[0]!.headers.ce_dlqattempts).toBe('0');
    });

    it('lets the in-flight handler finish on graceful stop and does not deliver that event again', async () => {
      const slow = gate();
      const first = new Recorder();
      let started = false;
      const sub = await consume('mailer', async (e) => {
        started = true;
        await slow.promise;
        first.record(e);
      });
      await publish([itemEvent(topic, 'k', 1)]);
      await waitFor(() => started, 'the handler to start');
      const stopping = sub.stop();
      setTimeout(() => slow.open(), 50);
      await stopping;
      expect(first.events).toHaveLength(1);
      const again = new Recorder();
      await consume('mailer', async (e) => again.record(e));
      await publish([itemEvent(topic, 'k', 2)]);
      await waitFor(() => again.events.length >= 1, 'the next event');
      expect(again.bySubject('k')).toEqual([2]);
    });

    it('redelivers the unfinished event when a consumer crashes mid-batch', async () => {
      const blocked = gate();
      const before = new Recorder();
      const sub = await consume('crashy', async (e) => {
        if ((e.data as { seq: number }).seq === 3) await blocked.promise;
        before.record(e);
      });
      await publish([1, 2, 3, 4].map((seq) => itemEvent(topic, 'k', seq)));
      await waitFor(() => before.events.length === 2, 'the first two events');
      await sub.kill();
      blocked.fail(new Error('process died'));
      const after = new Recorder();
      await consume('crashy', async (e) => after.record(e));
      await waitFor(() => after.bySubject('k').includes(4), 'the rest after restart');
      expect(after.bySubject('k').slice(-2)).toEqual([3, 4]);
      expect(before.bySubject('k')).toEqual([1, 2]);
    });
  });
}
