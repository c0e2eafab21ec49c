// The housekeeping scheduler against real Postgres: the built-in prune tasks remove only what is past its
// retention, one round runs at a time across instances, a failing task does not stop the others, and the
// timer neither keeps the process alive nor outlives stop().
import { Writable } from 'node:stream';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Housekeeping, pruneFinishedSagasTask, pruneIdempotencyKeysTask, pruneInboxTask, pruneOutboxTask, type HousekeepingTask } from '../../src/housekeeping/index.js';
import { createInProcessTransport, OutboxRelay } from '../../src/events/index.js';
import { IdempotencyStore } from '../../src/idempotency/index.js';
import { createLogger } from '../../src/logger/index.js';
import { createTemplateDatabase, type TemplateDatabase } from '../support/template-database.js';

let database: TemplateDatabase;
const logger = createLogger({ service: 'housekeeping-test', destination: new Writable({ write: (_c, _e, cb) => cb() }) });
const DAY_MS = 24 * 3_600_000;

beforeAll(async () => {
  database = await createTemplateDatabase('upkeep', ['outbox-inbox', 'saga', 'idempotency']);
});

afterAll(async () => {
  await database.close();
});

/** A task that says when it has started and finishes when opened. */
function blockingTask(name: string) {
  let started!: () => void;
  let open!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const opened = new Promise<void>((resolve) => (open = resolve));
  let runs = 0;
  const task: HousekeepingTask = {
    name,
    async run() {
      runs += 1;
      started();
      await opened;
      return 0;
    },
  };
  return { task, running, open, runs: () => runs };
}

const ids = async (sql: string) => (await database.admin<{ id: string }>(sql)).map((r) => r.id).sort();

describe('housekeeping', () => {
  it('prunes only what is past its retention: old inbox rows, old sent outbox rows, expired keys, old finished sagas', async () => {
    await database.admin(`
      INSERT INTO upkeep.inbox_events (consumer_group, event_id, event_type, processed_at) VALUES
        ('g', 'old', 't', now() - interval '8 days'), ('g', 'recent', 't', now() - interval '1 day');
      INSERT INTO upkeep.outbox_events (event_id, topic, event_key, event_type, envelope, created_at, sent_at) VALUES
        ('sent-old', 'x', 'k', 't', '{}', now() - interval '9 days', now() - interval '8 days'),
        ('sent-recent', 'x', 'k', 't', '{}', now() - interval '1 day', now() - interval '1 day'),
        ('unsent-old', 'x', 'k', 't', '{}', now() - interval '9 days', NULL);
      INSERT INTO upkeep.idempotency_keys (caller, idempotency_key, request_hash, status, claim_token, expires_at) VALUES
        ('u', 'expired', 'h', 'completed', gen_random_uuid(), now() - interval '1 second'),
        ('u', 'live', 'h', 'completed', gen_random_uuid(), now() + interval '1 hour');
      INSERT INTO upkeep.saga_instances (saga_id, saga_name, status, input, finished_at) VALUES
        ('done-old', 's', 'completed', '{}', now() - interval '31 days'),
        ('failed-old', 's', 'failed', '{}', now() - interval '31 days'),
        ('done-recent', 's', 'compensated', '{}', now() - interval '1 day');`);
    const db = database.db;
    // Never started: housekeeping only borrows its prune, with its retention.
    const transport = createInProcessTransport();
    const relay = new OutboxRelay({ db, schema: 'upkeep', transport, retentionMs: 7 * DAY_MS });
    const housekeeping = new Housekeeping({
      db,
      service: 'upkeep',
      logger,
      tasks: [pruneInboxTask(db, 7 * DAY_MS), pruneOutboxTask(relay), pruneIdempotencyKeysTask(new IdempotencyStore(db)), pruneFinishedSagasTask(db, 30 * DAY_MS)],
    });

    const round = await housekeeping.runOnce();
    await transport.close();

    expect(round).toEqual({ ran: true, removed: { 'prune-inbox': 1, 'prune-outbox': 1, 'prune-idempotency-keys': 1, 'prune-finished-sagas': 1 } });
    expect(await ids('SELECT event_id AS id FROM upkeep.inbox_events')).toEqual(['recent']);
    expect(await ids('SELECT event_id AS id FROM upkeep.outbox_events')).toEqual(['sent-recent', 'unsent-old']);
    expect(await ids('SELECT idempotency_key AS id FROM upkeep.idempotency_keys')).toEqual(['live']);
    expect(await ids('SELECT saga_id AS id FROM upkeep.saga_instances')).toEqual(['done-recent', 'failed-old']);
  });

  it('runs one round at a time per service: another instance skips while the lock is held, another service does not', async () => {
    const blocking = blockingTask('slow');
    const first = new Housekeeping({ db: database.db, service: 'upkeep', logger, tasks: [blocking.task] });
    const second = new Housekeeping({ db: database.db, service: 'upkeep', logger, tasks: [{ name: 'quick', run: async () => 0 }] });
    const otherService = new Housekeeping({ db: database.db, service: 'elsewhere', logger, tasks: [] });

    const firstRound = first.runOnce();
    await blocking.running;
    const secondRound = await second.runOnce();
    const otherRound = await otherService.runOnce();
    blocking.open();

    expect(secondRound).toEqual({ ran: false });
    expect(otherRound).toEqual({ ran: true, removed: {} });
    expect(await firstRound).toEqual({ ran: true, removed: { slow: 0 } });
    expect(await second.runOnce()).toEqual({ ran: true, removed: { quick: 0 } }); // the lock went with the round
  });

  it('runs the other tasks when one fails, and counts the failure', async () => {
    const registry = new Registry();
    const housekeeping = new Housekeeping({
      db: database.db,
      service: 'upkeep',
      logger,
      metrics: registry,
      tasks: [{ name: 'broken', run: () => Promise.reject(new Error('relation "gone" does not exist')) }, { name: 'fine', run: async () => 3 }],
    });

    expect(await housekeeping.runOnce()).toEqual({ ran: true, removed: { broken: 'failed', fine: 3 } });
    expect(await registry.getSingleMetricAsString('housekeeping_task_failures_total')).toContain('{task="broken"} 1');
    expect(await registry.getSingleMetricAsString('housekeeping_rows_removed_total')).toContain('{task="fine"} 3');
  });

  it('runs rounds on an unref\'d timer, and stop() waits for the round in progress and schedules no more', async () => {
    const blocking = blockingTask('timed');
    const housekeeping = new Housekeeping({ db: database.db, service: 'timer', logger, intervalMs: 5, tasks: [blocking.task] });
    const timersBefore = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

    housekeeping.start();
    const keptAlive = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length - timersBefore;
    await blocking.running;
    let stopped = false;
    const stopping = housekeeping.stop().then(() => (stopped = true));
    await Promise.resolve();
    const stoppedBeforeRoundEnded = stopped;
    blocking.open();
    await stopping;

    expect(keptAlive).toBe(0);
    expect(stoppedBeforeRoundEnded).toBe(false);
    expect(blocking.runs()).toBe(1);
  });
});
