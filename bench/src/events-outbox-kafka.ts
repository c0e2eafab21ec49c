// Events end to end (outbox insert -> relay -> Kafka -> consumer with inbox) against raw kafkajs
// produce+consume of the same messages on the same broker, in the same run. Needs KAFKA_BROKERS.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabase, type Knex } from '@ecommerce/common/db';
import {
  createCloudEvent,
  createKafkaTransport,
  idempotentHandler,
  OutboxRelay,
  parseBrokers,
  publishAllInTransaction,
  startEventConsumer,
  toWireMessage,
  type CloudEvent,
} from '@ecommerce/common/events';
import { migrateUp } from '@ecommerce/common/migrate';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { withBenchPostgres } from './bench-postgres.js';
import type { Results } from './measure/results.js';
import { formatMeasured, measureRounds } from './measure/rounds.js';
import { benchSettings } from './measure/settings.js';
import { repoPath } from './repo-path.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const KEYS = 100;
const PER_TRANSACTION = 100;
const SCHEMA = 'bench';

export async function runEventsBench(results: Results): Promise<void> {
  const brokers = parseBrokers(process.env.KAFKA_BROKERS);
  if (brokers.length === 0) {
    console.log('events: skipped, KAFKA_BROKERS is not set (scripts/kafka/start.sh starts a local broker)');
    return;
  }
  await withBenchPostgres('events_bench', async (databaseUrl) => {
    await applyOutboxTemplate(databaseUrl);
    const db = createDatabase({ url: databaseUrl, schema: SCHEMA, poolMax: 10 });
    try {
      // Each round on topics (and consumer groups) of its own, so no round reads another's events.
      const freshEvents = (run: string) =>
        Array.from({ length: EVENTS }, (_, i) =>
          createCloudEvent({ source: '/ecommerce/bench', type: `bench${run}.item.changed`, subject: `item-${i % KEYS}`, data: { seq: i, name: `item ${i}`, priceMinor: 1999 } }),
        );
      const rate = (seconds: number) => ({ value: EVENTS / seconds });
      console.log(`${EVENTS} events over ${KEYS} keys, 3 partitions, one broker (Apache Kafka from scripts/kafka), ${PER_TRANSACTION} events per transaction, ${benchSettings.rounds} rounds`);
      console.log('relay, consumers and producers share this process with the broker client: the comparison is of the event path, not of a server under load');
      const measured = await measureRounds(
        [
          {
            label: 'outbox -> relay -> kafka -> consumer+inbox',
            unit: 'events/s',
            run: async () => {
              const run = randomBytes(3).toString('hex');
              return rate(await endToEnd(db, brokers, `bench${run}.item`, `bench-e2e-${run}`, freshEvents(run)));
            },
          },
          {
            label: 'raw kafkajs produce+consume',
            unit: 'events/s',
            run: async () => {
              const run = randomBytes(3).toString('hex');
              return rate(await rawKafkajs(brokers, `bench${run}.raw`, `bench-raw-${run}`, freshEvents(run)));
            },
          },
        ],
        benchSettings.rounds,
      );
      for (const m of measured) console.log(formatMeasured(m));
      results.compare('outbox -> relay -> Kafka -> consumer vs raw kafkajs', measured[0]!, measured[1]!, 0.4);
    } finally {
      await db.destroy();
    }
  });
}

async function endToEnd(db: Knex, brokers: string[], topic: string, group: string, events: CloudEvent[]): Promise<number> {
  const transport = createKafkaTransport({ brokers, clientId: 'bench-e2e', partitions: 3 });
  let handled = 0;
  let finish!: () => void;
  const allHandled = new Promise<void>((resolve) => (finish = resolve));
  const consumer = await startEventConsumer({
    transport,
    group,
    topics: [topic],
    handler: idempotentHandler(db, 'bench-e2e', async () => {
      if (++handled === events.length) finish();
    }),
  });
  const relay = new OutboxRelay({ db, schema: SCHEMA, transport, batchSize: 500 });
  await relay.start();
  try {
    const started = performance.now();
    for (let i = 0; i < events.length; i += PER_TRANSACTION) {
      await db.transaction((trx) => publishAllInTransaction(trx, events.slice(i, i + PER_TRANSACTION)));
    }
    const written = performance.now();
    await waitForEmptyOutbox(db);
    const relayed = performance.now();
    await allHandled;
    const done = performance.now();
    console.log(`end-to-end phases: outbox writes ${((written - started) / 1000).toFixed(2)} s, all relayed at ${((relayed - started) / 1000).toFixed(2)} s, all handled at ${((done - started) / 1000).toFixed(2)} s`);
    return (done - started) / 1000;
  } finally {
    await relay.stop();
    await consumer.stop();
    await transport.close();
  }
}

async function waitForEmptyOutbox(db: Knex): Promise<void> {
  for (;;) {
    const [{ n }] = (await db('outbox_events').whereNull('sent_at').count({ n: '*' })) as [{ n: number }];
    if (Number(n) === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function rawKafkajs(brokers: string[], topic: string, group: string, events: CloudEvent[]): Promise<number> {
  const kafka = new Kafka({ clientId: 'bench-raw', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3, replicationFactor: 1 }] });
  await admin.disconnect();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = kafka.consumer({ groupId: group, maxWaitTimeInMs: 250 });
  // Same consumer concurrency as the transport, so the ratio measures the outbox and inbox, not a setting.
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let received = 0;
  let finish!: () => void;
  const allReceived = new Promise<void>((resolve) => (finish = resolve));
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachMessage: async () => {
      if (++received === events.length) finish();
    },
  });
  const messages = events.map((e) => toWireMessage(topic, e.subject, e));
  try {
    const started = performance.now();
    for (let i = 0; i < messages.length; i += 500) {
      await producer.send({ topic, acks: -1, messages: messages.slice(i, i + 500).map((m) => ({ key: m.key, value: m.value, headers: m.headers })) });
    }
    await allReceived;
    return (performance.now() - started) / 1000;
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
  }
}

/** The outbox/inbox template of migrations/README.md, applied by the goose runner as a service's migration. */
async function applyOutboxTemplate(databaseUrl: string): Promise<void> {
  const readme = await readFile(repoPath('migrations/README.md'), 'utf8');
  const block = /<!-- outbox-inbox-template:start -->\s*```sql\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('outbox template not found in migrations/README.md');
  const dir = await mkdtemp(path.join(tmpdir(), 'events-bench-'));
  try {
    await writeFile(path.join(dir, '00001_create_event_outbox_inbox.sql'), block);
    await migrateUp({ databaseUrl, service: SCHEMA, dir });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
