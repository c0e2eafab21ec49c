// A real process for the crash tests, killed with SIGKILL by the test: `consumer` runs the effect consumer of
// support/effects.ts on TOPIC for GROUP; `relay` runs an outbox relay. Each reports its progress on stdout
// and, once it reaches HOLD_AFTER, never gets further, so the test's SIGKILL lands mid-stream by construction
// and at the worst moments: the consumer has committed an effect whose offset it has not committed, and holds
// events delivered but not applied; the relay has published part of a batch it has not marked sent.
import { createDatabase } from '../../../src/db/knex-factory.js';
import { startEventConsumer } from '../../../src/events/consumer.js';
import { createKafkaTransport } from '../../../src/events/kafka-transport.js';
import { OutboxRelay } from '../../../src/events/outbox-relay.js';
import type { EventTransport } from '../../../src/events/transport.js';
import { effectHandler } from './effects.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`crash-worker: ${name} is not set`);
  return value;
};
const report = (line: string) => process.stdout.write(`${line}\n`);
const stuck = new Promise<never>(() => {});

// The test holds our stdin open; if the test process dies without killing us, we go too instead of lingering.
process.stdin.on('close', () => process.exit(1)).resume();

const holdAfter = Number(env('HOLD_AFTER'));
const db = createDatabase({ url: env('DATABASE_URL'), schema: 'svc', poolMax: 4, applicationName: 'crash-worker' });
const transport = createKafkaTransport({ brokers: env('KAFKA_BROKERS').split(','), clientId: 'crash-worker', partitions: 3 });

if (process.argv[2] === 'consumer') {
  const apply = effectHandler(db, env('GROUP'));
  let handled = 0;
  await startEventConsumer({
    transport,
    group: env('GROUP'),
    topics: [env('TOPIC')],
    handler: async (event, delivery) => {
      if (handled >= holdAfter) {
        report(`holding ${event.id}`); // delivered, not applied
        return stuck;
      }
      await apply(event, delivery);
      handled += 1;
      report(`handled ${handled} ${event.id}`);
      // Only the HOLD_AFTER-th stops here (effect committed, offset not); one that finished alongside it lets its
      // partition go on, so some later event is sure to be held unapplied.
      if (handled === holdAfter) return stuck;
    },
  });
} else if (process.argv[2] === 'relay') {
  let published = 0;
  const holding: EventTransport = {
    kind: transport.kind,
    subscribe: (options) => transport.subscribe(options),
    close: () => transport.close(),
    publish: async (messages) => {
      const now = messages.slice(0, Math.max(0, holdAfter - published));
      if (now.length > 0) await transport.publish(now);
      published += now.length;
      if (now.length > 0) report(`published ${published}`);
      if (published >= holdAfter) return stuck; // part of the batch is on Kafka, none of it marked sent
    },
  };
  // A short lease: the test's next relay claims the rows this one dies holding without waiting the default 30 s.
  await new OutboxRelay({ db, schema: 'svc', transport: holding, batchSize: 10, claimLeaseMs: 1_000 }).start();
} else {
  throw new Error(`crash-worker: unknown role ${process.argv[2]}`);
}
