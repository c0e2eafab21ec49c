// The relay leases rows instead of holding a transaction open while it publishes: no session of its sits idle in
// a transaction during a publish, a row leased to one relay holds back its key's later rows from every other
// relay, and the rows of a relay that died after claiming go to another relay once the lease runs out.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type Knex } from '../../src/db/index.js';
import {
  createInProcessTransport,
  OutboxRelay,
  publishInTransaction,
  type CloudEvent,
  type EventTransport,
  type OutboxRelayOptions,
  type WireMessage,
} from '../../src/events/index.js';
import { claimPending } from '../../src/events/outbox-claim.js';
import { createEventsDatabase, type EventsDatabase } from './support/events-database.js';
import { gate, itemEvent, uniqueTopic, waitFor } from './support/fixtures.js';
import { faultyTransport } from './support/outbox-contract.js';

describe('outbox relay claim lease', () => {
  let database: EventsDatabase;
  let relayDb: Knex;
  let transport: EventTransport;
  let topic: string;
  const published: WireMessage[] = [];
  const stops: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    database = await createEventsDatabase('svc');
    relayDb = createDatabase({ url: database.url, schema: database.schema, applicationName: 'lease-relay' });
  });
  afterAll(async () => {
    await relayDb.destroy();
    await database.close();
  });
  beforeEach(() => {
    topic = uniqueTopic();
    published.length = 0;
    const inner = createInProcessTransport();
    transport = { ...inner, kind: inner.kind, publish: async (m) => void published.push(...m), close: () => inner.close() };
  });
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
    await transport.close();
  });

  const relay = (overrides: Partial<OutboxRelayOptions> = {}) => {
    const r = new OutboxRelay({ db: relayDb, schema: database.schema, transport, listen: false, ...overrides });
    stops.push(() => r.stop());
    return r;
  };
  const write = (events: CloudEvent[]) =>
    database.db.transaction(async (trx) => {
      for (const e of events) await publishInTransaction(trx, e);
    });
  const seqs = () => published.map((m) => `${m.key}:${(JSON.parse(m.value) as { seq: number }).seq}`);
  const row = (event: CloudEvent) => database.db('outbox_events').where('event_id', event.id).first();

  it('publishes with no transaction open, the rows leased to it until they are marked sent', async () => {
    const event = itemEvent(topic, 'k', 1);
    await write([event]);
    let during: { idleInTransaction: number; row: { sent_at: Date | null; leased: boolean } } | undefined;
    const r = relay({
      claimLeaseMs: 60_000,
      transport: faultyTransport(transport, {
        before: async () => {
          const { rows } = await database.admin(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND application_name = 'lease-relay' AND state LIKE 'idle in transaction%'`,
          );
          const leased = await database.db('outbox_events').where('event_id', event.id)
            .first('sent_at', database.db.raw('next_attempt_at > now() + interval \'50 seconds\' AS leased'));
          during = { idleInTransaction: rows[0].n, row: leased };
        },
      }),
    });
    expect(await r.drain()).toBe(1);
    expect(during).toEqual({ idleInTransaction: 0, row: { sent_at: null, leased: true } });
    expect(await row(event)).toMatchObject({ attempts: 0, last_error: null });
    expect((await row(event)).sent_at).not.toBeNull();
  });

  it('claims no later row of a key whose earlier row another relay holds, and other keys go on', async () => {
    const [k1, k2, j1] = [itemEvent(topic, 'k', 1), itemEvent(topic, 'k', 2), itemEvent(topic, 'j', 1)];
    await write([k1!, k2!, j1!]);
    const held = gate();
    let claimed!: () => void;
    const inPublish = new Promise<void>((resolve) => (claimed = resolve));
    const slow = relay({ batchSize: 1, transport: faultyTransport(transport, { before: async () => (claimed(), held.promise) }) });
    const holding = slow.drain(); // claims k:1, then waits inside publish
    await inPublish;
    const other = relay();
    expect(await other.drain()).toBe(1); // j:1 only: k:2 waits behind k:1
    expect(seqs()).toEqual(['j:1']);
    held.open();
    expect((await holding) + (await other.drain())).toBe(2); // k:1, then k:2 by whichever relay comes first
    expect(seqs().filter((s) => s.startsWith('k:'))).toEqual(['k:1', 'k:2']);
  });

  it('lets another relay claim the rows of a relay that died after claiming, once the lease has run out', async () => {
    const events = [1, 2, 3].map((seq) => itemEvent(topic, 'k', seq));
    await write(events);
    // A relay claims with a 3 s lease and dies before publishing anything.
    expect(await claimPending(relayDb, 'fresh', 10, 3_000)).toHaveLength(3);
    const next = relay();
    expect(await next.drain()).toBe(0); // leased: not before the lease runs out
    let sent = 0;
    await waitFor(async () => (sent += await next.drain()) === 3, 'the rows claimed again after the lease');
    expect(seqs()).toEqual(['k:1', 'k:2', 'k:3']);
    for (const e of events) expect(await row(e)).toMatchObject({ attempts: 0 });
  });

  it('gives a failed publish back to the sweeper with its backoff instead of the lease', async () => {
    const event = itemEvent(topic, 'k', 1);
    await write([event]);
    const r = relay({
      claimLeaseMs: 60_000,
      retryBackoff: { initialDelayMs: 20, maxDelayMs: 20 },
      transport: faultyTransport(transport, { before: async () => { throw new Error('broker unavailable'); } }),
    });
    expect(await r.drain()).toBe(0);
    const failed = await database.db('outbox_events').where('event_id', event.id)
      .first('attempts', 'last_error', database.db.raw(`next_attempt_at < now() + interval '10 seconds' AS soon`));
    expect(failed).toEqual({ attempts: 1, last_error: 'broker unavailable', soon: true });
  });
});
