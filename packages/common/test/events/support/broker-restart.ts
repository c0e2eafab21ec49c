// Kafka only: the broker goes down while the relay and a consumer are mid-stream, once stopped cleanly and
// once killed (SIGKILL, no controlled shutdown), and starts again; no event is lost or applied twice.
// Needs the broker of scripts/kafka (KAFKA_SCRIPTED_BROKER=1), since the test restarts it.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createKafkaTransport,
  OutboxRelay,
  publishInTransaction,
  startEventConsumer,
} from '../../../src/events/index.js';
import { CREATE_EFFECTS_TABLE, effectCounts, effectHandler, lostAndDoubled } from './effects.js';
import { createEventsDatabase, type EventsDatabase } from './events-database.js';
import { itemEvent, uniqueTopic, waitFor } from './fixtures.js';

const run = promisify(execFile);
const SCRIPTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../scripts/kafka');

export function brokerRestartSuite(brokers: string[]): void {
  const scripted = process.env.KAFKA_SCRIPTED_BROKER === '1';
  if (!scripted) {
    describe('kafka broker restart', () => {
      it.skip('was not run: KAFKA_SCRIPTED_BROKER=1 is not set, so the test may not restart the broker', () => {});
    });
    return;
  }
  describe('kafka broker restart', () => {
    let database: EventsDatabase;
    beforeAll(async () => {
      database = await createEventsDatabase('svc');
      await database.admin(CREATE_EFFECTS_TABLE);
    });
    afterAll(() => database.close());

    const cases = [
      { how: 'stopped', stopArgs: [] },
      { how: 'killed (SIGKILL)', stopArgs: ['--kill'] },
    ];
    for (const { how, stopArgs } of cases) {
      it(`loses no event and applies none twice when the broker is ${how} mid-stream and restarted`, { timeout: 180_000 }, async () => {
        const topic = uniqueTopic();
        const group = `warehouse-${topic}`;
        const transport = createKafkaTransport({ brokers, clientId: 'restart-test', partitions: 3 });
        const relay = new OutboxRelay({
          db: database.db,
          schema: database.schema,
          transport,
          pollIntervalMs: 200,
          sweepIntervalMs: 200,
          retryBackoff: { initialDelayMs: 200, maxDelayMs: 2_000 },
        });
        const consumer = await startEventConsumer({
          transport,
          group,
          topics: [topic],
          retry: { maxAttempts: 1_000, initialDelayMs: 100, maxDelayMs: 1_000 },
          handler: effectHandler(database.db, group),
        });
        await relay.start();
        const events = Array.from({ length: 300 }, (_, i) => itemEvent(topic, `k${i % 10}`, i));
        const write = (slice: typeof events) =>
          database.db.transaction(async (trx) => {
            for (const e of slice) await publishInTransaction(trx, e);
          });
        const applied = async () => (await effectCounts(database.db, events.map((e) => e.id))).size;
        try {
          for (let i = 0; i < 100; i += 10) await write(events.slice(i, i + 10));
          await waitFor(async () => (await applied()) >= 50, 'the stream to flow', 60_000);
          await run('bash', [path.join(SCRIPTS, 'stop.sh'), ...stopArgs]);
          for (let i = 100; i < 200; i += 10) await write(events.slice(i, i + 10)); // written while the broker is down
          await run('bash', [path.join(SCRIPTS, 'start.sh')]);
          for (let i = 200; i < 300; i += 10) await write(events.slice(i, i + 10));
          await waitFor(async () => (await applied()) === 300, 'all 300 effects', 150_000);
        } finally {
          await relay.stop();
          await consumer.stop();
          await transport.close();
        }
        // Counted after the consumer has stopped (drained): a late redelivery cannot slip in after the count.
        expect(await lostAndDoubled(database.db, events.map((e) => e.id))).toEqual({ lost: [], doubled: [] });
      });
    }
  });
}
